/**
 * Upload check-ins from a spreadsheet: choose the unit (its items and those of the units below
 * it), upload a CSV or XLSX with columns item, date, value, confidence, comment, author, read the
 * preview — every row with its item's name and every problem by row and column, and how the file
 * was read, whose decimal mark and date order the person may change — then confirm with the same choices.
 * Nothing is written before the confirmation, and then every row or none. The same stages as the
 * OKR import (import-page.tsx).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { BulkCheckInResult, CheckInUploadPreview } from '../../contracts';
import { confirmCheckInUpload, previewCheckInUpload, type ReadingChoice } from '../api-uploads';
import { keys } from '../api/query-keys';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon, CheckIcon } from '../components/icons';
import { CheckInTemplate } from '../components/imports/check-in-template';
import { CheckInUploadPreviewView } from '../components/imports/check-in-upload-preview';
import { ReadingChoices } from '../components/imports/reading-choices';
import { readingLine } from '../components/imports/sheet-reading';
import { uploadErrorMessage } from '../components/imports/upload-error';
import { UploadProgress } from '../components/imports/upload-progress';
import { LoadingBlock } from '../components/spinner';
import { useToast } from '../components/toast';
import { useOrg } from '../hooks/org-context';
import { paths } from '../paths';

type Stage =
  | { kind: 'idle' }
  /** `preview` is the one on screen while the same file is read again with other choices. */
  | { kind: 'uploading'; action: 'preview' | 'confirm'; share: number; preview?: CheckInUploadPreview }
  | { kind: 'previewed'; preview: CheckInUploadPreview }
  | { kind: 'done'; result: BulkCheckInResult }
  | { kind: 'failed'; message: string };

export function CheckInUploadPage() {
  const { t } = useTranslation('imports');
  const { data } = useOrg();
  const search = new URLSearchParams(useSearch());
  const toast = useToast();
  const client = useQueryClient();
  const [chosenUnit, setUnitId] = useState(search.get('unit') ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [choice, setChoice] = useState<ReadingChoice>({});
  if (!data) return <LoadingBlock />;
  const organisationId = data.organisation.id;
  const unitId = chosenUnit || (data.units[0]?.id ?? '');

  const shown =
    stage.kind === 'previewed' ? stage.preview : stage.kind === 'uploading' ? stage.preview : undefined;
  const runPreview = async (chosen: File, unit: string, reading: ReadingChoice, fresh: boolean) => {
    const previous = fresh ? undefined : shown;
    setChoice(reading);
    setStage({ kind: 'uploading', action: 'preview', share: 0, preview: previous });
    try {
      const preview = await previewCheckInUpload(
        unit,
        chosen,
        (share) => setStage({ kind: 'uploading', action: 'preview', share, preview: previous }),
        reading,
      );
      setStage({ kind: 'previewed', preview });
    } catch (error) {
      setStage({ kind: 'failed', message: uploadErrorMessage(error) });
    }
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    if (chosen) void runPreview(chosen, unitId, {}, true);
  };
  const onUnit = (next: string) => {
    setUnitId(next);
    if (file) void runPreview(file, next, choice, true);
  };
  const onChoice = (next: ReadingChoice) => {
    if (file) void runPreview(file, unitId, next, false);
  };
  const onConfirm = async () => {
    if (!file) return;
    setStage({ kind: 'uploading', action: 'confirm', share: 0 });
    try {
      const result = await confirmCheckInUpload(
        unitId,
        file,
        (share) => setStage({ kind: 'uploading', action: 'confirm', share }),
        choice,
      );
      setStage({ kind: 'done', result });
      // Rows may land in the unit or any unit below it.
      void client.invalidateQueries({ queryKey: keys.everyUnit() });
      toast.show({ tone: 'success', message: t('upload.checkedIn', { count: result.created }) });
    } catch (error) {
      setStage({ kind: 'failed', message: uploadErrorMessage(error) });
    }
  };
  const previewView = (preview: CheckInUploadPreview, busy: boolean) => (
    <CheckInUploadPreviewView
      preview={preview}
      busy={busy}
      reading={
        <ReadingChoices
          line={readingLine(
            file?.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv',
            preview.separator,
            preview.locale,
          )}
          choice={choice}
          disabled={busy}
          onChange={onChoice}
        />
      }
      action={
        <Button
          variant="primary"
          disabled={busy || preview.problems.length > 0 || preview.rows.length === 0}
          onClick={() => void onConfirm()}
          data-testid="check-in-upload-confirm"
        >
          {t('upload.confirm', { count: preview.rows.length })}
        </Button>
      }
    />
  );

  return (
    <div className="page page-import">
      <header className="page-header">
        <h1>{t('upload.title')}</h1>
        <p className="page-lead">
          <Trans t={t} i18nKey="upload.lead" components={{ code: <code /> }} />
        </p>
      </header>
      <section className="import-form" aria-label={t('upload.formLabel')}>
        <label className="picker">
          <span>{t('upload.unit')}</span>
          <select
            value={unitId}
            onChange={(event) => onUnit(event.target.value)}
            aria-label={t('upload.unit')}
          >
            {data.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label className="btn btn-primary btn-md import-file">
          <span>{t(file ? 'page.chooseAnother' : 'page.choose')}</span>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            onChange={onFile}
            data-testid="check-in-upload-file"
          />
        </label>
        {file && <span className="import-file-name">{file.name}</span>}
      </section>
      <CheckInTemplate
        unitId={unitId}
        unitName={data.unitsById.get(unitId)?.name ?? ''}
        cycles={data.cycles}
      />

      {stage.kind === 'idle' && <p className="muted">{t('upload.idle')}</p>}
      {stage.kind === 'uploading' && <UploadProgress share={stage.share} action={stage.action} />}
      {stage.kind === 'failed' && (
        <EmptyState tone="error" icon={<AlertIcon size={22} />} title={t('upload.failed')}>
          {stage.message}
        </EmptyState>
      )}
      {stage.kind === 'previewed' && previewView(stage.preview, false)}
      {stage.kind === 'uploading' && stage.preview && previewView(stage.preview, true)}
      {stage.kind === 'done' && (
        <EmptyState
          icon={<CheckIcon size={22} />}
          title={t('upload.done')}
          action={<Link href={paths.okrs(organisationId, unitId)}>{t('page.openOkrs')}</Link>}
        >
          {t('upload.written', { count: stage.result.created })}
        </EmptyState>
      )}
    </div>
  );
}
