/**
 * The year review tab: a unit's year scored (its KPIs, annual objectives and OKRs, each with its
 * final score), a reflection (hansei) per annual objective, closing the cycle (organisation
 * admins) and the roll-over wizard into next year (editors, once the year is closed).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { YearReview } from '../../contracts';
import { plural } from '../../core/plural';
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
import { measure, ScoreBadge } from '../components/year-close/score-badge';
import { useOrg } from '../hooks/org-context';
import { useLiveChanges } from '../hooks/use-live-changes';
import { paths } from '../paths';
import { isAtLeast, roleOn } from '../session/permissions';
import { useMe } from '../session/session-context';
import { useUnitAccess } from '../session/use-unit-access';
import { formatDay } from '../format/dates';

export function YearReviewPage({ unitId, year }: { unitId: string; year: number }) {
  const { data: org } = useOrg();
  const matrix = org?.matrices.find((m) => m.unitId === unitId && m.year === year);
  const review = useQuery({ ...queries.yearReview(matrix?.id ?? ''), enabled: matrix !== undefined });
  useLiveChanges(matrix ? { unitId } : null);
  if (!org) return null;
  if (!matrix) {
    return (
      <EmptyState icon={<GridIcon size={22} />} title={`No X-matrix for ${year}`}>
        The year review scores a unit's X-matrix for the year. Pick a year that has one.
      </EmptyState>
    );
  }
  return (
    <QueryView
      query={review}
      errorTitle="Could not load the year review"
      loadingLabel="Loading the year review"
    >
      {(data) => <Review review={data} orgId={org.organisation.id} />}
    </QueryView>
  );
}

function Review({ review, orgId }: { review: YearReview; orgId: string }) {
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
    <section className="year-review" aria-label={`Year review ${review.year}`}>
      <div
        className={`year-status dashboard-card ${cycle?.closed ? 'is-closed' : ''}`}
        data-testid="year-status"
      >
        <div className="year-status-text">
          <h2>
            {cycle ? cycle.name : review.year}{' '}
            {cycle?.closed ? <Badge tone="neutral">Closed</Badge> : <Badge tone="green">Open</Badge>}
          </h2>
          <p className="muted">
            {cycle === null
              ? `The organisation has no cycle for ${review.year}.`
              : cycle.closed
                ? `Closed on ${formatDay(cycle.closedAt, 'long')}${cycle.closedBy ? ` by ${cycle.closedBy}` : ''}: its X-matrices, OKRs and check-ins are read-only. Reflections stay open.`
                : `Scores as of ${formatDay(review.asOf, 'long')}. Closing ${cycle.name} makes its X-matrices, OKRs and check-ins read-only for every unit.`}
          </p>
          <p className="year-links">
            {review.rolledFrom && (
              <Link href={paths.review(orgId, review.unitId, review.rolledFrom.year)}>
                ← Rolled over from {review.rolledFrom.year}
              </Link>
            )}
            {review.rolledInto && (
              <Link href={paths.matrix(orgId, review.unitId, review.rolledInto.year)}>
                Rolled into the {review.rolledInto.year} X-matrix →
              </Link>
            )}
          </p>
        </div>
        <div className="year-stats">
          <Stat label="KPIs met" value={`${metKpis} of ${review.kpis.length}`} />
          <Stat label="Average score" value={average === null ? '—' : average.toFixed(1)} />
          <Stat
            label="Reflections"
            value={`${review.annualObjectives.filter((o) => o.reflection).length} of ${review.annualObjectives.length}`}
          />
        </div>
        <div className="year-actions">
          {cycle && !cycle.closed && isOrgAdmin && (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Close {cycle.name}
            </Button>
          )}
          {cycle?.closed && !review.rolledInto && canEdit && !rolling && (
            <Button variant="primary" onClick={() => setRolling(true)}>
              Roll over into {review.year + 1}
            </Button>
          )}
        </div>
      </div>

      {confirming && cycle && (
        <ConfirmDialog
          title={`Close ${cycle.name}?`}
          confirmLabel={`Close ${cycle.name}`}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await closeCycle(cycle.cycleId);
            toast.show({ message: `${cycle.name} is closed`, tone: 'success' });
            refresh();
          }}
        >
          Every unit's X-matrix, OKRs and check-ins of {cycle.name} become read-only, for good. Scores are
          final; reflections can still be written. Then roll each X-matrix into {cycle.year + 1}.
        </ConfirmDialog>
      )}

      {rolling && (
        <RolloverWizard
          matrixId={review.matrixId}
          {...(org ? { partNames: org.organisation.partNames } : {})}
          onCancel={() => setRolling(false)}
          onDone={(result) => {
            toast.show({ message: `The ${result.year} X-matrix is ready`, tone: 'success' });
            refresh();
            navigate(paths.matrix(orgId, review.unitId, result.year));
          }}
        />
      )}

      <div className="dashboard-card">
        <h2>Annual objectives and their reflections</h2>
        {review.annualObjectives.length === 0 && (
          <p className="muted">No annual objectives in this X-matrix.</p>
        )}
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
          <h2>KPIs · final values</h2>
          {review.kpis.length === 0 ? (
            <p className="muted">No KPIs in this X-matrix.</p>
          ) : (
            <table className="year-table">
              <thead>
                <tr>
                  <th>KPI</th>
                  <th>From → target</th>
                  <th>Final</th>
                  <th>Score</th>
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
                        <span className="year-gap">{measure(kpi.gap, kpi.unitOfMeasure)} to go</span>
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
          <h2>OKRs · scores</h2>
          {review.objectives.length === 0 && <p className="muted">No OKRs of this unit in the cycle.</p>}
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
                      <span className="num muted">{kr.score.toFixed(1)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <h2 className="year-subhead">Initiatives</h2>
          <p className="muted">
            {plural(review.initiatives.filter((i) => i.status === 'done').length, 'initiative')} done,{' '}
            {plural(
              review.initiatives.filter((i) => i.status !== 'done' && i.status !== 'cancelled').length,
              'initiative',
            )}{' '}
            unfinished
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
