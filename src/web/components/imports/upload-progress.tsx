/**
 * Upload progress: the bytes sent, then what the server reports of the import (`run`: checking,
 * then rows written of the total), or an indeterminate "checking" while it has said nothing yet.
 */
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../contracts';
import { i18n } from '../../i18n/i18n';
import { currentLocale } from '../../i18n/locale';
import { Spinner } from '../spinner';

const count = (n: number) => n.toLocaleString(currentLocale());

function serverLine(run: ImportRun): { percent: number | undefined; text: string } | null {
  const percent = run.total > 0 ? Math.round((run.done / run.total) * 100) : undefined;
  if (run.phase === 'write')
    return {
      percent,
      text: i18n.t('imports:progress.writingRows', {
        done: count(run.done),
        count: run.total,
        total: count(run.total),
        percent: percent ?? 0,
      }),
    };
  if (run.phase === 'check' || run.phase === 'read')
    return { percent: undefined, text: i18n.t('imports:progress.checking') };
  return null;
}

export function UploadProgress({
  share,
  action,
  run = null,
}: {
  share: number;
  action: 'preview' | 'confirm';
  run?: ImportRun | null;
}) {
  const { t } = useTranslation('imports');
  const sent = share >= 1;
  const percent = Math.round(share * 100);
  const server = sent && run ? serverLine(run) : null;
  const value = !sent ? percent : server?.percent;
  return (
    <div className="upload-progress" role="status" aria-live="polite">
      <progress
        max={100}
        value={value}
        aria-label={t(server ? 'progress.importLabel' : 'progress.uploadLabel')}
        data-testid="import-progress"
      />
      <span>
        {!sent ? (
          t('progress.uploading', { percent })
        ) : server?.percent !== undefined ? (
          server.text
        ) : (
          <>
            <Spinner size={12} label={t('progress.working')} />{' '}
            {server?.text ?? t(action === 'preview' ? 'progress.checking' : 'progress.writing')}
          </>
        )}
      </span>
    </div>
  );
}
