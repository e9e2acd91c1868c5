/**
 * Settings → Notifications, its last card: the delivery log of the organisation's webhook messages (proposals,
 * countermeasures, the digest and scheduled reminders), newest first: when, what, where to, the
 * receiver's last status code, attempts, the next retry and the last error. Failed messages are
 * retried with growing waits by whichever app server finds them due. Organisation admins only:
 * the target URLs are secrets. Polled every few seconds while open.
 */
import { useQuery } from '@tanstack/react-query';
import type { WebhookDelivery } from '../../../contracts';
import { plural } from '../../../core/plural';
import { queries } from '../../api/queries';
import { Badge, type BadgeTone } from '../../components/badge';
import { EmptyState } from '../../components/empty-state';
import { QueryView } from '../../components/form/query-view';
import { LinkIcon } from '../../components/icons';
import { formatLogTime } from '../../format/dates';
import { shortUrl } from './short-url';

const EVENTS: Record<string, string> = {
  proposal: 'Catchball proposal',
  countermeasure: 'Countermeasure',
  digest: 'Digest',
  reminder: 'Check-in reminder',
  notice: 'Notice',
};

const STATUS: Record<WebhookDelivery['status'], { label: string; tone: BadgeTone }> = {
  delivered: { label: 'Delivered', tone: 'green' },
  pending: { label: 'Retrying', tone: 'amber' },
  failed: { label: 'Failed', tone: 'red' },
};

const when = formatLogTime;

/** The delivery log, newest first; polled while open. */
export function DeliveriesCard({ orgId }: { orgId: string }) {
  const query = useQuery(queries.webhookDeliveries(orgId));
  const count = query.data?.deliveries.length;
  return (
    <section className="admin-card" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">
        Deliveries {count !== undefined && <span className="count">{count}</span>}
      </h2>
      <p className="muted">
        Every message sent to a webhook, newest first. A message the receiver refuses or never answers is
        retried with growing waits (30 s, 1 min, 2 min…) up to its last attempt.
      </p>
      <QueryView
        query={query}
        errorTitle="Could not load the delivery log"
        canRetry
        loadingLabel="Loading deliveries"
        isEmpty={(data) => data.deliveries.length === 0}
        empty={
          <EmptyState icon={<LinkIcon size={22} />} title="Nothing sent yet">
            Messages appear here once a proposal, a countermeasure, the digest or a check-in reminder goes to
            a webhook.
          </EmptyState>
        }
      >
        {(data) => (
          <table className="admin-table deliveries-table" aria-label="Webhook deliveries">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Target</th>
                <th scope="col">Status</th>
                <th scope="col">Code</th>
                <th scope="col">Attempts</th>
                <th scope="col">Next retry</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {data.deliveries.map((delivery) => (
                <tr key={delivery.id} data-testid="delivery-row">
                  <td className="nowrap">{when(delivery.at)}</td>
                  <th scope="row">{EVENTS[delivery.event] ?? delivery.event}</th>
                  <td>
                    <span title={delivery.url}>{shortUrl(delivery.url)}</span>
                    <div className="muted small">{delivery.unitName ?? 'Organisation-wide'}</div>
                  </td>
                  <td>
                    <Badge tone={STATUS[delivery.status].tone} dot>
                      {STATUS[delivery.status].label}
                    </Badge>
                  </td>
                  <td className="numeric">{delivery.statusCode ?? '—'}</td>
                  <td
                    className="numeric"
                    title={`${plural(delivery.attempts, 'attempt')} of ${String(delivery.maxAttempts)}`}
                  >
                    {delivery.attempts} of {delivery.maxAttempts}
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
