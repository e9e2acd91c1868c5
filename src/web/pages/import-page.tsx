/**
 * Import OKRs from a spreadsheet: choose the default unit and cycle, upload a CSV or XLSX (one row
 * per key result), read the preview — the column mapping, what will be created and every problem
 * by row and column — then confirm. The preview says how the file was read (separator, decimal
 * mark, date order) and lets the person change that and what each column holds; every change reads
 * the file again, and the confirmation sends the same choices. Nothing is written before the
 * confirmation, and then all of it or nothing. Also offers the blank spreadsheet X-matrix template.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { OkrImportPreview, OkrImportResult } from '../../contracts';
import type { OkrSheetField } from '../../core/okr-sheet-columns';
import {
  confirmOkrImport,
  previewOkrImport,
  X_MATRIX_TEMPLATE_URL,
  type OkrReadingChoice,
  type ReadingChoice,
} from '../api-uploads';
import { keys } from '../api/query-keys';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon, CheckIcon } from '../components/icons';
import { ColumnMappingEditor } from '../components/imports/column-mapping-editor';
import { ImportPreviewView } from '../components/imports/import-preview';
import { ReadingChoices } from '../components/imports/reading-choices';
import {
  columnsQuery,
  mappingRows,
  readingLine,
  type ColumnChoiceMap,
  type MappingEntry,
} from '../components/imports/sheet-reading';
import { uploadErrorMessage } from '../components/imports/upload-error';
import { UploadProgress } from '../components/imports/upload-progress';
import { LoadingBlock } from '../components/spinner';
import { useToast } from '../components/toast';
import { useOrg } from '../hooks/org-context';
import { useImportRun } from '../hooks/use-import-run';
import { paths } from '../paths';
import { currentCycle } from '../../core/cycle';
import { localIsoDate } from '../../core/calendar';

/** How the person asked the file to be read: the decimal mark, the date order and what columns hold. */
interface Reading {
  choice: ReadingChoice;
  columns: ColumnChoiceMap;
}

const DETECTED: Reading = { choice: {}, columns: {} };

const queryOf = (reading: Reading): OkrReadingChoice => ({
  ...reading.choice,
  columns: columnsQuery(reading.columns),
});

type Stage =
  | { kind: 'idle' }
  /** `preview` is the one on screen while the same file is read again with other choices. */
  | { kind: 'uploading'; action: 'preview' | 'confirm'; share: number; preview?: OkrImportPreview }
  | { kind: 'previewed'; preview: OkrImportPreview }
  | { kind: 'done'; result: OkrImportResult }
  | { kind: 'failed'; message: string; preview?: OkrImportPreview };

export function ImportPage() {
  const { t } = useTranslation('imports');
  const { data } = useOrg();
  const search = new URLSearchParams(useSearch());
  const toast = useToast();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState(search.get('unit') ?? '');
  const [cycleId, setCycleId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [reading, setReading] = useState<Reading>(DETECTED);
  /** Every column seen in this file's previews, so a column set to a taken field stays editable. */
  const [seen, setSeen] = useState<MappingEntry[]>([]);
  const importRun = useImportRun();
  if (!data) return <LoadingBlock />;
  const organisationId = data.organisation.id;
  const cycle = cycleId || (currentCycle(data.cycles, localIsoDate(new Date()))?.id ?? '');
  const target = { organisationId, unitId: unitId || undefined, cycleId: cycle || undefined };

  const shown =
    stage.kind === 'previewed' ? stage.preview : stage.kind === 'uploading' ? stage.preview : undefined;

  const runPreview = async (chosen: File, next: Reading, fresh: boolean) => {
    const previous = fresh ? undefined : shown;
    setReading(next);
    setStage({ kind: 'uploading', action: 'preview', share: 0, preview: previous });
    try {
      const preview = await previewOkrImport(
        chosen,
        target,
        (share) => setStage({ kind: 'uploading', action: 'preview', share, preview: previous }),
        queryOf(next),
      );
      setSeen((before) => {
        const known = fresh ? [] : before;
        return [...known, ...preview.mapping.filter((m) => !known.some((k) => k.column === m.column))];
      });
      setStage({ kind: 'previewed', preview });
    } catch (error) {
      setStage({ kind: 'failed', message: uploadErrorMessage(error), preview: previous });
    }
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    if (chosen) void runPreview(chosen, DETECTED, true);
  };
  const onReading = (next: Reading) => {
    if (file) void runPreview(file, next, false);
  };
  const onConfirm = async (preview: OkrImportPreview) => {
    if (!file) return;
    setStage({ kind: 'uploading', action: 'confirm', share: 0 });
    const run = importRun.begin();
    try {
      const result = await confirmOkrImport(
        file,
        target,
        (share) => setStage({ kind: 'uploading', action: 'confirm', share }),
        queryOf(reading),
        run,
      ).finally(importRun.end);
      setStage({ kind: 'done', result });
      // Rows may land in any unit of the organisation: its reads and every unit's are stale now.
      void client.invalidateQueries({ queryKey: keys.org(organisationId) });
      void client.invalidateQueries({ queryKey: keys.everyUnit() });
      toast.show({
        tone: 'success',
        message: t('page.imported', {
          objectives: result.created.objectives,
          keyResults: result.created.keyResults,
        }),
      });
    } catch (error) {
      setStage({ kind: 'failed', message: uploadErrorMessage(error), preview });
    }
  };
  const previewView = (preview: OkrImportPreview, busy: boolean) => {
    const rows = mappingRows(seen, preview.mapping, reading.columns);
    return (
      <ImportPreviewView
        preview={preview}
        busy={busy}
        reading={
          <ReadingChoices
            line={readingLine(preview.format, preview.separator, preview.locale)}
            choice={reading.choice}
            disabled={busy}
            onChange={(choice) => onReading({ ...reading, choice })}
          />
        }
        mappingOpen={rows.some((row) => row.field === null || row.repeats || row.from === 'chosen')}
        mapping={
          <ColumnMappingEditor
            rows={rows}
            disabled={busy}
            onChoose={(column: string, field: OkrSheetField | null) =>
              onReading({ ...reading, columns: { ...reading.columns, [column]: field } })
            }
          />
        }
        action={
          <Button
            variant="primary"
            disabled={busy || preview.problems.length > 0 || preview.summary.keyResults === 0}
            onClick={() => void onConfirm(preview)}
            data-testid="import-confirm"
          >
            {t('page.import', { count: preview.summary.objectives })}
          </Button>
        }
      />
    );
  };
  const okrsLink = unitId ? paths.okrs(organisationId, unitId, cycle || undefined) : null;

  return (
    <div className="page page-import">
      <header className="page-header">
        <h1>{t('page.title')}</h1>
        <p className="page-lead">{t('page.lead')}</p>
      </header>
      <section className="import-form" aria-label={t('page.formLabel')}>
        <label className="picker">
          <span>{t('page.unit')}</span>
          <select
            value={unitId}
            onChange={(event) => setUnitId(event.target.value)}
            aria-label={t('page.defaultUnit')}
          >
            <option value="">{t('page.unitFromSheet')}</option>
            {data.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label className="picker">
          <span>{t('page.cycle')}</span>
          <select
            value={cycle}
            onChange={(event) => setCycleId(event.target.value)}
            aria-label={t('page.defaultCycle')}
          >
            {data.cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="btn btn-primary btn-md import-file">
          <span>{t(file ? 'page.chooseAnother' : 'page.choose')}</span>
          <input type="file" accept=".csv,.xlsx,text/csv" onChange={onFile} data-testid="import-file" />
        </label>
        {file && <span className="import-file-name">{file.name}</span>}
        <a className="import-template" href={X_MATRIX_TEMPLATE_URL} download>
          {t('page.matrixTemplate')}
        </a>
      </section>

      {stage.kind === 'uploading' && (
        <UploadProgress
          share={stage.share}
          action={stage.action}
          run={stage.action === 'confirm' ? importRun.run : null}
        />
      )}
      {stage.kind === 'failed' && (
        <EmptyState tone="error" icon={<AlertIcon size={22} />} title={t('page.failed')}>
          {stage.message}
        </EmptyState>
      )}
      {stage.kind === 'previewed' && previewView(stage.preview, false)}
      {stage.kind === 'uploading' && stage.preview && previewView(stage.preview, true)}
      {stage.kind === 'failed' && stage.preview && previewView(stage.preview, false)}
      {stage.kind === 'done' && (
        <EmptyState
          icon={<CheckIcon size={22} />}
          title={t('page.done')}
          action={okrsLink ? <Link href={okrsLink}>{t('page.openOkrs')}</Link> : undefined}
        >
          {t('page.written', {
            objectives: stage.result.created.objectives,
            keyResults: stage.result.created.keyResults,
            people: stage.result.created.people,
          })}
        </EmptyState>
      )}
    </div>
  );
}
