/**
 * The "propose recalibration" form, pre-filled with the 80 %-confidence value and a rationale in
 * plain words (with the what-if scenario's outcome when one is being tried); the server adds the
 * capacity gaps and the saved plan's pressure test as evidence. A saved scenario can go along as
 * the evidence: its chance of reaching the target and its 80 % value, which the receiver can open.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { roundForUnit } from '../../../core/outlook-wording';
import type { TargetOutlook } from '../../../core/pressure-test';
import { createProposal } from '../../api-client';
import { queries } from '../../api/queries';
import { Button } from '../button';
import { useSubmit } from '../form/use-submit';
import { measureOf, percentText } from './wording';

export function ProposalForm(props: {
  matrixId: string;
  target: TargetOutlook;
  /** The target in words, e.g. "4 h". */
  goal: string;
  unitOfMeasure: string;
  /** The what-if scenario in a sentence, attached to the rationale. */
  evidence: string | null;
  actorId: string;
  actorName: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('pressure');
  const { target, unitOfMeasure } = props;
  const [value, setValue] = useState(String(roundForUnit(target.reachable.p80, unitOfMeasure)));
  const planSentence = t('proposal.planRationale', {
    goal: props.goal,
    percent: percentText(target.probability),
    p80: measureOf(target.reachable.p80, unitOfMeasure),
  });
  const [rationale, setRationale] = useState([planSentence, props.evidence].filter(Boolean).join(' '));
  const scenarios = useQuery(queries.scenarios(props.matrixId));
  const [scenarioId, setScenarioId] = useState('');
  const chosen = scenarios.data?.find((s) => s.id === scenarioId) ?? null;
  const outcomeOf = (id: string) =>
    scenarios.data
      ?.find((s) => s.id === id)
      ?.summary.targets.find((o) => o.kind === target.kind && o.targetId === target.targetId) ?? null;
  const outcome = chosen ? outcomeOf(chosen.id) : null;
  const choose = (id: string) => {
    setScenarioId(id);
    const picked = scenarios.data?.find((s) => s.id === id);
    const o = outcomeOf(id);
    if (!picked || !o) {
      setRationale([planSentence, props.evidence].filter(Boolean).join(' '));
      return;
    }
    setValue(String(roundForUnit(o.p80, unitOfMeasure)));
    setRationale(
      t('proposal.scenarioRationale', {
        plan: planSentence,
        name: picked.name,
        description: picked.description.join('; '),
        percent: percentText(o.probability),
        p80: measureOf(o.p80, unitOfMeasure),
      }),
    );
  };
  const save = useSubmit(async () => {
    await createProposal({
      matrixId: props.matrixId,
      kpiItemId: target.kpiId,
      keyResultId: target.keyResultId,
      actorId: props.actorId,
      proposedTarget: Number(value),
      rationale,
      scenarioId: scenarioId || null,
    });
    props.onDone();
  });
  return (
    <form className="proposal-form" onSubmit={save.onSubmit} data-testid="proposal-form">
      <label>
        <span>{t('proposal.target', { goal: props.goal })}</span>
        <input
          name="target"
          type="number"
          step="any"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      {(scenarios.data?.length ?? 0) > 0 && (
        <label>
          <span>{t('proposal.evidence')}</span>
          <select name="scenario" value={scenarioId} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('proposal.savedPlan')}</option>
            {scenarios.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {t('proposal.scenarioOption', { name: s.name })}
              </option>
            ))}
          </select>
        </label>
      )}
      {chosen && (
        <p className="proposal-evidence" data-testid="proposal-scenario-outcome">
          {outcome ? (
            <Trans
              t={t}
              ns="pressure"
              i18nKey="proposal.scenarioOutcome"
              values={{
                name: chosen.name,
                goal: props.goal,
                percent: percentText(outcome.probability),
                p80: measureOf(outcome.p80, unitOfMeasure),
              }}
              components={{ strong: <strong /> }}
            />
          ) : (
            t('proposal.noOutlook', { name: chosen.name })
          )}
        </p>
      )}
      <label>
        <span>{t('proposal.rationale')}</span>
        <textarea
          name="rationale"
          rows={3}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
        />
      </label>
      <p className="proposal-note">{t('proposal.note', { name: props.actorName })}</p>
      {save.error && <p className="form-error">{save.error.message}</p>}
      <Button type="submit" variant="primary" disabled={save.isPending}>
        {t('proposal.send')}
      </Button>
    </form>
  );
}
