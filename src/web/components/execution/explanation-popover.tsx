/** "How was this computed": an objective's progress term by term, in a disclosure the user opens. */
import type { UnitProgress } from '../../../contracts';

type Explanation = UnitProgress['objectives'][number]['explanation'];

const pct = (value: number): string => `${Math.round(value * 100)}%`;

export function ExplanationPopover({ explanation }: { explanation: Explanation }) {
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
