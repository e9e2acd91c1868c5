/**
 * Upload progress: the bytes sent, then what the server reports of the import (`run`: checking,
 * then rows written of the total), or an indeterminate "checking" while it has said nothing yet.
 */
import type { ImportRun } from '../../../contracts';
import { plural } from '../../../core/plural';
import { Spinner } from '../spinner';

const count = (n: number) => n.toLocaleString('en');

function serverLine(run: ImportRun): { percent: number | undefined; text: string } | null {
  const percent = run.total > 0 ? Math.round((run.done / run.total) * 100) : undefined;
  if (run.phase === 'write')
    return {
      percent,
      text: `Writing… ${count(run.done)} of ${plural(run.total, 'row').replace(String(run.total), count(run.total))} (${percent ?? 0} %)`,
    };
  if (run.phase === 'check' || run.phase === 'read')
    return { percent: undefined, text: 'Checking every row…' };
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
  const sent = share >= 1;
  const percent = Math.round(share * 100);
  const server = sent && run ? serverLine(run) : null;
  const value = !sent ? percent : server?.percent;
  return (
    <div className="upload-progress" role="status" aria-live="polite">
      <progress
        max={100}
        value={value}
        aria-label={server ? 'Import progress' : 'Upload progress'}
        data-testid="import-progress"
      />
      <span>
        {!sent ? (
          `Uploading… ${percent} %`
        ) : server?.percent !== undefined ? (
          server.text
        ) : (
          <>
            <Spinner size={12} label="Working" />{' '}
            {server?.text ?? (action === 'preview' ? 'Checking every row…' : 'Writing…')}
          </>
        )}
      </span>
    </div>
  );
}
