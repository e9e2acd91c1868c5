/** Index routes that pick a sensible page: the first unit with a matrix, the unit's current matrix. */
import { Trans, useTranslation } from 'react-i18next';
import { Link, Redirect } from 'wouter';
import { EmptyState } from '../components/empty-state';
import { BuildingIcon } from '../components/icons';
import { PageError, PageLoading } from '../components/page-state';
import { useOrg } from '../hooks/org-context';
import { defaultMatrixYear, flattenTree } from '../hooks/unit-tree';
import { paths } from '../paths';
import { homeUnitId } from '../session/home-unit';
import { useMe } from '../session/session-context';

/**
 * `/org/:orgId` → the signed-in person's own unit (one they own or hold a role on, see
 * {@link homeUnitId}); for those with none (an organisation-wide viewer), the first unit (tree
 * order) that has an X-matrix, else the first unit's OKRs.
 */
export function OrgIndexPage() {
  const { t } = useTranslation();
  const { data, error } = useOrg();
  const me = useMe();
  if (error) return <PageError title={t('org.loadError')} error={error} />;
  if (!data) return <PageLoading />;
  const units = flattenTree(data.tree).map((node) => node.unit);
  const home = homeUnitId(me, data.organisation.id, units);
  if (home) return <Redirect to={paths.unit(data.organisation.id, home)} replace />;
  const withMatrix = units.find((unit) => defaultMatrixYear(unit.id, data.matrices) !== undefined);
  const orgId = data.organisation.id;
  if (withMatrix) {
    return (
      <Redirect
        to={paths.matrix(orgId, withMatrix.id, defaultMatrixYear(withMatrix.id, data.matrices) ?? 0)}
        replace
      />
    );
  }
  const first = units[0];
  if (first) return <Redirect to={paths.okrs(orgId, first.id)} replace />;
  return (
    <div className="page">
      <EmptyState
        icon={<BuildingIcon size={22} />}
        title={t('org.noUnits', { organisation: data.organisation.name })}
      >
        <Trans
          t={t}
          i18nKey="org.noUnitsBody"
          components={{ a: <Link href={paths.settings(orgId, 'units')} /> }}
        />
      </EmptyState>
    </div>
  );
}

/** `/org/:orgId/units/:unitId` → the unit's current X-matrix, or its OKRs when it has none. */
export function UnitIndexPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { data, error } = useOrg();
  if (error) return <PageError title={t('org.loadError')} error={error} />;
  if (!data) return <PageLoading />;
  const year = defaultMatrixYear(unitId, data.matrices);
  const orgId = data.organisation.id;
  return (
    <Redirect
      to={year === undefined ? paths.okrs(orgId, unitId) : paths.matrix(orgId, unitId, year)}
      replace
    />
  );
}
