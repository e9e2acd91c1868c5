/** The organisation view: per quarter, objectives and key results per unit, share achieved, scores and spread. */
import { useQuery } from '@tanstack/react-query';
import { useSearch } from 'wouter';
import { queries } from '../api/queries';
import { SWEET_SPOT } from '../../core/scoring';
import { currentCycle } from '../../core/cycle';
import { QueryView } from '../components/form/query-view';
import { LoadingBlock } from '../components/spinner';
import { useOrg } from '../hooks/org-context';
import { useLiveChanges } from '../hooks/use-live-changes';
import { localIsoDate } from '../../core/calendar';

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const num = (value: number | null) => (value === null ? '—' : value.toFixed(2));

export function OverviewPage() {
  const { data: org } = useOrg();
  const search = useSearch();
  const cycles = [...(org?.cycles ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate));
  const cycleId =
    new URLSearchParams(search).get('cycle') ?? currentCycle(cycles, localIsoDate(new Date()))?.id;
  const orgId = org?.organisation.id;
  const overview = useQuery({
    ...queries.overview(orgId ?? '', cycleId ?? ''),
    enabled: orgId !== undefined && cycleId !== undefined,
  });
  useLiveChanges(orgId ? { organisationId: orgId } : null);
  if (!org || !cycleId) return <LoadingBlock />;
  return (
    <QueryView
      query={overview}
      errorTitle="Could not load the overview"
      loadingLabel="Loading the overview"
      isPage
    >
      {(data) => (
        <div className="page overview" data-testid="overview">
          <header className="page-header">
            <h1>
              {org.organisation.name} · {cycles.find((c) => c.id === cycleId)?.name ?? cycleId}
            </h1>
            <p className="muted">
              Quarter statistics as of {data.asOf}: an objective counts as achieved at 1.0 (committed) or{' '}
              {SWEET_SPOT} (aspirational).
            </p>
          </header>
          {data.quarters.map((quarter) => (
            <section
              key={quarter.quarter}
              className="dashboard-card overview-quarter"
              aria-label={quarter.quarter}
            >
              <h2>
                {quarter.quarter} <span className="muted">to {quarter.endDate}</span>
              </h2>
              <table className="overview-table">
                <thead>
                  <tr>
                    <th scope="col">Unit</th>
                    <th scope="col">Objectives</th>
                    <th scope="col">Key results</th>
                    <th scope="col">Achieved</th>
                    <th scope="col">Average score</th>
                  </tr>
                </thead>
                <tbody>
                  {quarter.units.map((unit) => (
                    <tr key={unit.unitId}>
                      <td>{unit.unitName}</td>
                      <td className="tabular">{unit.objectives}</td>
                      <td className="tabular">{unit.keyResults}</td>
                      <td className="tabular">{pct(unit.achievedShare)}</td>
                      <td className="tabular">{num(unit.averageScore)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="overview-stats">
                <span>
                  Achieved overall: <strong>{pct(quarter.achievedShare)}</strong>
                </span>
                <span>
                  Spread across units: {num(quarter.spread.min)} – {num(quarter.spread.max)} (σ{' '}
                  {num(quarter.spread.stdDev)})
                </span>
                <span className="score-bars" aria-label="Distribution of scores">
                  {quarter.scoreDistribution.map((count, bucket) => (
                    <span
                      key={bucket}
                      className="score-bar"
                      title={`${(bucket / 10).toFixed(1)}–${((bucket + 1) / 10).toFixed(1)}: ${count}`}
                    >
                      <span style={{ height: `${Math.min(100, count * 20)}%` }} />
                    </span>
                  ))}
                </span>
              </div>
            </section>
          ))}
        </div>
      )}
    </QueryView>
  );
}
