/** The frame of every page: top bar, collapsible sidebar with the unit tree, and the main area. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../contracts';
import type { OrgData } from '../hooks/org-context';
import { AdminNav } from './admin-nav';
import { Skeleton } from './spinner';
import { TopBar } from './top-bar';
import { UnitTree } from './unit-tree';
import { paths } from '../paths';

interface AppShellProps {
  organisations: Organisation[] | undefined;
  org: OrgData | undefined;
  currentOrgId: string | undefined;
  currentUnitId: string | undefined;
  children: ReactNode;
}

export function AppShell({ organisations, org, currentOrgId, currentUnitId, children }: AppShellProps) {
  const { t } = useTranslation();
  const [sidebarOpen, setSidebarOpen] = useState(true);
  return (
    <div className={sidebarOpen ? 'shell' : 'shell shell-sidebar-closed'}>
      <TopBar
        organisations={organisations}
        currentOrgId={currentOrgId}
        onToggleSidebar={currentOrgId ? () => setSidebarOpen((open) => !open) : undefined}
      />
      {currentOrgId && sidebarOpen && (
        <aside className="sidebar" aria-label={t('shell.unitNavigation')}>
          <div className="sidebar-heading">{t('shell.units')}</div>
          {org ? (
            <UnitTree
              tree={org.tree}
              matrices={org.matrices}
              currentUnitId={currentUnitId}
              hrefFor={(unitId) => paths.unit(org.organisation.id, unitId)}
            />
          ) : (
            <div className="sidebar-loading">
              <Skeleton width="70%" />
              <Skeleton width="55%" />
              <Skeleton width="62%" />
            </div>
          )}
          <AdminNav organisationId={currentOrgId} currentUnitId={currentUnitId} />
          <div className="sidebar-footer">
            <span className="tree-matrix-dot" aria-hidden="true" /> {t('shell.hasMatrix')}
          </div>
        </aside>
      )}
      <main className="main" id="main">
        {children}
      </main>
    </div>
  );
}
