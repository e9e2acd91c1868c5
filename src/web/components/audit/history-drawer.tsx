/**
 * A side drawer with one item's history (`/api/audit?entityId=`), opened from the item itself
 * (an X-matrix item, a key result). Escape or the close button closes it and focus returns to
 * where it was ({@link Drawer}); deleted items keep their history, so the drawer works for them too.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Drawer } from '../drawer';
import { AuditExportButtons } from './audit-export-buttons';
import { AuditTimeline } from './audit-timeline';
import { useAuditFeed } from './use-audit-feed';

export interface HistorySubject {
  entityId: string;
  /** The table, so an id shared by two kinds of row (an item and its source snapshot) stays apart. */
  entityTable: string;
  title: string;
}

export function HistoryDrawer({
  subject,
  onClose,
  children,
}: {
  subject: HistorySubject;
  onClose: () => void;
  /** Shown above the audit trail: what the subject's own history adds (a key result's target changes). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('audit');
  const params = { entityId: subject.entityId, entityTable: subject.entityTable };
  const feed = useAuditFeed(params);
  return (
    <Drawer
      eyebrow={t('drawer.eyebrow')}
      title={subject.title}
      onClose={onClose}
      closeLabel={t('drawer.close')}
      className="history-drawer"
      testId="history-drawer"
      footer={<AuditExportButtons params={params} />}
    >
      {children}
      <AuditTimeline feed={feed} empty={t('drawer.empty')} />
    </Drawer>
  );
}
