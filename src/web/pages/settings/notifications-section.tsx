/**
 * Settings → Notifications: how the ball reaches people outside the app. Where the reminder
 * digest goes, the units' webhooks, how often each unit checks in, and the log of every webhook
 * message. Webhook URLs are secrets (whoever has one may post into the channel), so all but the
 * cadence are for organisation admins; others read the cadence only.
 */
import { useTranslation } from 'react-i18next';
import type { OrgData } from '../../hooks/org-context';
import { CadenceCard } from './cadence-card';
import { DigestCard } from './digest-card';
import { DeliveriesCard } from './webhook-deliveries-card';
import { WebhookListCard } from './webhook-list-card';

export function NotificationsSection({ org, readOnly }: { org: OrgData; readOnly: boolean }) {
  const { t } = useTranslation('settings');
  const orgId = org.organisation.id;
  if (readOnly)
    return (
      <>
        <CadenceCard org={org} readOnly />
        <p className="muted">{t('notifications.readOnlyNote')}</p>
      </>
    );
  return (
    <>
      <DigestCard orgId={orgId} />
      <WebhookListCard org={org} />
      <CadenceCard org={org} readOnly={false} />
      <DeliveriesCard orgId={orgId} />
    </>
  );
}
