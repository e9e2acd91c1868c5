/** A centred message for "nothing here yet" and error states, with optional guidance and an action. */
import type { ReactNode } from 'react';

export function EmptyState({
  icon,
  title,
  children,
  action,
  tone = 'neutral',
}: {
  icon?: ReactNode;
  title: string;
  /** Guidance: what this place is for and how to fill it. */
  children?: ReactNode;
  action?: ReactNode;
  tone?: 'neutral' | 'error';
}) {
  return (
    <div className={`empty-state empty-state-${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      {icon && <div className="empty-state-icon">{icon}</div>}
      <h2>{title}</h2>
      {children && <div className="empty-state-body">{children}</div>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
