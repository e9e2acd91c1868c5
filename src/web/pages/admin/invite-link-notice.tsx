/** The one-time invitation link of a newly created account, to copy and pass on. */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('admin');
  return (
    <div className="secret-notice" role="status" data-testid="invite-link">
      <div className="secret-notice-text">
        <strong>{t('invite.title', { who })}</strong>
        <span className="muted">{t('invite.body')}</span>
      </div>
      <CopyField label={t('invite.link')} value={url} testId="invite-url" />
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        {t('invite.done')}
      </Button>
    </div>
  );
}
