/**
 * Under a key result its KPIs measure: "measured by <KPI> (<unit>)", how the value was computed
 * (each KPI with its unit, value and date, and the rule), and for several KPIs the rule picker,
 * offered only to those who may edit the key result.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { KeyResult, KeyResultMeasure } from '../../../contracts';
import { MEASURE_RULE_LABEL, MEASURE_RULES, type MeasureRule } from '../../../core/measured-by';
import { updateKeyResult } from '../../api-client';
import { keys } from '../../api/query-keys';
import { useToast } from '../toast';
import { formatNumber, withUnit } from './okr-format';

interface MeasuredByProps {
  kr: KeyResult;
  measure: KeyResultMeasure;
  /** Whether the current value came from a recorded override of the KPIs. */
  overridden: boolean;
  /** The unit the key result belongs to, for refreshing its views after a rule change. */
  unitId: string;
  canEdit: boolean;
}

export function MeasuredBy({ kr, measure, overridden, unitId, canEdit }: MeasuredByProps) {
  const client = useQueryClient();
  const toast = useToast();
  const several = measure.contributions.length > 1;
  const names = measure.contributions.map((kpi) => `${kpi.title} (${kpi.unitName})`);
  const changeRule = async (rule: MeasureRule) => {
    try {
      await updateKeyResult(kr.id, { version: kr.version, measureRule: rule });
      await client.invalidateQueries({ queryKey: keys.unit(unitId) });
      toast.show({
        tone: 'success',
        message: `${kr.title} now takes the ${MEASURE_RULE_LABEL[rule].toLowerCase()} of its KPIs`,
      });
    } catch (error) {
      toast.show({
        tone: 'error',
        message: error instanceof Error ? error.message : 'The rule was not changed',
      });
    }
  };
  return (
    <div className="kr-measured" data-testid={`measured-by-${kr.id}`}>
      <span className="kr-measured-line">
        Measured by {names.join(', ')}
        {overridden && <span className="kr-override-note"> · manual override in force</span>}
      </span>
      {several &&
        (canEdit ? (
          <select
            className="kr-rule"
            value={measure.rule}
            aria-label={`How the KPIs of ${kr.title} combine`}
            onChange={(event) => void changeRule(event.target.value as MeasureRule)}
          >
            {MEASURE_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {MEASURE_RULE_LABEL[rule]}
              </option>
            ))}
          </select>
        ) : (
          <span className="kr-rule muted">{MEASURE_RULE_LABEL[measure.rule]}</span>
        ))}
      <details className="explanation kr-measure-explanation">
        <summary>How was this computed?</summary>
        <div className="explanation-body" role="note">
          <p>
            {several
              ? `${MEASURE_RULE_LABEL[measure.rule]} of the latest value of each KPI that has reported`
              : 'The latest value of the KPI'}
            {measure.value === null
              ? ': no KPI has reported yet.'
              : `: ${withUnit(measure.value, kr.unitOfMeasure)}.`}
            {overridden && ' A manual override recorded later stands until a KPI reports again.'}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col">Unit</th>
                <th scope="col">Value</th>
                <th scope="col">Date</th>
                {measure.rule === 'weighted_average' && several && <th scope="col">Weight</th>}
              </tr>
            </thead>
            <tbody>
              {measure.contributions.map((kpi) => (
                <tr key={kpi.id}>
                  <td>{kpi.title}</td>
                  <td>{kpi.unitName}</td>
                  <td className="tabular">
                    {kpi.value === null ? '—' : withUnit(kpi.value, kpi.unitOfMeasure)}
                  </td>
                  <td className="tabular">{kpi.date ?? 'no check-in yet'}</td>
                  {measure.rule === 'weighted_average' && several && (
                    <td className="tabular">{formatNumber(kpi.weight)}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
