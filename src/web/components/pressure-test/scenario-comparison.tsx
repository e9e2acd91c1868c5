/**
 * A saved scenario beside the plan as it is now: per target the chance of reaching it and the
 * value reached with 4-in-5 confidence on both sides, the skills and people whose capacity differs,
 * and where the plan changed since the scenario was saved (applying it would be refused there).
 */
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import type { ScenarioComparison, ScenarioView } from '../../../contracts';
import { i18n } from '../../i18n/i18n';
import { currentLocale } from '../../i18n/locale';
import { queries } from '../../api/queries';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { probabilityTone } from './probability-tone';
import { describeScenarioText, measureOf, monthNames, percentText } from './wording';

/** Months 1-12 as "Apr–Sep" runs, or "never". */
export function monthRuns(months: readonly number[] | null): string {
  if (!months || months.length === 0) return i18n.t('pressure:compare.never');
  const MONTHS = monthNames();
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
  const { t } = useTranslation('pressure');
  if (!props.outcome) return <span className="muted">{t('compare.notSimulated')}</span>;
  const points =
    props.versus === undefined || props.versus === null
      ? 0
      : Math.round((props.outcome.probability - props.versus) * 100);
  return (
    <span className="scenario-outcome">
      <strong className={`tone-${probabilityTone(props.outcome.probability)}`}>
        {percentText(props.outcome.probability)}
      </strong>
      {points !== 0 && (
        <span className="scenario-delta">
          {t(points > 0 ? 'compare.pointsUp' : 'compare.pointsDown', { count: Math.abs(points) })}
        </span>
      )}
      <small className="muted">
        {t('compare.confidence', { p80: measureOf(props.outcome.p80, props.unit) })}
      </small>
    </span>
  );
}

export function ScenarioComparisonDialog(props: {
  matrixId: string;
  scenario: ScenarioView;
  onClose: () => void;
}) {
  const { t } = useTranslation('pressure');
  const query = useQuery(queries.scenarioComparison(props.matrixId, props.scenario.id));
  const data = query.data;
  // The changes in the reader's language, from the plan's names; the saved English words until the
  // plan has arrived (the page has it already).
  const basis = useQuery(queries.whatIfBasis(props.matrixId));
  const words = basis.data
    ? describeScenarioText(basis.data, props.scenario.changes)
    : props.scenario.description;
  return (
    <Dialog
      title={t('compare.title', { name: props.scenario.name })}
      description={words.join(t('page.descriptionSeparator'))}
      onClose={props.onClose}
      className="dialog-wide scenario-compare"
      footer={
        <Button variant="primary" onClick={props.onClose} data-autofocus>
          {t('compare.close')}
        </Button>
      }
    >
      {query.error && <p className="form-error">{query.error.message}</p>}
      {!data && !query.error && <p className="muted">{t('compare.simulating')}</p>}
      {data && (
        <>
          {data.conflicts.length > 0 && (
            <div className="scenario-conflicts" role="alert">
              {t('compare.conflicts')}
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
                  <th>{t('compare.target')}</th>
                  <th>{t('compare.plan')}</th>
                  <th>{t('compare.scenario')}</th>
                </tr>
              </thead>
              <tbody>
                {groupRows(data.targets).map(({ lead: row, kinds }) => (
                  <tr
                    key={`${row.kind}:${row.targetId}`}
                    data-testid={`compare-${row.targetId}`}
                    className={row.plan?.probability !== row.scenario?.probability ? 'is-changed' : ''}
                  >
                    <td>
                      <span className="scenario-target">{row.title}</span>
                      <small className="muted">
                        {t('compare.kindsAndTarget', {
                          kinds: kinds.map((k) => t(`compare.kind.${k}`)).join(' · '),
                          target: measureOf(row.target, row.unitOfMeasure),
                        })}
                      </small>
                    </td>
                    <td>
                      <Outcome outcome={row.plan} unit={row.unitOfMeasure} />
                    </td>
                    <td>
                      <Outcome
                        outcome={row.scenario}
                        unit={row.unitOfMeasure}
                        versus={row.plan?.probability}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="scenario-subhead">{t('compare.capacity')}</h3>
          {data.capacity.skills.length === 0 && data.capacity.people.length === 0 ? (
            <p className="muted">{t('compare.noDifference')}</p>
          ) : (
            <ul className="scenario-capacity" data-testid="scenario-capacity">
              {data.capacity.skills.map((s) => (
                <li key={s.skill}>
                  <Trans
                    t={t}
                    ns="pressure"
                    i18nKey="compare.skillShort"
                    values={{
                      skill: s.skill,
                      plan: Math.round(s.planShortfall),
                      scenario: Math.round(s.scenarioShortfall),
                    }}
                    components={{ strong: <strong /> }}
                  />
                </li>
              ))}
              {data.capacity.people.map((p) => (
                <li key={p.personId}>
                  <Trans
                    t={t}
                    ns="pressure"
                    i18nKey="compare.personOver"
                    values={{
                      name: p.name,
                      plan: p.planOverMonths === null ? t('compare.notInPlan') : monthRuns(p.planOverMonths),
                      scenario:
                        p.scenarioOverMonths === null
                          ? t('compare.leftOut')
                          : monthRuns(p.scenarioOverMonths),
                    }}
                    components={{ strong: <strong /> }}
                  />
                </li>
              ))}
            </ul>
          )}
          <p className="muted scenario-footnote">
            {t('compare.footnote', {
              trials: data.scenario.summary.trials.toLocaleString(currentLocale()),
              seed: data.scenario.summary.seed,
            })}
          </p>
        </>
      )}
    </Dialog>
  );
}
