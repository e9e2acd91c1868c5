/**
 * What agreeing a proposal changes, from the thread's agreement basis and core's
 * `agreementEffects` (the function the server applies): the targets (old → new), the KPI's plan
 * months that change, and the titles whose numbers will no longer match. Once agreed, only the
 * titles still to edit remain.
 */
import { agreementEffects } from '../../../core/agreement-effects';
import { monthName } from '../../../core/calendar';
import { plural } from '../../../core/plural';
import type { ProposalThread } from '../../../contracts';
import { formatNumber } from '../okr/okr-format';

const KIND_LABEL = { key_result: 'Key result', kpi: 'KPI', how_far: 'Annual objective', how_much: 'KPI' };

export function AgreementEffectsView({ thread, target }: { thread: ProposalThread; target: number }) {
  const effects = agreementEffects(thread.agreement, target);
  const agreed = thread.state === 'agreed';
  const changes = effects.plan?.changes ?? [];
  if (agreed && effects.titles.length === 0) return null;
  return (
    <section
      className="agreement-effects"
      aria-label={agreed ? 'After the agreement' : 'If agreed'}
      data-testid="agreement-effects"
    >
      {!agreed && (
        <>
          <h4>If agreed at {formatNumber(target)}</h4>
          {effects.targets.length === 0 && changes.length === 0 ? (
            <p className="muted">Nothing changes: the targets are {formatNumber(target)} already.</p>
          ) : (
            <ul className="agreement-targets">
              {effects.targets.map((change) => (
                <li key={change.id} data-testid={`effect-target-${change.id}`}>
                  <span className="agreement-kind">{KIND_LABEL[change.kind]}</span> {change.title}:{' '}
                  <span className="tabular">
                    {change.from === null ? '—' : formatNumber(change.from)} →{' '}
                    <strong>{formatNumber(change.to)}</strong>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {effects.plan && changes.length > 0 && (
            <div className="agreement-plan" data-testid="effect-plan">
              <p>
                Monthly plan of {effects.plan.title}: {plural(changes.length, 'month')} change, from{' '}
                {monthName(effects.plan.fromMonth)} on; earlier months stay.
              </p>
              <table className="agreement-plan-table">
                <thead>
                  <tr>
                    <th scope="row">Month</th>
                    {changes.map((change) => (
                      <th key={change.month} scope="col">
                        {monthName(change.month).slice(0, 3)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Now</th>
                    {changes.map((change) => (
                      <td key={change.month} className="tabular muted">
                        {change.from === null ? '—' : formatNumber(change.from)}
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">Agreed</th>
                    {changes.map((change) => (
                      <td key={change.month} className="tabular">
                        <strong>{formatNumber(change.to)}</strong>
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {effects.titles.length > 0 && (
        <div className="agreement-titles" role="note" data-testid="effect-titles">
          <p>
            <strong>{agreed ? 'Titles to edit' : 'Titles to edit afterwards'}:</strong> their numbers{' '}
            {agreed ? 'no longer match' : 'will not match'} the target of {formatNumber(target)}.
          </p>
          <ul>
            {effects.titles.map((title) => (
              <li key={title.id}>
                <span className="agreement-kind">{KIND_LABEL[title.kind]}</span> “{title.title}”
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
