/**
 * The sidebar's links to an organisation's administration (settings, members and roles, API tokens), shown
 * to those who administer the organisation or one of its units.
 */
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { adminsAnything } from '../session/permissions';
import { useMe } from '../session/session-context';
import { BuildingIcon, KeyIcon, UsersIcon } from './icons';
import { paths } from '../paths';

export function AdminNav({
  organisationId,
  currentUnitId,
}: {
  organisationId: string;
  currentUnitId?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [location] = useLocation();
  if (!adminsAnything(me, organisationId)) return null;
  const links = [
    { href: paths.settings(organisationId), label: t('adminNav.settings'), icon: <BuildingIcon /> },
    { href: paths.members(organisationId), label: t('adminNav.members'), icon: <UsersIcon /> },
    {
      href: paths.apiTokens(organisationId, currentUnitId),
      label: t('adminNav.apiTokens'),
      icon: <KeyIcon />,
    },
  ];
  return (
    <nav className="admin-nav" aria-label={t('adminNav.label')}>
      <div className="sidebar-heading">{t('adminNav.label')}</div>
      {links.map((link) => {
        const current = link.href.includes('/settings/')
          ? location.includes('/settings')
          : location === link.href.split('?')[0];
        return (
          <Link
            key={link.label}
            href={link.href}
            className={current ? 'admin-nav-link admin-nav-link-current' : 'admin-nav-link'}
            aria-current={current ? 'page' : undefined}
          >
            {link.icon}
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
