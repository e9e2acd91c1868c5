/**
 * A unit's page: breadcrumb, name, the "X-matrix" / "OKRs" / "Bowling chart" / "Dashboard" tabs and
 * the year or cycle picker, then
 * the chosen tab. The OKR cycle comes from `?cycle=`, defaulting to the cycle of the current year.
 */
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { Cycle } from '../../contracts';
import { EmptyState } from '../components/empty-state';
import { AlertIcon, CheckIcon, ChevronRightIcon, GridIcon, TargetIcon, UndoIcon } from '../components/icons';
import { PageError, PageLoading } from '../components/page-state';
import { Tabs } from '../components/tabs';
import { useOrg } from '../hooks/org-context';
import { ancestorsOf, defaultMatrixYear, matrixYears } from '../hooks/unit-tree';
import { AuditPage } from './audit-page';
import { BowlingPage } from './bowling-page';
import { DashboardPage } from './dashboard-page';
import { MatrixPage } from './matrix-page';
import { OkrsPage } from './okrs-page';
import { PressureTestPage } from './pressure-test-page';
import { YearReviewPage } from './year-review-page';
import { paths, type CycleTab, type YearTab } from '../paths';

export type UnitTab = YearTab | CycleTab | 'history';

/** The tabs that are picked by year (the others by cycle); their print titles are `unitTabs.<tab>`. */
const YEAR_TABS: readonly YearTab[] = ['matrix', 'bowling', 'pressure', 'review'];

interface UnitPageProps {
  tab: UnitTab;
  unitId: string;
  /** The year (X-matrix and bowling-chart tabs). */
  year: number | undefined;
}

export function UnitPage({ tab, unitId, year }: UnitPageProps) {
  const { t } = useTranslation();
  const { data, error } = useOrg();
  const search = useSearch();
  const [, navigate] = useLocation();
  if (error) return <PageError title={t('org.loadError')} error={error} />;
  if (!data) return <PageLoading />;
  const unit = data.unitsById.get(unitId);
  if (!unit) {
    return (
      <div className="page">
        <EmptyState icon={<AlertIcon size={22} />} title={t('unitPage.notFound')}>
          {t('unitPage.notFoundBody', { organisation: data.organisation.name })}
        </EmptyState>
      </div>
    );
  }
  const orgId = data.organisation.id;
  const years = matrixYears(unit.id, data.matrices);
  const matrixYear = year ?? defaultMatrixYear(unit.id, data.matrices) ?? new Date().getFullYear();
  const cycleId = new URLSearchParams(search).get('cycle') ?? defaultCycle(data.cycles, matrixYear)?.id;
  const ancestors = ancestorsOf(unit.id, data.unitsById);
  const byYear = isYearTab(tab);
  const yearOptions = years.includes(matrixYear) ? years : [matrixYear, ...years].sort((a, b) => b - a);

  return (
    <div className="page page-unit">
      <header className="page-header">
        <nav className="breadcrumb" aria-label={t('unitPage.breadcrumb')}>
          <span>{data.organisation.name}</span>
          {ancestors.map((ancestor) => (
            <span key={ancestor.id} className="breadcrumb-step">
              <ChevronRightIcon size={12} />
              <Link href={paths.unit(orgId, ancestor.id)}>{ancestor.name}</Link>
            </span>
          ))}
        </nav>
        <div className="page-title-row">
          <h1>
            {unit.name}
            <span className="print-only">
              {byYear
                ? ` · ${t(`unitTabs.${tab}`)} ${matrixYear}`
                : tab === 'history'
                  ? ` · ${t('unitTabs.history')}`
                  : ` · ${t(tab === 'okrs' ? 'unitTabs.okrs' : 'unitTabs.dashboard')} ${data.cycles.find((c) => c.id === cycleId)?.name ?? ''}`}
            </span>
          </h1>
          <div className="page-title-actions">
            {unit.parentId && (
              <Link className="btn btn-secondary btn-sm" href={paths.translate(orgId, unit.id)}>
                {t('unitPage.translate')}
              </Link>
            )}
            <Link className="btn btn-ghost btn-sm" href={paths.map(orgId)}>
              {t('unitPage.strategyMap')}
            </Link>
            <Link className="btn btn-ghost btn-sm" href={paths.import(orgId, unit.id)}>
              <span>{t('unitPage.import')}</span>
            </Link>
            {isYearTab(tab) ? (
              <label className="picker">
                <span>{t('unitPage.year')}</span>
                <select
                  value={matrixYear}
                  onChange={(event) =>
                    navigate(paths.unitYearTab(orgId, unit.id, tab, Number(event.target.value)))
                  }
                >
                  {yearOptions.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              tab !== 'history' &&
              data.cycles.length > 0 && (
                <label className="picker">
                  <span>{t('unitPage.cycle')}</span>
                  <select
                    value={cycleId}
                    onChange={(event) =>
                      navigate(paths.unitCycleTab(orgId, unit.id, tab, event.target.value))
                    }
                  >
                    {[...data.cycles]
                      .sort((a, b) => b.startDate.localeCompare(a.startDate))
                      .map((cycle) => (
                        <option key={cycle.id} value={cycle.id}>
                          {cycle.name}
                        </option>
                      ))}
                  </select>
                </label>
              )
            )}
          </div>
        </div>
        <Tabs
          label={t('unitPage.views')}
          current={tab}
          items={[
            {
              id: 'matrix',
              label: t('unitTabs.matrix'),
              href: paths.matrix(orgId, unit.id, matrixYear),
              icon: <GridIcon />,
            },
            {
              id: 'pressure',
              label: t('unitTabs.pressure'),
              href: paths.pressure(orgId, unit.id, matrixYear),
              icon: <AlertIcon />,
            },
            {
              id: 'okrs',
              label: t('unitTabs.okrs'),
              href: paths.okrs(orgId, unit.id, cycleId),
              icon: <TargetIcon />,
            },
            {
              id: 'bowling',
              label: t('unitTabs.bowling'),
              href: paths.bowling(orgId, unit.id, matrixYear),
              icon: <GridIcon />,
            },
            {
              id: 'dashboard',
              label: t('unitTabs.dashboard'),
              href: paths.dashboard(orgId, unit.id, cycleId),
              icon: <TargetIcon />,
            },
            {
              id: 'review',
              label: t('unitTabs.review'),
              href: paths.review(orgId, unit.id, matrixYear),
              icon: <CheckIcon />,
            },
            {
              id: 'history',
              label: t('unitTabs.history'),
              href: paths.history(orgId, unit.id),
              icon: <UndoIcon />,
            },
          ]}
        />
      </header>
      {tab === 'matrix' && <MatrixPage key={`${unit.id}:${matrixYear}`} unitId={unit.id} year={matrixYear} />}
      {tab === 'okrs' && <OkrsPage key={`${unit.id}:${cycleId ?? ''}`} unit={unit} cycleId={cycleId} />}
      {tab === 'pressure' && (
        <PressureTestPage key={`${unit.id}:${matrixYear}`} unit={unit} year={matrixYear} />
      )}
      {tab === 'bowling' && (
        <BowlingPage key={`${unit.id}:${matrixYear}`} unitId={unit.id} year={matrixYear} />
      )}
      {tab === 'review' && (
        <YearReviewPage key={`${unit.id}:${matrixYear}`} unitId={unit.id} year={matrixYear} />
      )}
      {tab === 'history' && <AuditPage key={unit.id} unit={unit} />}
      {tab === 'dashboard' && (
        <DashboardPage key={`${unit.id}:${cycleId ?? ''}`} unitId={unit.id} cycleId={cycleId} />
      )}
    </div>
  );
}

const isYearTab = (tab: UnitTab): tab is YearTab => (YEAR_TABS as readonly string[]).includes(tab);

/** The cycle of the given year, else the newest cycle. */
function defaultCycle(cycles: Cycle[], year: number): Cycle | undefined {
  const sorted = [...cycles].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return sorted.find((cycle) => cycle.year === year) ?? sorted[0];
}
