import { daysBetween } from './calendar';
import type { CycleDates } from './cycle';

/** The three statuses of the field, weakest last. */
export const STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type Status = (typeof STATUSES)[number];

/** How far behind the elapsed share of the cycle progress may lag and still count as on track / at risk. */
export const ON_TRACK_GAP = 0.1;
export const AT_RISK_GAP = 0.25;
/** Below these confidences the owner's own doubt caps the status. */
export const LOW_CONFIDENCE = 0.5;
export const VERY_LOW_CONFIDENCE = 0.25;

/** Share of the cycle elapsed on `today`, 0 before it starts and 1 after it ends. */
export function elapsedShare(cycle: CycleDates, today: string): number {
  const length = daysBetween(cycle.startDate, cycle.endDate) + 1;
  const elapsed = daysBetween(cycle.startDate, today) + 1;
  return Math.min(1, Math.max(0, elapsed / length));
}

/**
 * Status from progress against elapsed time and confidence: on track while progress lags the
 * elapsed share by at most {@link ON_TRACK_GAP}, at risk up to {@link AT_RISK_GAP}, off track beyond.
 * A reached target is on track whatever the date. The owner's confidence can only lower the status:
 * below 0.5 at best at risk, below 0.25 off track.
 */
export function autoStatus(input: { progress: number; elapsed: number; confidence: number | null }): Status {
  if (input.progress >= 1) return 'on_track';
  const gap = input.elapsed - input.progress;
  let status: Status = gap <= ON_TRACK_GAP ? 'on_track' : gap <= AT_RISK_GAP ? 'at_risk' : 'off_track';
  const { confidence } = input;
  if (confidence !== null && confidence < VERY_LOW_CONFIDENCE) status = 'off_track';
  else if (confidence !== null && confidence < LOW_CONFIDENCE) status = weakest([status, 'at_risk']);
  return status;
}

/** The weakest of several statuses (an objective takes its children's weakest); on track when there are none. */
export function weakest(statuses: readonly Status[]): Status {
  return statuses.reduce<Status>(
    (worst, status) => (STATUSES.indexOf(status) > STATUSES.indexOf(worst) ? status : worst),
    'on_track',
  );
}

/** An owner's override: a status and the reason given for it. */
export interface StatusOverride {
  status: Status;
  reason: string;
}

/** The status shown: the owner's override when there is one, the derived status otherwise. */
export interface EffectiveStatus {
  status: Status;
  derived: Status;
  source: 'auto' | 'override';
  reason: string | null;
}

export function effectiveStatus(
  derived: Status,
  override: StatusOverride | null | undefined,
): EffectiveStatus {
  return override
    ? { status: override.status, derived, source: 'override', reason: override.reason }
    : { status: derived, derived, source: 'auto', reason: null };
}
