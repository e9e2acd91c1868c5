/** Upload progress: the bytes sent, then an indeterminate "checking" while the server reads the sheet. */
import { Spinner } from '../spinner';

export function UploadProgress({ share, action }: { share: number; action: 'preview' | 'confirm' }) {
  const sent = share >= 1;
  const percent = Math.round(share * 100);
  return (
    <div className="upload-progress" role="status" aria-live="polite">
      <progress max={100} value={sent ? undefined : percent} aria-label="Upload progress" />
      <span>
        {sent ? (
          <>
            <Spinner size={12} label="Working" /> {action === 'preview' ? 'Checking every row…' : 'Writing…'}
          </>
        ) : (
          `Uploading… ${percent} %`
        )}
      </span>
    </div>
  );
}
