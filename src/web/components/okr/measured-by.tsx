/**
 * Under a key result its KPIs measure: "measured by <KPI> (<unit>)", how the value was computed
 * (each KPI with its unit, value and date, and the rule), and for several KPIs the rule picker,
 * offered only to those who may edit the key result.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { KeyResult, KeyResultMeasure } from '../../../contracts';
import { MEASURE_RULES, type MeasureRule } from '../../../core/measured-by';
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
  const { t } = useTranslation('okrs');
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
        message: t('measured.ruleChanged', { title: kr.title, rule }),
      });
    } catch (error) {
      toast.show({
        tone: 'error',
        message: error instanceof Error ? error.message : t('measured.ruleNotChanged'),
      });
    }
  };
  return (
    <div className="kr-measured" data-testid={`measured-by-${kr.id}`}>
      <span className="kr-measured-line">
        {t('measured.by', { names: names.join(', ') })}
        {overridden && (
          <span className="kr-override-note">
            {' · '}
            {t('measured.overrideInForce')}
          </span>
        )}
      </span>
      {several &&
        (canEdit ? (
          <select
            className="kr-rule"
            value={measure.rule}
            aria-label={t('measured.ruleLabel', { title: kr.title })}
            onChange={(event) => void changeRule(event.target.value as MeasureRule)}
          >
            {MEASURE_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t(`measureRule.${rule}`)}
              </option>
            ))}
          </select>
        ) : (
          <span className="kr-rule muted">{t(`measureRule.${measure.rule}`)}</span>
        ))}
      <details className="explanation kr-measure-explanation">
        <summary>{t('measured.howComputed')}</summary>
        <div className="explanation-body" role="note">
          <p>
            {measure.value === null
              ? t(several ? 'measured.explainSeveralNone' : 'measured.explainOneNone', {
                  rule: t(`measureRule.${measure.rule}`),
                })
              : t(several ? 'measured.explainSeveral' : 'measured.explainOne', {
                  rule: t(`measureRule.${measure.rule}`),
                  value: withUnit(measure.value, kr.unitOfMeasure),
                })}
            {overridden && ` ${t('measured.overrideStands')}`}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('measured.kpi')}</th>
                <th scope="col">{t('measured.unit')}</th>
                <th scope="col">{t('measured.value')}</th>
                <th scope="col">{t('measured.date')}</th>
                {measure.rule === 'weighted_average' && several && (
                  <th scope="col">{t('measured.weight')}</th>
                )}
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
                  <td className="tabular">{kpi.date ?? t('measured.noCheckIn')}</td>
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
