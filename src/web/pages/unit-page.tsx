/**
 * A unit's page: breadcrumb, name, the "X-matrix" / "OKRs" / "Bowling chart" / "Dashboard" tabs and
 * the year or cycle picker, then
 * the chosen tab. The OKR cycle comes from `?cycle=`, defaulting to the cycle of the current year.
 */
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

/** Print titles of the tabs that are picked by year (the others by cycle). */
const YEAR_TAB_TITLES: Record<YearTab, string> = {
  matrix: 'X-matrix',
  bowling: 'Bowling chart',
  pressure: 'Pressure test',
  review: 'Year review',
};

interface UnitPageProps {
  tab: UnitTab;
  unitId: string;
  /** The year (X-matrix and bowling-chart tabs). */
  year: number | undefined;
}

export function UnitPage({ tab, unitId, year }: UnitPageProps) {
  const { data, error } = useOrg();
  const search = useSearch();
  const [, navigate] = useLocation();
  if (error) return <PageError title="Could not load this organisation" error={error} />;
  if (!data) return <PageLoading />;
  const unit = data.unitsById.get(unitId);
  if (!unit) {
    return (
      <div className="page">
        <EmptyState icon={<AlertIcon size={22} />} title="Unit not found">
          This unit does not exist in {data.organisation.name}. Pick one from the sidebar.
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
        <nav className="breadcrumb" aria-label="Breadcrumb">
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
                ? ` · ${YEAR_TAB_TITLES[tab]} ${matrixYear}`
                : tab === 'history'
                  ? ' · History'
                  : ` · ${tab === 'okrs' ? 'OKRs' : 'Dashboard'} ${data.cycles.find((c) => c.id === cycleId)?.name ?? ''}`}
            </span>
          </h1>
          <div className="page-title-actions">
            {unit.parentId && (
              <Link className="btn btn-secondary btn-sm" href={paths.translate(orgId, unit.id)}>
                Translate from parent OKRs
              </Link>
            )}
            <Link className="btn btn-ghost btn-sm" href={paths.map(orgId)}>
              Strategy map
            </Link>
            <Link className="btn btn-ghost btn-sm" href={paths.import(orgId, unit.id)}>
              <span>Import OKRs</span>
            </Link>
            {isYearTab(tab) ? (
              <label className="picker">
                <span>Year</span>
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
                  <span>Cycle</span>
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
          label="Unit views"
          current={tab}
          items={[
            {
              id: 'matrix',
              label: 'X-matrix',
              href: paths.matrix(orgId, unit.id, matrixYear),
              icon: <GridIcon />,
            },
            {
              id: 'pressure',
              label: 'Pressure test',
              href: paths.pressure(orgId, unit.id, matrixYear),
              icon: <AlertIcon />,
            },
            {
              id: 'okrs',
              label: 'OKRs',
              href: paths.okrs(orgId, unit.id, cycleId),
              icon: <TargetIcon />,
            },
            {
              id: 'bowling',
              label: 'Bowling chart',
              href: paths.bowling(orgId, unit.id, matrixYear),
              icon: <GridIcon />,
            },
            {
              id: 'dashboard',
              label: 'Dashboard',
              href: paths.dashboard(orgId, unit.id, cycleId),
              icon: <TargetIcon />,
            },
            {
              id: 'review',
              label: 'Year review',
              href: paths.review(orgId, unit.id, matrixYear),
              icon: <CheckIcon />,
            },
            { id: 'history', label: 'History', href: paths.history(orgId, unit.id), icon: <UndoIcon /> },
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

const isYearTab = (tab: UnitTab): tab is YearTab => tab in YEAR_TAB_TITLES;

/** The cycle of the given year, else the newest cycle. */
function defaultCycle(cycles: Cycle[], year: number): Cycle | undefined {
  const sorted = [...cycles].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return sorted.find((cycle) => cycle.year === year) ?? sorted[0];
}
