/**
 * Import OKRs from a spreadsheet: choose the default unit and cycle, upload a CSV or XLSX (one row
 * per key result), read the preview — the column mapping, what will be created and every problem
 * by row and column — then confirm. Nothing is written before the confirmation, and then all of
 * it or nothing. Also offers the blank spreadsheet X-matrix template.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { Link, useSearch } from 'wouter';
import type { OkrImportPreview, OkrImportResult } from '../../contracts';
import { confirmOkrImport, previewOkrImport, X_MATRIX_TEMPLATE_URL } from '../api-uploads';
import { keys } from '../api/query-keys';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon, CheckIcon } from '../components/icons';
import { ImportPreviewView } from '../components/imports/import-preview';
import { uploadErrorMessage } from '../components/imports/upload-error';
import { UploadProgress } from '../components/imports/upload-progress';
import { LoadingBlock } from '../components/spinner';
import { useToast } from '../components/toast';
import { useOrg } from '../hooks/org-context';
import { paths } from '../paths';
import { plural } from '../../core/plural';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; action: 'preview' | 'confirm'; share: number }
  | { kind: 'previewed'; preview: OkrImportPreview }
  | { kind: 'done'; result: OkrImportResult }
  | { kind: 'failed'; message: string; preview?: OkrImportPreview };

export function ImportPage() {
  const { data } = useOrg();
  const search = new URLSearchParams(useSearch());
  const toast = useToast();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState(search.get('unit') ?? '');
  const [cycleId, setCycleId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  if (!data) return <LoadingBlock />;
  const organisationId = data.organisation.id;
  const cycle = cycleId || (data.cycles[0]?.id ?? '');
  const target = { organisationId, unitId: unitId || undefined, cycleId: cycle || undefined };

  const runPreview = async (chosen: File) => {
    setStage({ kind: 'uploading', action: 'preview', share: 0 });
    try {
      const preview = await previewOkrImport(chosen, target, (share) =>
        setStage({ kind: 'uploading', action: 'preview', share }),
      );
      setStage({ kind: 'previewed', preview });
    } catch (error) {
      setStage({ kind: 'failed', message: uploadErrorMessage(error) });
    }
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    if (chosen) void runPreview(chosen);
  };
  const onConfirm = async (preview: OkrImportPreview) => {
    if (!file) return;
    setStage({ kind: 'uploading', action: 'confirm', share: 0 });
    try {
      const result = await confirmOkrImport(file, target, (share) =>
        setStage({ kind: 'uploading', action: 'confirm', share }),
      );
      setStage({ kind: 'done', result });
      // Rows may land in any unit of the organisation: its reads and every unit's are stale now.
      void client.invalidateQueries({ queryKey: keys.org(organisationId) });
      void client.invalidateQueries({ queryKey: keys.everyUnit() });
      toast.show({
        tone: 'success',
        message: `Imported ${plural(result.created.objectives, 'objective')} and ${plural(result.created.keyResults, 'key result')}`,
      });
    } catch (error) {
      setStage({ kind: 'failed', message: uploadErrorMessage(error), preview });
    }
  };
  const okrsLink = unitId ? paths.okrs(organisationId, unitId, cycle || undefined) : null;

  return (
    <div className="page page-import">
      <header className="page-header">
        <h1>Import OKRs</h1>
        <p className="page-lead">
          A CSV or XLSX with one row per key result: objective, key result, owner, unit of measure, baseline,
          target, due date and parent. Headers are matched forgivingly (“KR”, “From”, “Aligned to”…). You see
          what will be created before anything is written.
        </p>
      </header>
      <section className="import-form" aria-label="File and defaults">
        <label className="picker">
          <span>Unit</span>
          <select
            value={unitId}
            onChange={(event) => setUnitId(event.target.value)}
            aria-label="Default unit"
          >
            <option value="">From the sheet’s Unit column</option>
            {data.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label className="picker">
          <span>Cycle</span>
          <select
            value={cycle}
            onChange={(event) => setCycleId(event.target.value)}
            aria-label="Default cycle"
          >
            {data.cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="btn btn-primary btn-md import-file">
          <span>{file ? 'Choose another file' : 'Choose a CSV or XLSX…'}</span>
          <input type="file" accept=".csv,.xlsx,text/csv" onChange={onFile} data-testid="import-file" />
        </label>
        {file && <span className="import-file-name">{file.name}</span>}
        <a className="import-template" href={X_MATRIX_TEMPLATE_URL} download>
          Spreadsheet X-matrix template (XLSX)
        </a>
      </section>

      {stage.kind === 'uploading' && <UploadProgress share={stage.share} action={stage.action} />}
      {stage.kind === 'failed' && (
        <EmptyState tone="error" icon={<AlertIcon size={22} />} title="The import did not go through">
          {stage.message}
        </EmptyState>
      )}
      {stage.kind === 'previewed' && (
        <ImportPreviewView
          preview={stage.preview}
          action={
            <Button
              variant="primary"
              disabled={stage.preview.problems.length > 0 || stage.preview.summary.keyResults === 0}
              onClick={() => void onConfirm(stage.preview)}
              data-testid="import-confirm"
            >
              Import {plural(stage.preview.summary.objectives, 'objective')}
            </Button>
          }
        />
      )}
      {stage.kind === 'done' && (
        <EmptyState
          icon={<CheckIcon size={22} />}
          title="Imported"
          action={okrsLink ? <Link href={okrsLink}>Open the OKRs</Link> : undefined}
        >
          {plural(stage.result.created.objectives, 'objective')},{' '}
          {plural(stage.result.created.keyResults, 'key result')} and{' '}
          {plural(stage.result.created.people, 'new person', 'new people')} were written in one go.
        </EmptyState>
      )}
    </div>
  );
}
