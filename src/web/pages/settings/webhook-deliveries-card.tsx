/**
 * Settings → Notifications, its last card: the delivery log of the organisation's webhook messages (proposals,
 * countermeasures, the digest and scheduled reminders), newest first: when, what, where to, the
 * receiver's last status code, attempts, the next retry and the last error. Failed messages are
 * retried with growing waits by whichever app server finds them due. Organisation admins only:
 * the target URLs are secrets. Polled every few seconds while open.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WebhookDelivery } from '../../../contracts';
import { queries } from '../../api/queries';
import { Badge, type BadgeTone } from '../../components/badge';
import { EmptyState } from '../../components/empty-state';
import { QueryView } from '../../components/form/query-view';
import { LinkIcon } from '../../components/icons';
import { formatLogTime } from '../../format/dates';
import { shortUrl } from './short-url';

const EVENTS = ['proposal', 'countermeasure', 'digest', 'reminder', 'notice'] as const;
const isKnownEvent = (event: string): event is (typeof EVENTS)[number] =>
  (EVENTS as readonly string[]).includes(event);

const STATUS_TONE: Record<WebhookDelivery['status'], BadgeTone> = {
  delivered: 'green',
  pending: 'amber',
  failed: 'red',
};

const when = formatLogTime;

/** The delivery log, newest first; polled while open. */
export function DeliveriesCard({ orgId }: { orgId: string }) {
  const { t } = useTranslation('settings');
  const query = useQuery(queries.webhookDeliveries(orgId));
  const count = query.data?.deliveries.length;
  return (
    <section className="admin-card" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">
        {t('deliveries.title')} {count !== undefined && <span className="count">{count}</span>}
      </h2>
      <p className="muted">{t('deliveries.intro')}</p>
      <QueryView
        query={query}
        errorTitle={t('deliveries.loadError')}
        canRetry
        loadingLabel={t('deliveries.loading')}
        isEmpty={(data) => data.deliveries.length === 0}
        empty={
          <EmptyState icon={<LinkIcon size={22} />} title={t('deliveries.emptyTitle')}>
            {t('deliveries.emptyBody')}
          </EmptyState>
        }
      >
        {(data) => (
          <table className="admin-table deliveries-table" aria-label={t('deliveries.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('deliveries.time')}</th>
                <th scope="col">{t('deliveries.event')}</th>
                <th scope="col">{t('deliveries.target')}</th>
                <th scope="col">{t('deliveries.statusColumn')}</th>
                <th scope="col">{t('deliveries.code')}</th>
                <th scope="col">{t('deliveries.attempts')}</th>
                <th scope="col">{t('deliveries.nextRetry')}</th>
                <th scope="col">{t('deliveries.error')}</th>
              </tr>
            </thead>
            <tbody>
              {data.deliveries.map((delivery) => (
                <tr key={delivery.id} data-testid="delivery-row">
                  <td className="nowrap">{when(delivery.at)}</td>
                  <th scope="row">
                    {isKnownEvent(delivery.event) ? t(`deliveries.events.${delivery.event}`) : delivery.event}
                  </th>
                  <td>
                    <span title={delivery.url}>{shortUrl(delivery.url)}</span>
                    <div className="muted small">{delivery.unitName ?? t('deliveries.organisationWide')}</div>
                  </td>
                  <td>
                    <Badge tone={STATUS_TONE[delivery.status]} dot>
                      {t(`deliveries.status.${delivery.status}`)}
                    </Badge>
                  </td>
                  <td className="numeric">{delivery.statusCode ?? '—'}</td>
                  <td
                    className="numeric"
                    title={t('deliveries.attemptsTitle', {
                      attempts: delivery.attempts,
                      max: delivery.maxAttempts,
                    })}
                  >
                    {t('deliveries.attemptsCell', { attempts: delivery.attempts, max: delivery.maxAttempts })}
                  </td>
                  <td className="nowrap">{delivery.nextAttemptAt ? when(delivery.nextAttemptAt) : '—'}</td>
                  <td className="muted">{delivery.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
