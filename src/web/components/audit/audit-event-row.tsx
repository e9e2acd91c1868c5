/**
 * One entry of the history: time, who, the sentence ("Ada changed target of KR ‘MTTD’ from 24 to
 * 12") and a disclosure button that shows the before/after of every field touched.
 */
import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../contracts';
import { Avatar } from '../avatar';
import { ChevronDownIcon, ChevronRightIcon } from '../icons';
import { AuditDiff } from './audit-diff';
import { describeChange, entityWords, timeOf } from './audit-format';

const ACTION_CLASS: Record<AuditEvent['action'], string> = {
  insert: 'is-insert',
  update: 'is-update',
  delete: 'is-delete',
  sign_in: 'is-session',
  sign_in_failed: 'is-delete',
  sign_out: 'is-session',
};

export function AuditEventRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  const [open, setOpen] = useState(false);
  const diffId = useId();
  const actorTitle =
    event.actor.kind === 'user' ? event.actor.name : `${event.actor.name} (${event.actor.kind})`;
  return (
    <li className={`audit-event ${ACTION_CLASS[event.action]}`} data-testid={`audit-event-${event.id}`}>
      <button
        type="button"
        className="audit-event-toggle"
        aria-expanded={open}
        aria-controls={diffId}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="audit-event-chevron" aria-hidden="true">
          {open ? <ChevronDownIcon size={12} /> : <ChevronRightIcon size={12} />}
        </span>
        <time
          className="audit-event-time tabular"
          dateTime={event.at}
          title={t('event.utc', { at: event.at })}
        >
          {timeOf(event)}
        </time>
        <Avatar name={event.actor.name} size="sm" />
        <span className="audit-event-text">
          <Trans
            t={t}
            i18nKey="event.sentence"
            values={{ name: event.actor.name, change: describeChange(event) }}
            components={{ actor: <strong title={actorTitle} /> }}
          />
        </span>
      </button>
      {open && (
        <div id={diffId} className="audit-event-detail">
          <AuditDiff event={event} />
          <p className="audit-event-ids muted">
            <Trans
              t={t}
              i18nKey="event.ids"
              values={{
                kind: entityWords(event.entity.table, event.entity.kind),
                id: event.entity.id,
                tx: event.tx,
              }}
              components={{ code: <code /> }}
            />
          </p>
        </div>
      )}
    </li>
  );
}
