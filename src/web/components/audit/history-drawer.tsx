/**
 * A side drawer with one item's history (`/api/audit?entityId=`), opened from the item itself
 * (an X-matrix item, a key result). Escape or the close button closes it and focus returns to
 * where it was; deleted items keep their history, so the drawer works for them too.
 */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { IconButton } from '../button';
import { XIcon } from '../icons';
import { AuditExportButtons } from './audit-export-buttons';
import { AuditTimeline } from './audit-timeline';
import { useAuditFeed } from './use-audit-feed';

export interface HistorySubject {
  entityId: string;
  /** The table, so an id shared by two kinds of row (an item and its source snapshot) stays apart. */
  entityTable: string;
  title: string;
}

export function HistoryDrawer({ subject, onClose }: { subject: HistorySubject; onClose: () => void }) {
  const params = { entityId: subject.entityId, entityTable: subject.entityTable };
  const feed = useAuditFeed(params);
  const panel = useRef<HTMLElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, []);

  return createPortal(
    <div className="drawer-backdrop" onClick={onClose}>
      <aside
        ref={panel}
        className="drawer history-drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="history-drawer-title"
        tabIndex={-1}
        data-testid="history-drawer"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="drawer-header">
          <div>
            <p className="drawer-eyebrow">History</p>
            <h2 id="history-drawer-title">{subject.title}</h2>
          </div>
          <IconButton label="Close history (Esc)" onClick={onClose}>
            <XIcon />
          </IconButton>
        </header>
        <div className="drawer-body">
          <AuditTimeline feed={feed} empty="Nothing has changed on this item since the audit trail began." />
        </div>
        <footer className="drawer-footer">
          <AuditExportButtons params={params} />
        </footer>
      </aside>
    </div>,
    document.body,
  );
}
