/** The unit dashboard: objectives with progress and status, health over time, risks, countermeasures, stale items. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { attentionTotal, describeAttention } from '../../core/attention';
import { queries } from '../api/queries';
import { ExplanationPopover } from '../components/execution/explanation-popover';
import { ForecastList } from '../components/execution/forecast-trend';
import { HealthChart } from '../components/execution/health-chart';
import { StatusBadge } from '../components/execution/status-badge';
import { EmptyState } from '../components/empty-state';
import { ProgressBar } from '../components/okr/progress-bar';
import { QueryView } from '../components/form/query-view';
import { useOrg } from '../hooks/org-context';
import { useLiveChanges } from '../hooks/use-live-changes';
import { useUnitAccess } from '../session/use-unit-access';
import { paths } from '../paths';
import { formatDay } from '../format/dates';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function DashboardPage({ unitId, cycleId }: { unitId: string; cycleId: string | undefined }) {
  const { data: org } = useOrg();
  const dashboard = useQuery({ ...queries.dashboard(unitId, cycleId ?? ''), enabled: cycleId !== undefined });
  useLiveChanges(cycleId ? { unitId } : null);
  if (!cycleId) return <EmptyState title="No cycle yet">Dashboards follow a cycle's OKRs.</EmptyState>;
  const person = (id: string | null) => (id ? (org?.peopleById.get(id)?.name ?? id) : '—');
  return (
    <QueryView
      query={dashboard}
      errorTitle="Could not load the dashboard"
      loadingLabel="Loading the dashboard"
    >
      {(data) => (
        <section className="dashboard" aria-label="Unit dashboard" data-testid="dashboard">
          <div className="dashboard-card dashboard-objectives">
            <h2>Objectives · as of {formatDay(data.asOf)}</h2>
            {data.objectives.length === 0 && <p className="muted">No objectives in this cycle.</p>}
            <ul>
              {data.objectives.map((objective) => (
                <li key={objective.id} data-testid={`dash-objective-${objective.id}`}>
                  <div className="dash-objective-head">
                    <span className="dash-objective-title">{objective.title}</span>
                    <StatusBadge status={objective.status} />
                  </div>
                  <ProgressBar
                    value={objective.progress}
                    status={objective.status.status}
                    label={`Progress of ${objective.title}`}
                  />
                  <ExplanationPopover explanation={objective.explanation} />
                </li>
              ))}
            </ul>
          </div>
          <div className="dashboard-card">
            <h2>Health over time</h2>
            <HealthChart points={data.health} />
            <p className="legend-line muted">
              Line: average objective progress · bars: <span className="swatch health-on" /> on track{' '}
              <span className="swatch health-risk" /> at risk <span className="swatch health-off" /> off track
            </p>
          </div>
          <ForecastCard unitId={unitId} cycleId={cycleId} />
          <div className="dashboard-card">
            <h2>Top risks</h2>
            {attentionTotal(data.attention) === 0 ? (
              <p className="muted">Nothing at risk.</p>
            ) : (
              <ul className="dash-attention" data-testid="attention" aria-label="What needs attention">
                {describeAttention(data.attention).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
            {data.topRisks.length > 0 && (
              <ul className="dash-list">
                {data.topRisks.map((risk) => (
                  <li key={risk.id}>
                    <StatusBadge
                      status={{ status: risk.status, derived: risk.status, source: 'auto', reason: null }}
                    />{' '}
                    <strong>{risk.title}</strong>
                    <span className="muted"> — {risk.reason}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="dashboard-card">
            <h2>Open countermeasures</h2>
            {data.openCountermeasures.length === 0 ? (
              <p className="muted">None open.</p>
            ) : (
              <ul className="dash-list" data-testid="open-countermeasures">
                {data.openCountermeasures.map((cm) => (
                  <li key={cm.id}>
                    <span className="pdca">{cm.status.toUpperCase()}</span> <strong>{cm.problem}</strong>
                    <span className="muted">
                      {' '}
                      — {cm.kpiId}, {MONTHS[cm.month - 1]} {cm.year} · {person(cm.ownerId)}
                      {cm.dueDate ? ` · due ${cm.dueDate}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="dashboard-card">
            <h2>Stale items</h2>
            {data.staleItems.length === 0 ? (
              <p className="muted">Every item has a recent check-in.</p>
            ) : (
              <ul className="dash-list" data-testid="stale-items">
                {data.staleItems.map((item) => (
                  <li key={item.id}>
                    <strong>{item.title}</strong>
                    <span className="muted">
                      {' '}
                      — last check-in {item.lastCheckIn ?? 'never'} ({item.cadence}) · {person(item.ownerId)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted">Open catchball items: {data.openCatchballItems}</p>
          </div>
          {org && (
            <p className="dashboard-footer">
              <Link href={paths.overview(org.organisation.id, cycleId)}>Organisation overview →</Link>
            </p>
          )}
        </section>
      )}
    </QueryView>
  );
}

/**
 * The forecast from actuals of the unit's X-matrix for the cycle's year: the chance of each target
 * by year end as recorded month by month. Nothing for a unit without a matrix that year.
 */
function ForecastCard({ unitId, cycleId }: { unitId: string; cycleId: string }) {
  const { data: org } = useOrg();
  const { canEdit } = useUnitAccess(unitId);
  const year = org?.cycles.find((cycle) => cycle.id === cycleId)?.year;
  const matrix = org?.matrices.find((m) => m.unitId === unitId && m.year === year);
  const forecast = useQuery({ ...queries.forecast(matrix?.id ?? ''), enabled: matrix !== undefined });
  if (!matrix) return null;
  return (
    <div className="dashboard-card dashboard-forecast" data-testid="dashboard-forecast">
      <h2>Chance of reaching the targets by December, month by month</h2>
      <QueryView
        query={forecast}
        errorTitle="Could not load the forecast"
        loadingLabel="Loading the forecast"
      >
        {(data) => <ForecastList history={data} canRecord={canEdit} />}
      </QueryView>
    </div>
  );
}
