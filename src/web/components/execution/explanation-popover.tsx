/** "How was this computed": an objective's progress term by term, in a disclosure the user opens. */
import type { KeyResultProgress, UnitProgress } from '../../../contracts';
import { MEASURE_RULE_LABEL } from '../../../core/measured-by';

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
  const measureOf = new Map(keyResults.flatMap((kr) => (kr.measure ? [[kr.id, kr] as const] : [])));
  return (
    <details className="explanation" data-testid="explanation">
      <summary>How was this computed?</summary>
      <div className="explanation-body" role="note">
        <p>{explanation.summary}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Progress</th>
              <th scope="col">Weight</th>
              <th scope="col">Share</th>
              <th scope="col">Adds</th>
            </tr>
          </thead>
          <tbody>
            {explanation.terms.map((term) => (
              <tr key={term.id}>
                <td>
                  <span className="muted">
                    {term.kind === 'objective' ? 'Aligned objective · ' : 'KR · '}
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
                Objective progress
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
  if (!kr?.measure) return null;
  const { measure } = kr;
  const kpis = measure.contributions
    .map(
      (kpi) =>
        `${kpi.title} (${kpi.unitName}): ${kpi.value === null ? 'no value yet' : `${kpi.value} ${kpi.unitOfMeasure}`.trim()}${kpi.date ? ` on ${kpi.date}` : ''}`,
    )
    .join('; ');
  const rule = measure.contributions.length > 1 ? `${MEASURE_RULE_LABEL[measure.rule]} of ` : '';
  return (
    <span className="explanation-measure">
      {kr.valueSource === 'override' ? 'Manual override over ' : 'Measured by '}
      {rule}
      {kpis}
    </span>
  );
}
