/**
 * A saved scenario beside the plan as it is now: per target the chance of reaching it and the
 * value reached with 4-in-5 confidence on both sides, the skills and people whose capacity differs,
 * and where the plan changed since the scenario was saved (applying it would be refused there).
 */
import { useQuery } from '@tanstack/react-query';
import type { ScenarioComparison, ScenarioView } from '../../../contracts';
import { formatMeasure, percentOf } from '../../../core/outlook-wording';
import { plural } from '../../../core/plural';
import { queries } from '../../api/queries';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { probabilityTone } from './probability-tone';

const KIND_LABEL: Record<ScenarioComparison['targets'][number]['kind'], string> = {
  kpi: 'KPI',
  key_result: 'Key result',
  annual_objective: 'Annual objective',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Months 1-12 as "Apr–Sep" runs, or "never". */
export function monthRuns(months: readonly number[] | null): string {
  if (!months || months.length === 0) return 'never';
  const runs: [number, number][] = [];
  for (const m of months) {
    const last = runs.at(-1);
    if (last && last[1] === m - 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? MONTHS[a - 1] : `${MONTHS[a - 1]}–${MONTHS[b - 1]}`)).join(', ');
}

type Row = ScenarioComparison['targets'][number];

/**
 * Targets of one KPI with one target value and the same outcome on both sides (a KPI, its key
 * result and the annual objective it measures) as one row, the way the page's cards group them.
 */
function groupRows(targets: readonly Row[]): { lead: Row; kinds: Row['kind'][] }[] {
  const groups = new Map<string, { lead: Row; kinds: Row['kind'][] }>();
  for (const t of targets) {
    const key = JSON.stringify([t.kpiId, t.target, t.plan, t.scenario]);
    const group = groups.get(key);
    if (!group) groups.set(key, { lead: t, kinds: [t.kind] });
    else {
      group.kinds.push(t.kind);
      if (t.kind === 'key_result' && group.lead.kind !== 'key_result') group.lead = t;
    }
  }
  return [...groups.values()];
}

function Outcome(props: {
  outcome: { probability: number; p80: number } | null;
  unit: string;
  /** The plan's chance, to say how far the scenario moves it. */
  versus?: number | null | undefined;
}) {
  if (!props.outcome) return <span className="muted">not simulated</span>;
  const points =
    props.versus === undefined || props.versus === null
      ? 0
      : Math.round((props.outcome.probability - props.versus) * 100);
  return (
    <span className="scenario-outcome">
      <strong className={`tone-${probabilityTone(props.outcome.probability)}`}>
        {percentOf(props.outcome.probability)}
      </strong>
      {points !== 0 && (
        <span className="scenario-delta">
          {points > 0 ? '+' : '−'}
          {plural(Math.abs(points), 'point')}
        </span>
      )}
      <small className="muted">with 4-in-5 confidence {formatMeasure(props.outcome.p80, props.unit)}</small>
    </span>
  );
}

export function ScenarioComparisonDialog(props: {
  matrixId: string;
  scenario: ScenarioView;
  onClose: () => void;
}) {
  const query = useQuery(queries.scenarioComparison(props.matrixId, props.scenario.id));
  const data = query.data;
  return (
    <Dialog
      title={`“${props.scenario.name}” against the plan`}
      description={props.scenario.description.join('; ')}
      onClose={props.onClose}
      className="dialog-wide scenario-compare"
      footer={
        <Button variant="primary" onClick={props.onClose} data-autofocus>
          Close
        </Button>
      }
    >
      {query.error && <p className="form-error">{query.error.message}</p>}
      {!data && !query.error && <p className="muted">Simulating the plan as it is now…</p>}
      {data && (
        <>
          {data.conflicts.length > 0 && (
            <div className="scenario-conflicts" role="alert">
              The plan changed since this scenario was saved, so it cannot be applied as it is:
              <ul>
                {data.conflicts.map((c) => (
                  <li key={c.item}>{c.message}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="scenario-table-wrap">
            <table className="scenario-table" data-testid="scenario-comparison">
              <thead>
                <tr>
                  <th>Target</th>
                  <th>Plan</th>
                  <th>Scenario</th>
                </tr>
              </thead>
              <tbody>
                {groupRows(data.targets).map(({ lead: t, kinds }) => (
                  <tr
                    key={`${t.kind}:${t.targetId}`}
                    data-testid={`compare-${t.targetId}`}
                    className={t.plan?.probability !== t.scenario?.probability ? 'is-changed' : ''}
                  >
                    <td>
                      <span className="scenario-target">{t.title}</span>
                      <small className="muted">
                        {kinds.map((k) => KIND_LABEL[k]).join(' · ')} · target{' '}
                        {formatMeasure(t.target, t.unitOfMeasure)}
                      </small>
                    </td>
                    <td>
                      <Outcome outcome={t.plan} unit={t.unitOfMeasure} />
                    </td>
                    <td>
                      <Outcome outcome={t.scenario} unit={t.unitOfMeasure} versus={t.plan?.probability} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="scenario-subhead">Capacity</h3>
          {data.capacity.skills.length === 0 && data.capacity.people.length === 0 ? (
            <p className="muted">No difference in skills or people.</p>
          ) : (
            <ul className="scenario-capacity" data-testid="scenario-capacity">
              {data.capacity.skills.map((s) => (
                <li key={s.skill}>
                  <strong>{s.skill}</strong>: short {plural(Math.round(s.planShortfall), 'day')} in the plan,{' '}
                  {plural(Math.round(s.scenarioShortfall), 'day')} in the scenario
                </li>
              ))}
              {data.capacity.people.map((p) => (
                <li key={p.personId}>
                  <strong>{p.name}</strong>: over capacity{' '}
                  {p.planOverMonths === null ? '(not in the plan)' : monthRuns(p.planOverMonths)} in the plan,{' '}
                  {p.scenarioOverMonths === null ? 'left out' : monthRuns(p.scenarioOverMonths)} in the
                  scenario
                </li>
              ))}
            </ul>
          )}
          <p className="muted scenario-footnote">
            The scenario&apos;s figures are from when it was saved (
            {data.scenario.summary.trials.toLocaleString('en-GB')} simulated years, seed{' '}
            {data.scenario.summary.seed}); the plan&apos;s are from now.
          </p>
        </>
      )}
    </Dialog>
  );
}
