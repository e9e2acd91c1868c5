/**
 * The history as a timeline grouped by day, newest first, with loading, empty and error states
 * and a "Load more" button for older events. Used by the unit's History page and the item drawer.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../button';
import { EmptyState } from '../empty-state';
import { AlertIcon, UndoIcon } from '../icons';
import { LoadingBlock, Spinner } from '../spinner';
import { dayHeading, groupByDay } from './audit-format';
import { AuditEventRow } from './audit-event-row';
import type { AuditFeed } from './use-audit-feed';
import { localIsoDate } from '../../../core/calendar';

export function AuditTimeline({ feed, empty }: { feed: AuditFeed; empty: ReactNode }) {
  const { t } = useTranslation(['audit', 'common']);
  if (feed.loading) return <LoadingBlock label={t('timeline.loading')} />;
  if (feed.error && feed.events.length === 0)
    return (
      <EmptyState
        tone="error"
        icon={<AlertIcon size={22} />}
        title={t('timeline.loadError')}
        action={<Button onClick={feed.reload}>{t('common:actions.tryAgain')}</Button>}
      >
        {feed.error.message}
      </EmptyState>
    );
  if (feed.events.length === 0)
    return (
      <EmptyState icon={<UndoIcon size={22} />} title={t('timeline.noChanges')}>
        {empty}
      </EmptyState>
    );
  const today = localIsoDate(new Date());
  return (
    <div className="audit-timeline" data-testid="audit-timeline">
      {groupByDay(feed.events).map((group) => (
        <section key={group.day} className="audit-day" aria-label={dayHeading(group.day, today)}>
          <h3 className="audit-day-heading">{dayHeading(group.day, today)}</h3>
          <ol className="audit-events">
            {group.events.map((event) => (
              <AuditEventRow key={event.id} event={event} />
            ))}
          </ol>
        </section>
      ))}
      {feed.error && (
        <p className="audit-error" role="alert">
          {feed.error.message}
        </p>
      )}
      {feed.hasMore && (
        <div className="audit-more">
          <Button onClick={feed.loadMore} disabled={feed.loadingMore}>
            {feed.loadingMore ? t('timeline.loadingMore') : t('timeline.loadMore')}
          </Button>
          {feed.loadingMore && <Spinner size={12} label={t('timeline.loadingOlder')} />}
        </div>
      )}
    </div>
  );
}
