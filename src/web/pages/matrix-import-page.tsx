/**
 * Import an X-matrix from a spreadsheet (the layout the XLSX export writes): choose the file, the
 * unit and year it goes into and whether it replaces that unit's matrix with the file's IDs or
 * arrives as a copy with new ones; read the preview (counts, what a copy leaves out, every problem
 * by sheet and row), then confirm. Nothing is written before the confirmation, and then all of it
 * or nothing; the page then opens the imported matrix. Only units the user may edit are offered.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

/** The two ways in; each one's words are `matrix:importPage.modes.<mode>`. */
const MODES: Mode[] = ['replace', 'copy'];

const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function MatrixImportPage() {
  const { t } = useTranslation('matrix');
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
        message: t('importPage.imported', {
          year: result.year,
          unit: preview.unit.name,
          count: result.counts.items,
        }),
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
          <h1>{t('importPage.title')}</h1>
        </header>
        <EmptyState icon={<GridIcon size={22} />} title={t('importPage.noUnit')}>
          {t('importPage.noUnitBody', { organisation: data.organisation.name })}
        </EmptyState>
      </div>
    );

  return (
    <div className="page page-import">
      <header className="page-header">
        <h1>{t('importPage.title')}</h1>
        <p className="page-lead">
          <Trans
            t={t}
            i18nKey="importPage.lead"
            components={{ a: <a href={X_MATRIX_TEMPLATE_URL} download /> }}
          />
        </p>
      </header>
      <section className="matrix-import-form" aria-label={t('importPage.form')}>
        <label className="field">
          <span className="field-label">{t('importPage.unit')}</span>
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
          <span className="field-label">{t('importPage.year')}</span>
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
          {!yearValid && <span className="field-error">{t('importPage.yearInvalid')}</span>}
        </label>
        <fieldset className="matrix-import-modes">
          <legend className="field-label">{t('importPage.how')}</legend>
          {MODES.map((entry) => (
            <label key={entry} className="matrix-import-mode">
              <input
                type="radio"
                name="mode"
                value={entry}
                checked={mode === entry}
                onChange={() => chooseMode(entry)}
                data-testid={`matrix-import-mode-${entry}`}
              />
              <span>
                <strong>{t(`importPage.modes.${entry}.label`)}</strong>
                <span className="field-hint">{t(`importPage.modes.${entry}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="matrix-import-file">
          <label className="btn btn-primary btn-md import-file">
            <span>{file ? t('importPage.chooseAnother') : t('importPage.choose')}</span>
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
          {t('importPage.copiedFrom', { unit: data.unitsById.get(copiedFrom)?.name ?? copiedFrom })}
        </p>
      )}

      {stage.kind === 'idle' && (
        <EmptyState icon={<GridIcon size={22} />} title={t('importPage.idle')}>
          {t('importPage.idleBody')}
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
        <EmptyState tone="error" icon={<AlertIcon size={22} />} title={t('importPage.failed')}>
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
              {t(stage.preview.replaces ? 'importPage.confirmReplace' : 'importPage.confirmCopy', {
                count: stage.preview.counts.items,
              })}
            </Button>
          }
        />
      )}
      <p className="matrix-import-back">
        <Link href={paths.matrix(organisationId, target.id, yearValid ? year : new Date().getFullYear())}>
          {t('importPage.back', { unit: target.name })}
        </Link>
      </p>
    </div>
  );
}
