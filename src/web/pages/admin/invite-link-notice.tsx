/** The one-time invitation link of a newly created account, to copy and pass on. */
import { Button } from '../../components/button';
import { CopyField } from '../../components/copy-field';

export function InviteLinkNotice({
  who,
  url,
  onDismiss,
}: {
  who: string;
  url: string;
  onDismiss: () => void;
}) {
  return (
    <div className="secret-notice" role="status" data-testid="invite-link">
      <div className="secret-notice-text">
        <strong>Invitation link for {who}</strong>
        <span className="muted">
          Send it to them: it lets them choose a password once. It is not shown again.
        </span>
      </div>
      <CopyField label="Invitation link" value={url} testId="invite-url" />
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        Done
      </Button>
    </div>
  );
}
