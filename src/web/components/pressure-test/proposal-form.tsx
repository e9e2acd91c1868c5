/** The "propose recalibration" form, pre-filled with the 80 %-confidence value; the server adds the capacity gaps and the evidence. */
import { useState } from 'react';
import type { TargetOutlookView } from '../../../contracts';
import { createProposal } from '../../api-client';
import { Button } from '../button';
import { useSubmit } from '../form/use-submit';

export function ProposalForm(props: {
  matrixId: string;
  target: TargetOutlookView;
  actorId: string;
  actorName: string;
  onDone: () => void;
}) {
  const [value, setValue] = useState(String(Math.round(props.target.reachable.p80 * 100) / 100));
  const [rationale, setRationale] = useState(
    `The pressure test reaches ${props.target.target} in ${Math.round(props.target.probability * 1000) / 10} % of trials; with 80 % confidence we reach ${Math.round(props.target.reachable.p80 * 100) / 100}.`,
  );
  const save = useSubmit(async () => {
    await createProposal({
      matrixId: props.matrixId,
      kpiItemId: props.target.kpiId,
      keyResultId: props.target.keyResultId,
      actorId: props.actorId,
      proposedTarget: Number(value),
      rationale,
    });
    props.onDone();
  });
  return (
    <form className="proposal-form" onSubmit={save.onSubmit} data-testid="proposal-form">
      <label>
        <span>Proposed target (original {props.target.target})</span>
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
