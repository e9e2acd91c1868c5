/**
 * What agreeing a proposal changes, from the thread's agreement basis and core's
 * `agreementEffects` (the function the server applies): the targets (old → new), the KPI's plan
 * months that change, and the titles whose numbers will no longer match. Once agreed, only the
 * titles still to edit remain.
 */
import { Trans, useTranslation } from 'react-i18next';
import { agreementEffects } from '../../../core/agreement-effects';
import type { ProposalThread } from '../../../contracts';
import { formatNumber } from '../okr/okr-format';
import { monthNames } from '../pressure-test/wording';

export function AgreementEffectsView({ thread, target }: { thread: ProposalThread; target: number }) {
  const { t } = useTranslation('catchball');
  const short = monthNames('short');
  const long = monthNames('long');
  const effects = agreementEffects(thread.agreement, target);
  const agreed = thread.state === 'agreed';
  const changes = effects.plan?.changes ?? [];
  if (agreed && effects.titles.length === 0) return null;
  return (
    <section
      className="agreement-effects"
      aria-label={agreed ? t('effects.afterAgreement') : t('effects.ifAgreed')}
      data-testid="agreement-effects"
    >
      {!agreed && (
        <>
          <h4>{t('effects.ifAgreedAt', { target: formatNumber(target) })}</h4>
          {effects.targets.length === 0 && changes.length === 0 ? (
            <p className="muted">{t('effects.nothing', { target: formatNumber(target) })}</p>
          ) : (
            <ul className="agreement-targets">
              {effects.targets.map((change) => (
                <li key={change.id} data-testid={`effect-target-${change.id}`}>
                  <span className="agreement-kind">{t(`effects.kind.${change.kind}`)}</span> {change.title}:{' '}
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
                {t('effects.plan', {
                  title: effects.plan.title,
                  count: changes.length,
                  month: long[effects.plan.fromMonth - 1] ?? String(effects.plan.fromMonth),
                })}
              </p>
              <table className="agreement-plan-table">
                <thead>
                  <tr>
                    <th scope="row">{t('effects.month')}</th>
                    {changes.map((change) => (
                      <th key={change.month} scope="col">
                        {short[change.month - 1] ?? change.month}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t('effects.now')}</th>
                    {changes.map((change) => (
                      <td key={change.month} className="tabular muted">
                        {change.from === null ? '—' : formatNumber(change.from)}
                      </td>
                    ))}
                  </tr>
                  <tr>
                    <th scope="row">{t('effects.agreed')}</th>
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
            <Trans
              t={t}
              ns="catchball"
              i18nKey={agreed ? 'effects.titlesAgreed' : 'effects.titlesIfAgreed'}
              values={{ target: formatNumber(target) }}
              components={{ strong: <strong /> }}
            />
          </p>
          <ul>
            {effects.titles.map((title) => (
              <li key={title.id}>
                <span className="agreement-kind">{t(`effects.kind.${title.kind}`)}</span>{' '}
                {t('effects.quoted', { title: title.title })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
