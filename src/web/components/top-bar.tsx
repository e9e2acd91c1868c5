/** The top bar: product mark, organisation switcher, the sidebar toggle, the inbox and the account menu. */
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Organisation } from '../../contracts';
import { AccountMenu } from './account-menu';
import { InboxButton } from './inbox/inbox-button';
import { IconButton } from './button';
import { BuildingIcon, SidebarIcon } from './icons';
import { paths } from '../paths';

interface TopBarProps {
  organisations: Organisation[] | undefined;
  currentOrgId: string | undefined;
  onToggleSidebar?: () => void;
}

export function TopBar({ organisations, currentOrgId, onToggleSidebar }: TopBarProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  // Outside an organisation's pages the inbox is the first organisation's (most people have one).
  const inboxOrgId = currentOrgId ?? organisations?.[0]?.id;
  return (
    <header className="topbar">
      {onToggleSidebar && (
        <IconButton
          label={t('topBar.toggleSidebar')}
          onClick={onToggleSidebar}
          className="topbar-sidebar-toggle"
        >
          <SidebarIcon />
        </IconButton>
      )}
      <Link href="/" className="brand" aria-label={t('topBar.home')}>
        <span className="brand-mark" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22">
            <rect width="24" height="24" rx="6" fill="currentColor" />
            <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
          </svg>
        </span>
        <span className="brand-name">Catchball</span>
      </Link>
      {organisations && organisations.length > 0 && (
        <label className="org-switcher">
          <BuildingIcon />
          <span className="visually-hidden">{t('topBar.organisation')}</span>
          <select
            value={currentOrgId ?? ''}
            onChange={(event) => navigate(paths.org(event.target.value))}
            aria-label={t('topBar.organisation')}
          >
            {currentOrgId === undefined && <option value="">{t('topBar.chooseOrganisation')}</option>}
            {organisations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="topbar-spacer" />
      <span className="topbar-hint">{t('tagline')}</span>
      {inboxOrgId && <InboxButton key={inboxOrgId} orgId={inboxOrgId} />}
      <AccountMenu />
    </header>
  );
}
