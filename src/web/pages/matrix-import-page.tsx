/**
 * Import an X-matrix from a spreadsheet (the layout the XLSX export writes): choose the file, the
 * unit and year it goes into and whether it replaces that unit's matrix with the file's IDs or
 * arrives as a copy with new ones; read the preview (counts, what a copy leaves out, every problem
 * by sheet and row), then confirm. Nothing is written before the confirmation, and then all of it
 * or nothing; the page then opens the imported matrix. Only units the user may edit are offered.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { MatrixImportPreview } from '../../contracts';
import {
  confirmMatrixImport,
  previewMatrixImport,
  X_MATRIX_TEMPLATE_URL,
  type MatrixImportTarget,
} from '../api-uploads';
import { keys } from '../api/query-keys';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon, GridIcon } from '../components/icons';
import { MatrixImportPreviewView } from '../components/imports/matrix-import-preview';
import { uploadErrorMessage } from '../components/imports/upload-error';
import { UploadProgress } from '../components/imports/upload-progress';
import { LoadingBlock } from '../components/spinner';
import { useToast } from '../components/toast';
import { useOrg } from '../hooks/org-context';
import { useImportRun } from '../hooks/use-import-run';
import { paths } from '../paths';
import { isAllowed, membershipIn, orgTreeOf } from '../session/permissions';
import { useMe } from '../session/session-context';

type Mode = MatrixImportTarget['mode'];
type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; action: 'preview' | 'confirm'; share: number }
  | { kind: 'previewed'; preview: MatrixImportPreview }
  | { kind: 'failed'; message: string; preview?: MatrixImportPreview };

const MODES: { mode: Mode; label: string; hint: string }[] = [
  {
    mode: 'replace',
    label: 'Replace the unit’s matrix',
    hint: 'For a file exported from this unit: items keep their IDs, the matrix for the year is replaced.',
  },
  {
    mode: 'copy',
    label: 'Import as a copy',
    hint: 'For a file from another unit: every item gets a new ID; links within the file are kept.',
  },
];

const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function MatrixImportPage() {
  const { data } = useOrg();
  const me = useMe();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const toast = useToast();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState(search.get('unit') ?? '');
  const [year, setYear] = useState(Number(search.get('year')) || new Date().getFullYear());
  const [mode, setMode] = useState<Mode>('replace');
  const modeChosen = useRef(false);
  /** The Matrix sheet's Unit cell when the page switched to the copy for it. */
  const [copiedFrom, setCopiedFrom] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const importRun = useImportRun();
  const request = useRef(0);

  const editable = useMemo(() => {
    if (!data) return [];
    const tree = orgTreeOf(data.units);
    const membership = membershipIn(me, data.organisation.id);
    return data.units.filter((unit) => isAllowed(me, tree, membership, 'edit', { unitId: unit.id }));
  }, [data, me]);
  const target = editable.find((u) => u.id === unitId) ?? editable[0];
  const yearValid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  // The preview reruns when the file or a choice changes, not when the organisation's data reloads.
  const targetRef = useRef(target);
  targetRef.current = target;
  const targetId = target?.id;

  useEffect(() => {
    const chosen = targetRef.current;
    if (!file || !chosen || !yearValid) return;
    const ticket = ++request.current;
    const current = { unitId: chosen.id, year, mode };
    setStage({ kind: 'uploading', action: 'preview', share: 0 });
    previewMatrixImport(file, current, (share) => {
      if (ticket === request.current) setStage({ kind: 'uploading', action: 'preview', share });
    }).then(
      (preview) => {
        if (ticket !== request.current) return;
        const fromHere =
          sameLabel(preview.source.unit, chosen.id) || sameLabel(preview.source.unit, chosen.name);
        // A file of another unit would clash on every ID: offer the copy unless the user chose.
        if (mode === 'replace' && !fromHere && !modeChosen.current && preview.source.unit !== '') {
          setCopiedFrom(preview.source.unit);
          setMode('copy');
          return;
        }
        setStage({ kind: 'previewed', preview });
      },
      (error: unknown) => {
        if (ticket === request.current) setStage({ kind: 'failed', message: uploadErrorMessage(error) });
      },
    );
  }, [file, targetId, year, yearValid, mode]);

  if (!data) return <LoadingBlock />;
  const organisationId = data.organisation.id;

  const chooseMode = (next: Mode) => {
    modeChosen.current = true;
    setCopiedFrom(null);
    setMode(next);
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    modeChosen.current = false;
    setCopiedFrom(null);
    setFile(event.target.files?.[0] ?? null);
    if (!event.target.files?.[0]) setStage({ kind: 'idle' });
  };
  const onConfirm = async (preview: MatrixImportPreview) => {
    if (!file) return;
    const chosen = { unitId: preview.unit.id, year: preview.year, mode: preview.mode };
    setStage({ kind: 'uploading', action: 'confirm', share: 0 });
    const run = importRun.begin();
    try {
      const result = await confirmMatrixImport(
        file,
        chosen,
        (share) => setStage({ kind: 'uploading', action: 'confirm', share }),
        run,
      ).finally(importRun.end);
      void client.invalidateQueries({ queryKey: keys.org(organisationId) });
      void client.invalidateQueries({ queryKey: keys.everyUnit() });
      toast.show({
        tone: 'success',
        message: `Imported the ${result.year} X-matrix of ${preview.unit.name}: ${result.counts.items} items`,
      });
      navigate(paths.matrix(organisationId, result.unitId, result.year));
    } catch (error) {
      setStage({ kind: 'failed', message: uploadErrorMessage(error), preview });
    }
  };

  if (editable.length === 0 || !target)
    return (
      <div className="page page-import">
        <header className="page-header">
          <h1>Import X-matrix from a spreadsheet</h1>
        </header>
        <EmptyState icon={<GridIcon size={22} />} title="No unit to import into">
          Importing an X-matrix needs the editor role on a unit of {data.organisation.name}. Ask an
          administrator of the unit for it.
        </EmptyState>
      </div>
    );

  return (
    <div className="page page-import">
      <header className="page-header">
        <h1>Import X-matrix from a spreadsheet</h1>
        <p className="page-lead">
          An XLSX in the layout the X-matrix’s Export → XLSX writes (or the{' '}
          <a href={X_MATRIX_TEMPLATE_URL} download>
            blank template
          </a>
          ): the five lists, the four corner grids, owners, impacts and effort. You see what will be written
          before anything is.
        </p>
      </header>
      <section className="matrix-import-form" aria-label="File and target">
        <label className="field">
          <span className="field-label">Unit</span>
          <select
            className="input"
            value={target.id}
            onChange={(event) => setUnitId(event.target.value)}
            data-testid="matrix-import-unit"
          >
            {editable.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Year</span>
          <input
            className="input"
            type="number"
            min={2000}
            max={2100}
            value={Number.isNaN(year) ? '' : year}
            onChange={(event) => setYear(event.target.valueAsNumber)}
            aria-invalid={yearValid ? undefined : true}
            data-testid="matrix-import-year"
          />
          {!yearValid && <span className="field-error">A year between 2000 and 2100</span>}
        </label>
        <fieldset className="matrix-import-modes">
          <legend className="field-label">How</legend>
          {MODES.map((entry) => (
            <label key={entry.mode} className="matrix-import-mode">
              <input
                type="radio"
                name="mode"
                value={entry.mode}
                checked={mode === entry.mode}
                onChange={() => chooseMode(entry.mode)}
                data-testid={`matrix-import-mode-${entry.mode}`}
              />
              <span>
                <strong>{entry.label}</strong>
                <span className="field-hint">{entry.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="matrix-import-file">
          <label className="btn btn-primary btn-md import-file">
            <span>{file ? 'Choose another file' : 'Choose an XLSX…'}</span>
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={onFile}
              data-testid="matrix-import-file"
            />
          </label>
          {file && <span className="import-file-name">{file.name}</span>}
        </div>
      </section>
      {copiedFrom !== null && (
        <p className="matrix-import-note" role="status">
          The file comes from {data.unitsById.get(copiedFrom)?.name ?? copiedFrom}, so it is imported as a
          copy.
        </p>
      )}

      {stage.kind === 'idle' && (
        <EmptyState icon={<GridIcon size={22} />} title="Choose a spreadsheet">
          The preview appears here: how many items, correlations, owners, impacts and efforts the file holds,
          and every problem by sheet and row.
        </EmptyState>
      )}
      {stage.kind === 'uploading' && (
        <UploadProgress
          share={stage.share}
          action={stage.action}
          run={stage.action === 'confirm' ? importRun.run : null}
        />
      )}
      {stage.kind === 'failed' && (
        <EmptyState tone="error" icon={<AlertIcon size={22} />} title="The import did not go through">
          {stage.message}
        </EmptyState>
      )}
      {stage.kind === 'previewed' && (
        <MatrixImportPreviewView
          preview={stage.preview}
          action={
            <Button
              variant="primary"
              disabled={stage.preview.problems.length > 0 || stage.preview.counts.items === 0}
              onClick={() => void onConfirm(stage.preview)}
              data-testid="matrix-import-confirm"
            >
              {stage.preview.replaces ? 'Replace and import' : 'Import'} {stage.preview.counts.items}{' '}
              {stage.preview.counts.items === 1 ? 'item' : 'items'}
            </Button>
          }
        />
      )}
      <p className="matrix-import-back">
        <Link href={paths.matrix(organisationId, target.id, yearValid ? year : new Date().getFullYear())}>
          ← Back to the X-matrix of {target.name}
        </Link>
      </p>
    </div>
  );
}
