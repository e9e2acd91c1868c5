/** On track / at risk / off track as a coloured pill; an owner's override shows its reason on hover. */
import type { UnitProgress } from '../../../contracts';
import { Badge, type BadgeTone } from '../badge';

export type EffectiveStatus = UnitProgress['objectives'][number]['status'];

/** The statuses in words, best first. */
export const STATUS_LABEL: Record<EffectiveStatus['status'], string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};
const TONE: Record<EffectiveStatus['status'], BadgeTone> = {
  on_track: 'green',
  at_risk: 'amber',
  off_track: 'red',
};

export function StatusBadge({ status }: { status: EffectiveStatus }) {
  const title =
    status.source === 'override'
      ? `Set by the owner: ${status.reason ?? ''} (derived: ${STATUS_LABEL[status.derived]})`
      : 'Derived from progress against elapsed time and confidence';
  return (
    <span data-testid="status" data-status={status.status}>
      <Badge tone={TONE[status.status]} dot title={title}>
        {STATUS_LABEL[status.status]}
        {status.source === 'override' ? ' ✎' : ''}
      </Badge>
    </span>
  );
}
