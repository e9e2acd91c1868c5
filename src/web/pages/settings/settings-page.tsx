/**
 * `/org/:orgId/settings/:section` — the organisation's settings: general (name, part labels,
 * horizon), the unit tree, cycles, people and the webhook delivery log. Organisation admins change everything here; people
 * also editors. Anyone else reads the same pages with every control gone and a note saying why.
 */
import { useTranslation } from 'react-i18next';
import { Redirect } from 'wouter';
import { Badge } from '../../components/badge';
import { PageError, PageLoading } from '../../components/page-state';
import { Tabs } from '../../components/tabs';
import { useOrg } from '../../hooks/org-context';
import { SETTINGS_SECTIONS, isSettingsSection, paths, type SettingsSection } from '../../paths';
import { isAtLeast, roleOn } from '../../session/permissions';
import { useMe } from '../../session/session-context';
import { CyclesSection } from './cycles-section';
import { GeneralSection } from './general-section';
import { PeopleSection } from './people-section';
import { SetupSteps } from './setup-steps';
import { UnitsSection } from './units-section';
import { NotificationsSection } from './notifications-section';

export function SettingsPage({ section }: { section: string | undefined }) {
  const { t } = useTranslation('settings');
  const { data: org, error } = useOrg();
  const me = useMe();
  if (error) return <PageError title={t('page.loadError')} error={error} />;
  if (!org) return <PageLoading />;
  const orgId = org.organisation.id;
  if (!isSettingsSection(section)) return <Redirect to={paths.settings(orgId)} replace />;
  const role = roleOn(me, orgId, null, org.unitsById);
  const isAdmin = isAtLeast(role, 'admin');
  const mayEditPeople = isAtLeast(role, 'editor');
  const readOnly = section === 'people' ? !mayEditPeople : !isAdmin;
  const counts: Partial<Record<SettingsSection, number>> = {
    units: org.units.length,
    cycles: org.cycles.length,
    people: org.people.length,
  };
  return (
    <div className="page admin-page settings-page">
      <header className="page-header">
        <div className="page-title-row">
          <div>
            <h1>{t('page.title')}</h1>
            <p className="muted">{t('page.subtitle', { name: org.organisation.name })}</p>
          </div>
          {readOnly && (
            <span
              data-testid="view-only"
              title={section === 'people' ? t('page.viewOnlyTitleEditor') : t('page.viewOnlyTitleAdmin')}
            >
              <Badge tone="amber" dot>
                {t('page.viewOnly')}
              </Badge>
            </span>
          )}
        </div>
      </header>
      {!readOnly && <SetupSteps org={org} current={section} />}
      <Tabs
        label={t('page.tabsLabel')}
        current={section}
        items={SETTINGS_SECTIONS.map((id) => {
          const count = counts[id];
          const label = t(`sections.${id}`);
          return {
            id,
            href: paths.settings(orgId, id),
            label: count === undefined ? label : t('page.tabWithCount', { label, count }),
          };
        })}
      />
      {readOnly && (
        <p className="settings-read-only muted" role="note">
          {section === 'people' ? t('page.readOnlyEditor') : t('page.readOnlyAdmin')}
        </p>
      )}
      {section === 'general' && <GeneralSection org={org} readOnly={readOnly} />}
      {section === 'units' && <UnitsSection org={org} readOnly={readOnly} />}
      {section === 'cycles' && <CyclesSection org={org} readOnly={readOnly} />}
      {section === 'people' && <PeopleSection org={org} readOnly={readOnly} />}
      {section === 'notifications' && <NotificationsSection org={org} readOnly={readOnly} />}
    </div>
  );
}
