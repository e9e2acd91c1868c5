/** Navigation tabs rendered as links (each tab is a route), with the current one marked. */
import type { ReactNode } from 'react';
import { Link } from 'wouter';

export interface TabItem {
  id: string;
  label: string;
  href: string;
  icon?: ReactNode;
}

export function Tabs({ items, current, label }: { items: TabItem[]; current: string; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {items.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          className={tab.id === current ? 'tab tab-current' : 'tab'}
          aria-current={tab.id === current ? 'page' : undefined}
        >
          {tab.icon}
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
