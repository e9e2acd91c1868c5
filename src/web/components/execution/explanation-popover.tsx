/** "How was this computed": an objective's progress term by term, in a disclosure the user opens. */
import { useTranslation } from 'react-i18next';
import type { KeyResultProgress, UnitProgress } from '../../../contracts';
import { formatNumber } from '../okr/okr-format';
import { explanationSummary } from './explanation-text';

type Explanation = UnitProgress['objectives'][number]['explanation'];

const pct = (value: number): string => `${Math.round(value * 100)}%`;

/**
 * `keyResults`, when given, names the KPIs behind each measured key result term: each with the
 * unit it belongs to, its value and its date.
 */
export function ExplanationPopover({
  explanation,
  keyResults = [],
}: {
  explanation: Explanation;
  keyResults?: readonly KeyResultProgress[];
}) {
  const { t } = useTranslation('execution');
  const measureOf = new Map(keyResults.flatMap((kr) => (kr.measure ? [[kr.id, kr] as const] : [])));
  return (
    <details className="explanation" data-testid="explanation">
      <summary>{t('explanation.summary')}</summary>
      <div className="explanation-body" role="note">
        <p>{explanationSummary(explanation)}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('explanation.term')}</th>
              <th scope="col">{t('explanation.progress')}</th>
              <th scope="col">{t('explanation.weight')}</th>
              <th scope="col">{t('explanation.share')}</th>
              <th scope="col">{t('explanation.adds')}</th>
            </tr>
          </thead>
          <tbody>
            {explanation.terms.map((term) => (
              <tr key={term.id}>
                <td>
                  <span className="muted">
                    {t(term.kind === 'objective' ? 'explanation.alignedObjective' : 'explanation.keyResult')}
                    {' · '}
                  </span>
                  {term.title}
                  <MeasureNote kr={measureOf.get(term.id)} />
                </td>
                <td className="tabular">{pct(term.progress)}</td>
                <td className="tabular">{term.weight}</td>
                <td className="tabular">{pct(term.share)}</td>
                <td className="tabular">{pct(term.contribution)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {t('explanation.objectiveProgress')}
              </th>
              <td className="tabular">{pct(explanation.progress)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </details>
  );
}

function MeasureNote({ kr }: { kr: KeyResultProgress | undefined }) {
  const { t } = useTranslation(['execution', 'okrs']);
  if (!kr?.measure) return null;
  const { measure } = kr;
  const kpis = measure.contributions
    .map((kpi) => {
      const values = {
        title: kpi.title,
        unit: kpi.unitName,
        value:
          kpi.value === null
            ? t('explanation.noValue')
            : `${formatNumber(kpi.value)} ${kpi.unitOfMeasure}`.trim(),
        date: kpi.date ?? '',
      };
      return t(kpi.date ? 'explanation.kpiOn' : 'explanation.kpi', values);
    })
    .join(t('explanation.kpiSeparator'));
  const override = kr.valueSource === 'override';
  const note =
    measure.contributions.length > 1
      ? t(override ? 'explanation.overrideRule' : 'explanation.measuredRule', {
          rule: t(`okrs:measureRule.${measure.rule}`),
          kpis,
        })
      : t(override ? 'explanation.override' : 'explanation.measured', { kpis });
  return <span className="explanation-measure">{note}</span>;
}
