/** The unit dashboard: objectives with progress and status, health over time, risks, countermeasures, stale items. */
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { attentionTotal, type AttentionCounts } from '../../core/attention';
import { queries } from '../api/queries';
import { ExplanationPopover } from '../components/execution/explanation-popover';
import { riskReason } from '../components/execution/risk-reason';
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
import { monthOfYear } from '../components/okr/okr-format';

/** The attention counts in the order they are listed, each `dashboard.attention.<count>` in words. */
const ATTENTION: readonly (keyof AttentionCounts)[] = [
  'objectivesAtRisk',
  'keyResultsAtRisk',
  'kpiMonthsRed',
  'kpiMonthsAmber',
  'initiativesLate',
  'initiativesAtRisk',
  'countermeasuresOverdue',
];

export function DashboardPage({ unitId, cycleId }: { unitId: string; cycleId: string | undefined }) {
  const { t } = useTranslation('execution');
  const { data: org } = useOrg();
  const dashboard = useQuery({ ...queries.dashboard(unitId, cycleId ?? ''), enabled: cycleId !== undefined });
  useLiveChanges(cycleId ? { unitId } : null);
  if (!cycleId) return <EmptyState title={t('dashboard.noCycle')}>{t('dashboard.noCycleText')}</EmptyState>;
  const person = (id: string | null) => (id ? (org?.peopleById.get(id)?.name ?? id) : '—');
  return (
    <QueryView query={dashboard} errorTitle={t('dashboard.error')} loadingLabel={t('dashboard.loading')}>
      {(data) => (
        <section className="dashboard" aria-label={t('dashboard.label')} data-testid="dashboard">
          <div className="dashboard-card dashboard-objectives">
            <h2>{t('dashboard.objectives', { day: formatDay(data.asOf) })}</h2>
            {data.objectives.length === 0 && <p className="muted">{t('dashboard.noObjectives')}</p>}
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
                    label={t('dashboard.progress', { title: objective.title })}
                  />
                  <ExplanationPopover explanation={objective.explanation} />
                </li>
              ))}
            </ul>
          </div>
          <div className="dashboard-card">
            <h2>{t('dashboard.health')}</h2>
            <HealthChart points={data.health} />
            <p className="legend-line muted">
              <Trans
                t={t}
                i18nKey="dashboard.healthLegend"
                components={{
                  on: <span className="swatch health-on" />,
                  risk: <span className="swatch health-risk" />,
                  off: <span className="swatch health-off" />,
                }}
              />
            </p>
          </div>
          <ForecastCard unitId={unitId} cycleId={cycleId} />
          <div className="dashboard-card">
            <h2>{t('dashboard.topRisks')}</h2>
            {attentionTotal(data.attention) === 0 ? (
              <p className="muted">{t('dashboard.nothingAtRisk')}</p>
            ) : (
              <ul
                className="dash-attention"
                data-testid="attention"
                aria-label={t('dashboard.attentionLabel')}
              >
                {ATTENTION.filter((name) => data.attention[name] > 0).map((name) => (
                  <li key={name}>{t(`dashboard.attention.${name}`, { count: data.attention[name] })}</li>
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
                    <span className="muted"> — {riskReason(risk)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="dashboard-card">
            <h2>{t('dashboard.openCountermeasures')}</h2>
            {data.openCountermeasures.length === 0 ? (
              <p className="muted">{t('dashboard.noneOpen')}</p>
            ) : (
              <ul className="dash-list" data-testid="open-countermeasures">
                {data.openCountermeasures.map((cm) => (
                  <li key={cm.id}>
                    <span className="pdca">{t(`pdcaTag.${cm.status}`)}</span> <strong>{cm.problem}</strong>
                    <span className="muted">
                      {' '}
                      — {cm.kpiId}, {monthOfYear(cm.year, cm.month, 'short')} · {person(cm.ownerId)}
                      {cm.dueDate ? ` · ${t('dashboard.due', { date: cm.dueDate })}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="dashboard-card">
            <h2>{t('dashboard.staleItems')}</h2>
            {data.staleItems.length === 0 ? (
              <p className="muted">{t('dashboard.noStaleItems')}</p>
            ) : (
              <ul className="dash-list" data-testid="stale-items">
                {data.staleItems.map((item) => (
                  <li key={item.id}>
                    <strong>{item.title}</strong>
                    <span className="muted">
                      {' '}
                      —{' '}
                      {item.lastCheckIn
                        ? t('dashboard.lastCheckIn', {
                            date: item.lastCheckIn,
                            cadence: t(`dashboard.cadence.${item.cadence}`),
                          })
                        : t('dashboard.neverCheckedIn', {
                            cadence: t(`dashboard.cadence.${item.cadence}`),
                          })}{' '}
                      · {person(item.ownerId)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted">{t('dashboard.openCatchball', { count: data.openCatchballItems })}</p>
          </div>
          {org && (
            <p className="dashboard-footer">
              <Link href={paths.overview(org.organisation.id, cycleId)}>{t('dashboard.overview')}</Link>
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
  const { t } = useTranslation('execution');
  const { data: org } = useOrg();
  const { canEdit } = useUnitAccess(unitId);
  const year = org?.cycles.find((cycle) => cycle.id === cycleId)?.year;
  const matrix = org?.matrices.find((m) => m.unitId === unitId && m.year === year);
  const forecast = useQuery({ ...queries.forecast(matrix?.id ?? ''), enabled: matrix !== undefined });
  if (!matrix) return null;
  return (
    <div className="dashboard-card dashboard-forecast" data-testid="dashboard-forecast">
      <h2>{t('dashboard.forecast')}</h2>
      <QueryView
        query={forecast}
        errorTitle={t('dashboard.forecastError')}
        loadingLabel={t('dashboard.forecastLoading')}
      >
        {(data) => <ForecastList history={data} canRecord={canEdit} />}
      </QueryView>
    </div>
  );
}
