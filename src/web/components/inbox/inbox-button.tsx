/**
 * The top bar's inbox: a button with the count of what waits for the signed-in person, opening a
 * panel that lists it. It follows the organisation's live changes, refreshing only itself, so a
 * proposal thrown to you shows up without reloading. Escape or a click outside closes the panel and
 * returns focus to the button.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queries } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { InboxIcon } from '../icons';
import { LoadingBlock } from '../spinner';
import { InboxItems } from './inbox-items';

export function InboxButton({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const inbox = useQuery(queries.inbox(orgId));
  useLiveChanges({ organisationId: orgId }, { only: [keys.inbox(orgId)] });
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const count = inbox.data?.count ?? 0;

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  return (
    <div className="inbox">
      <button
        ref={button}
        type="button"
        className="inbox-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls="inbox-panel"
        aria-label={inbox.data ? t('inbox.buttonLabel', { count }) : t('inbox.title')}
        title={t('inbox.title')}
        onClick={() => setOpen((value) => !value)}
      >
        <InboxIcon size={18} />
        {count > 0 && (
          <span className="inbox-badge" data-testid="inbox-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panel}
          id="inbox-panel"
          className="menu inbox-panel"
          role="dialog"
          aria-label={t('inbox.title')}
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close(true);
            }
          }}
        >
          <div className="inbox-panel-head">
            <h2>{t('inbox.title')}</h2>
            {inbox.data && (
              <span className="muted">
                {count === 0 ? t('inbox.allClear') : t('inbox.itemCount', { count })}
              </span>
            )}
          </div>
          {inbox.error ? (
            <p className="form-error" role="alert">
              {t('inbox.loadError', { message: inbox.error.message })}
            </p>
          ) : inbox.data ? (
            <InboxItems items={inbox.data.items} onOpen={() => close(false)} />
          ) : (
            <LoadingBlock />
          )}
        </div>
      )}
    </div>
  );
}
