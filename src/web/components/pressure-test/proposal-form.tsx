/**
 * The "propose recalibration" form, pre-filled with the 80 %-confidence value and a rationale in
 * plain words (with the what-if scenario's outcome when one is being tried); the server adds the
 * capacity gaps and the saved plan's pressure test as evidence.
 */
import { useState } from 'react';
import { formatMeasure, percentOf, roundForUnit } from '../../../core/outlook-wording';
import type { TargetOutlook } from '../../../core/pressure-test';
import { createProposal } from '../../api-client';
import { Button } from '../button';
import { useSubmit } from '../form/use-submit';

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
  const { target, unitOfMeasure } = props;
  const [value, setValue] = useState(String(roundForUnit(target.reachable.p80, unitOfMeasure)));
  const [rationale, setRationale] = useState(
    [
      `The pressure test reaches ${props.goal} in ${percentOf(target.probability)} of trials; with 4-in-5 confidence we reach about ${formatMeasure(target.reachable.p80, unitOfMeasure)}.`,
      props.evidence,
    ]
      .filter(Boolean)
      .join(' '),
  );
  const save = useSubmit(async () => {
    await createProposal({
      matrixId: props.matrixId,
      kpiItemId: target.kpiId,
      keyResultId: target.keyResultId,
      actorId: props.actorId,
      proposedTarget: Number(value),
      rationale,
    });
    props.onDone();
  });
  return (
    <form className="proposal-form" onSubmit={save.onSubmit} data-testid="proposal-form">
      <label>
        <span>Proposed target (original {props.goal})</span>
        <input
          name="target"
          type="number"
          step="any"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <label>
        <span>Rationale</span>
        <textarea
          name="rationale"
          rows={3}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
        />
      </label>
      <p className="proposal-note">
        Sent by {props.actorName}, owner of this unit. The resources needed to keep the original target are
        filled in from the capacity gaps, and this pressure test goes along as evidence.
      </p>
      {save.error && <p className="form-error">{save.error.message}</p>}
      <Button type="submit" variant="primary" disabled={save.isPending}>
        Send to the parent unit
      </Button>
    </form>
  );
}
