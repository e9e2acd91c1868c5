/**
 * The year review tab: a unit's year scored (its KPIs, annual objectives and OKRs, each with its
 * final score), a reflection (hansei) per annual objective, closing the cycle (organisation
 * admins) and the roll-over wizard into next year (editors, once the year is closed).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { YearReview } from '../../contracts';
import { queries } from '../api/queries';
import { keys } from '../api/query-keys';
import { closeCycle } from '../api-year-close';
import { Badge } from '../components/badge';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState } from '../components/empty-state';
import { QueryView } from '../components/form/query-view';
import { GridIcon } from '../components/icons';
import { useToast } from '../components/toast';
import { ReflectionForm } from '../components/year-close/reflection-form';
import { RolloverWizard } from '../components/year-close/rollover-wizard';
import { measure, oneDecimal, ScoreBadge } from '../components/year-close/score-badge';
import { useOrg } from '../hooks/org-context';
import { useLiveChanges } from '../hooks/use-live-changes';
import { paths } from '../paths';
import { isAtLeast, roleOn } from '../session/permissions';
import { useMe } from '../session/session-context';
import { useUnitAccess } from '../session/use-unit-access';
import { formatDay } from '../format/dates';

export function YearReviewPage({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation('yearclose');
  const { data: org } = useOrg();
  const matrix = org?.matrices.find((m) => m.unitId === unitId && m.year === year);
  const review = useQuery({ ...queries.yearReview(matrix?.id ?? ''), enabled: matrix !== undefined });
  useLiveChanges(matrix ? { unitId } : null);
  if (!org) return null;
  if (!matrix) {
    return (
      <EmptyState icon={<GridIcon size={22} />} title={t('review.noMatrix', { year })}>
        {t('review.noMatrixBody')}
      </EmptyState>
    );
  }
  return (
    <QueryView query={review} errorTitle={t('review.failed')} loadingLabel={t('review.loading')}>
      {(data) => <Review review={data} orgId={org.organisation.id} />}
    </QueryView>
  );
}

function Review({ review, orgId }: { review: YearReview; orgId: string }) {
  const { t } = useTranslation('yearclose');
  const { data: org } = useOrg();
  const me = useMe();
  const client = useQueryClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const { canEdit } = useUnitAccess(review.unitId);
  const isOrgAdmin = org ? isAtLeast(roleOn(me, orgId, null, org.unitsById), 'admin') : false;
  const [confirming, setConfirming] = useState(false);
  const [rolling, setRolling] = useState(false);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: keys.matrix(review.matrixId) });
    void client.invalidateQueries({ queryKey: keys.org(orgId) });
  };
  const cycle = review.cycle;
  const metKpis = review.kpis.filter((kpi) => kpi.met === true).length;
  const scored = [...review.kpis, ...review.annualObjectives].filter((item) => item.score !== null);
  const average =
    scored.length === 0 ? null : scored.reduce((sum, item) => sum + (item.score ?? 0), 0) / scored.length;

  return (
    <section className="year-review" aria-label={t('review.label', { year: review.year })}>
      <div
        className={`year-status dashboard-card ${cycle?.closed ? 'is-closed' : ''}`}
        data-testid="year-status"
      >
        <div className="year-status-text">
          <h2>
            {cycle ? cycle.name : review.year}{' '}
            {cycle?.closed ? (
              <Badge tone="neutral">{t('review.closed')}</Badge>
            ) : (
              <Badge tone="green">{t('review.open')}</Badge>
            )}
          </h2>
          <p className="muted">
            {cycle === null
              ? t('review.noCycle', { year: review.year })
              : cycle.closed
                ? cycle.closedBy
                  ? t('review.closedOnBy', { date: formatDay(cycle.closedAt, 'long'), by: cycle.closedBy })
                  : t('review.closedOn', { date: formatDay(cycle.closedAt, 'long') })
                : t('review.scoresAsOf', { date: formatDay(review.asOf, 'long'), name: cycle.name })}
          </p>
          <p className="year-links">
            {review.rolledFrom && (
              <Link href={paths.review(orgId, review.unitId, review.rolledFrom.year)}>
                {t('review.rolledFrom', { year: review.rolledFrom.year })}
              </Link>
            )}
            {review.rolledInto && (
              <Link href={paths.matrix(orgId, review.unitId, review.rolledInto.year)}>
                {t('review.rolledInto', { year: review.rolledInto.year })}
              </Link>
            )}
          </p>
        </div>
        <div className="year-stats">
          <Stat
            label={t('review.kpisMet')}
            value={t('review.nOf', { n: metKpis, total: review.kpis.length })}
          />
          <Stat label={t('review.average')} value={average === null ? '—' : oneDecimal(average)} />
          <Stat
            label={t('review.reflections')}
            value={t('review.nOf', {
              n: review.annualObjectives.filter((o) => o.reflection).length,
              total: review.annualObjectives.length,
            })}
          />
        </div>
        <div className="year-actions">
          {cycle && !cycle.closed && isOrgAdmin && (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {t('review.close', { name: cycle.name })}
            </Button>
          )}
          {cycle?.closed && !review.rolledInto && canEdit && !rolling && (
            <Button variant="primary" onClick={() => setRolling(true)}>
              {t('review.rollOver', { year: review.year + 1 })}
            </Button>
          )}
        </div>
      </div>

      {confirming && cycle && (
        <ConfirmDialog
          title={t('review.closeTitle', { name: cycle.name })}
          confirmLabel={t('review.close', { name: cycle.name })}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await closeCycle(cycle.cycleId);
            toast.show({ message: t('review.closedToast', { name: cycle.name }), tone: 'success' });
            refresh();
          }}
        >
          {t('review.closeBody', { name: cycle.name, next: cycle.year + 1 })}
        </ConfirmDialog>
      )}

      {rolling && (
        <RolloverWizard
          matrixId={review.matrixId}
          {...(org ? { partNames: org.organisation.partNames } : {})}
          onCancel={() => setRolling(false)}
          onDone={(result) => {
            toast.show({ message: t('review.ready', { year: result.year }), tone: 'success' });
            refresh();
            navigate(paths.matrix(orgId, review.unitId, result.year));
          }}
        />
      )}

      <div className="dashboard-card">
        <h2>{t('review.objectives')}</h2>
        {review.annualObjectives.length === 0 && <p className="muted">{t('review.noObjectives')}</p>}
        <ul className="year-objectives">
          {review.annualObjectives.map((objective) => (
            <li key={objective.itemId} data-testid={`review-${objective.itemId}`}>
              <div className="year-row-head">
                <h3>{objective.title}</h3>
                <ScoreBadge score={objective.score} met={objective.met} />
              </div>
              <ReflectionForm
                key={objective.reflection?.version ?? 0}
                itemId={objective.itemId}
                title={objective.title}
                reflection={objective.reflection}
                canEdit={canEdit}
                onSaved={refresh}
              />
            </li>
          ))}
        </ul>
      </div>

      <div className="year-grid">
        <div className="dashboard-card">
          <h2>{t('review.kpis')}</h2>
          {review.kpis.length === 0 ? (
            <p className="muted">{t('review.noKpis')}</p>
          ) : (
            <table className="year-table">
              <thead>
                <tr>
                  <th>{t('review.column.kpi')}</th>
                  <th>{t('review.column.fromTarget')}</th>
                  <th>{t('review.column.final')}</th>
                  <th>{t('review.column.score')}</th>
                </tr>
              </thead>
              <tbody>
                {review.kpis.map((kpi) => (
                  <tr key={kpi.itemId}>
                    <td>{kpi.title}</td>
                    <td className="num">
                      {measure(kpi.baseline, '')} → {measure(kpi.target, kpi.unitOfMeasure)}
                    </td>
                    <td className="num">
                      {measure(kpi.final, kpi.unitOfMeasure)}
                      {kpi.met === false && kpi.gap !== null && (
                        <span className="year-gap">
                          {t('review.toGo', { gap: measure(kpi.gap, kpi.unitOfMeasure) })}
                        </span>
                      )}
                    </td>
                    <td>
                      <ScoreBadge score={kpi.score} met={kpi.met} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="dashboard-card">
          <h2>{t('review.okrs')}</h2>
          {review.objectives.length === 0 && <p className="muted">{t('review.noOkrs')}</p>}
          <ul className="year-okrs">
            {review.objectives.map((objective) => (
              <li key={objective.id}>
                <div className="year-row-head">
                  <span className="year-okr-title">{objective.title}</span>
                  <ScoreBadge
                    score={objective.score}
                    met={objective.grade === 'achieved' || objective.grade === 'sweet_spot'}
                  />
                </div>
                <ul>
                  {objective.keyResults.map((kr) => (
                    <li key={kr.id} className="year-kr">
                      <span>{kr.title}</span>
                      <span className="num muted">{oneDecimal(kr.score)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <h2 className="year-subhead">{t('review.initiatives')}</h2>
          <p className="muted">
            {t('review.initiativesDone', {
              done: review.initiatives.filter((i) => i.status === 'done').length,
              unfinished: review.initiatives.filter((i) => i.status !== 'done' && i.status !== 'cancelled')
                .length,
            })}
          </p>
        </div>
      </div>
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="year-stat">
      <span className="year-stat-value">{value}</span>
      <span className="year-stat-label">{label}</span>
    </div>
  );
}
