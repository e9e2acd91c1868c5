/** The organisation view: per quarter, objectives and key results per unit, share achieved, scores and spread. */
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { queries } from '../api/queries';
import { SWEET_SPOT } from '../../core/scoring';
import { currentCycle } from '../../core/cycle';
import { QueryView } from '../components/form/query-view';
import { LoadingBlock } from '../components/spinner';
import { useOrg } from '../hooks/org-context';
import { useLiveChanges } from '../hooks/use-live-changes';
import { localIsoDate } from '../../core/calendar';
import { currentLocale } from '../i18n/locale';

const pct = (value: number | null) =>
  value === null
    ? '—'
    : new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
const fixed = (value: number, digits: number) =>
  new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value);
const num = (value: number | null) => (value === null ? '—' : fixed(value, 2));

export function OverviewPage() {
  const { t } = useTranslation();
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
      errorTitle={t('overview.loadError')}
      loadingLabel={t('overview.loading')}
      isPage
    >
      {(data) => (
        <div className="page overview" data-testid="overview">
          <header className="page-header">
            <h1>
              {org.organisation.name} · {cycles.find((c) => c.id === cycleId)?.name ?? cycleId}
            </h1>
            <p className="muted">
              {t('overview.intro', { asOf: data.asOf, sweetSpot: fixed(SWEET_SPOT, 1) })}
            </p>
          </header>
          {data.quarters.map((quarter) => (
            <section
              key={quarter.quarter}
              className="dashboard-card overview-quarter"
              aria-label={quarter.quarter}
            >
              <h2>
                {quarter.quarter} <span className="muted">{t('overview.to', { date: quarter.endDate })}</span>
              </h2>
              <table className="overview-table">
                <thead>
                  <tr>
                    <th scope="col">{t('overview.unit')}</th>
                    <th scope="col">{t('overview.objectives')}</th>
                    <th scope="col">{t('overview.keyResults')}</th>
                    <th scope="col">{t('overview.achieved')}</th>
                    <th scope="col">{t('overview.averageScore')}</th>
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
                  <Trans
                    t={t}
                    i18nKey="overview.achievedOverall"
                    values={{ share: pct(quarter.achievedShare) }}
                    components={{ strong: <strong /> }}
                  />
                </span>
                <span>
                  {t('overview.spread', {
                    min: num(quarter.spread.min),
                    max: num(quarter.spread.max),
                    sigma: num(quarter.spread.stdDev),
                  })}
                </span>
                <span className="score-bars" aria-label={t('overview.distribution')}>
                  {quarter.scoreDistribution.map((count, bucket) => (
                    <span
                      key={bucket}
                      className="score-bar"
                      title={t('overview.bucket', {
                        from: fixed(bucket / 10, 1),
                        to: fixed((bucket + 1) / 10, 1),
                        count,
                      })}
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
