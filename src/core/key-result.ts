import { DomainError, type Issue } from './errors';

/**
 * Key result kinds in use across the field: metric increase (45 → 60), metric decrease (24 h → 6 h),
 * keep within a band (stay between 95 and 99 %), binary (done / not done) and milestone (ordered steps).
 */
export const KEY_RESULT_KINDS = ['increase', 'decrease', 'band', 'binary', 'milestone'] as const;
export type KeyResultKind = (typeof KEY_RESULT_KINDS)[number];

/** KPI directions for the How Much part: bigger is better, smaller is better, or stay within a band. */
export const KPI_DIRECTIONS = ['increase', 'decrease', 'band'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export interface TargetShape {
  kind: KeyResultKind;
  baseline: number | null;
  target: number | null;
  /** Upper bound of a band; `target` is then the lower bound. */
  targetHigh?: number | null;
  milestones?: readonly string[];
}

/**
 * Lists the ways a target contradicts its kind: an increase whose target is not above the
 * baseline, a decrease whose target is not below it, a band whose bounds are reversed, a binary
 * target other than 1, a milestone result without steps. Paths are relative to the key result.
 */
export function checkTargetConsistency(shape: TargetShape): Issue[] {
  const issues: Issue[] = [];
  const { kind, baseline, target } = shape;
  const targetHigh = shape.targetHigh ?? null;
  switch (kind) {
    case 'increase':
      if (target === null) issues.push({ path: 'target', message: 'an increase key result needs a target' });
      else if (baseline !== null && !(target > baseline))
        issues.push({
          path: 'target',
          message:
            target === baseline
              ? `the target equals the baseline (${baseline}); to hold a value, make it a "keep within a band" key result (kind band, with target and target high)`
              : `an increase key result needs a target above its baseline (${baseline}), got ${target}`,
        });
      break;
    case 'decrease':
      if (target === null) issues.push({ path: 'target', message: 'a decrease key result needs a target' });
      else if (baseline !== null && !(target < baseline))
        issues.push({
          path: 'target',
          message:
            target === baseline
              ? `the target equals the baseline (${baseline}); to hold a value, make it a "keep within a band" key result (kind band, with target and target high)`
              : `a decrease key result needs a target below its baseline (${baseline}), got ${target}`,
        });
      break;
    case 'band':
      if (target === null || targetHigh === null)
        issues.push({
          path: 'targetHigh',
          message: 'a band key result needs a lower (target) and an upper (targetHigh) bound',
        });
      else if (target > targetHigh)
        issues.push({
          path: 'targetHigh',
          message: `the band's upper bound (${targetHigh}) is below its lower bound (${target})`,
        });
      break;
    case 'binary':
      if (target !== null && target !== 1)
        issues.push({ path: 'target', message: `a binary key result has target 1 (done), got ${target}` });
      if (baseline !== null && baseline !== 0 && baseline !== 1)
        issues.push({ path: 'baseline', message: `a binary key result starts at 0 or 1, got ${baseline}` });
      break;
    case 'milestone': {
      const steps = shape.milestones ?? [];
      if (steps.length === 0)
        issues.push({ path: 'milestones', message: 'a milestone key result needs at least one step' });
      else if (target !== null && target !== steps.length)
        issues.push({
          path: 'target',
          message: `a milestone key result's target is its number of steps (${steps.length}), got ${target}`,
        });
      break;
    }
  }
  return issues;
}

/** @throws DomainError `inconsistent_target` listing every contradiction found by {@link checkTargetConsistency}. */
export function assertTargetConsistent(shape: TargetShape, subject = 'key result'): void {
  const issues = checkTargetConsistency(shape);
  if (issues.length > 0) {
    throw new DomainError(
      'inconsistent_target',
      `The ${subject}'s target does not fit its kind: ${issues.map((i) => i.message).join('; ')}`,
      { issues },
    );
  }
}

/** Normalises a target shape so binary and milestone results carry their implied numbers. */
export function impliedTarget(shape: TargetShape): { baseline: number | null; target: number | null } {
  switch (shape.kind) {
    case 'binary':
      return { baseline: shape.baseline ?? 0, target: 1 };
    case 'milestone':
      return { baseline: shape.baseline ?? 0, target: (shape.milestones ?? []).length };
    case 'increase':
    case 'decrease':
    case 'band':
      return { baseline: shape.baseline, target: shape.target };
  }
}

/** Equal weights by default: a key result without an explicit weight counts as 1. A 0 weight is allowed. */
export function effectiveWeight(weight: number | null | undefined): number {
  return weight ?? 1;
}
