/**
 * The inbox's contents: what waits for the signed-in person, grouped by kind (proposals in their
 * court, countermeasures they own, check-ins due), each a link to the item; or "Nothing waiting
 * for you".
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { INBOX_KINDS, type InboxItem } from '../../../contracts';
import { Badge } from '../badge';
import { EmptyState } from '../empty-state';
import { CheckIcon } from '../icons';
import { formatDay } from '../../format/dates';
import { inboxDetail, inboxTitle } from './inbox-text';

export function InboxItems({ items, onOpen }: { items: readonly InboxItem[]; onOpen: () => void }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <EmptyState icon={<CheckIcon size={22} />} title={t('inbox.emptyTitle')}>
        {t('inbox.emptyBody')}
      </EmptyState>
    );
  return (
    <div className="inbox-groups">
      {INBOX_KINDS.map((kind) => {
        const group = items.filter((item) => item.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} className="inbox-group" aria-labelledby={`inbox-group-${kind}`}>
            <h3 id={`inbox-group-${kind}`} className="inbox-group-title">
              {t(`inbox.group.${kind}`)} <span className="inbox-group-count">{group.length}</span>
            </h3>
            <ul className="inbox-list">
              {group.map((item) => (
                <li key={`${item.kind}:${item.id}`}>
                  <Link
                    href={item.href}
                    className="inbox-item"
                    onClick={onOpen}
                    data-testid={`inbox-item-${item.id}`}
                  >
                    <span className="inbox-item-title">{inboxTitle(item)}</span>
                    <span className="inbox-item-meta">
                      <span className="inbox-item-unit">{item.unitName}</span> · {inboxDetail(item)}
                    </span>
                    {item.dueDate && (
                      <span className="inbox-item-due">
                        <Badge tone={item.overdue ? 'red' : 'neutral'} dot={item.overdue}>
                          {t(item.overdue ? 'inbox.overdue' : 'inbox.due', { date: formatDay(item.dueDate) })}
                        </Badge>
                      </span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
