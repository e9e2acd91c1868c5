import type { KeyResultKind } from './key-result';

/** What a key result's progress depends on: its kind, where it started, where it aims, where it is. */
export interface KeyResultMeasure {
  kind: KeyResultKind;
  baseline: number | null;
  /** The target; for a band its lower bound, for a milestone result its number of steps. */
  target: number | null;
  /** The band's upper bound. */
  targetHigh?: number | null;
  /** The latest value checked in; null before the first check-in (progress is then 0). */
  current: number | null;
  /** Steps of a milestone result, used when `target` is not set. */
  milestoneCount?: number;
}

const clamp01 = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** Distance from `value` to the band [low, high]; 0 inside it. */
export function distanceToBand(value: number, low: number, high: number): number {
  if (value < low) return low - value;
  if (value > high) return value - high;
  return 0;
}

/**
 * Progress of one key result from baseline to target, clamped to 0..1.
 * - increase / decrease: (current − baseline) / (target − baseline); the sign makes both work.
 *   A baseline equal to the target gives 1 once the target is met (≥ for increase, ≤ for decrease)
 *   and 0 before, instead of dividing by zero. Without a baseline there is no distance to measure
 *   against: progress stays 0 (counting it as 0 would show inflated progress); the plan lint asks
 *   for one.
 * - band: 1 inside [target, targetHigh]; outside, how much of the baseline's distance to the band
 *   has been closed (the band's width is the yardstick when the baseline was already inside).
 * - binary: 1 when current ≥ 1 (done), else 0.
 * - milestone: steps reached / steps.
 */
export function keyResultProgress(kr: KeyResultMeasure): number {
  const { current } = kr;
  if (current === null) return 0;
  switch (kr.kind) {
    case 'increase':
    case 'decrease': {
      if (kr.target === null || kr.baseline === null) return 0;
      const baseline = kr.baseline;
      const span = kr.target - baseline;
      if (span === 0) return (kr.kind === 'increase' ? current >= kr.target : current <= kr.target) ? 1 : 0;
      return clamp01((current - baseline) / span);
    }
    case 'band': {
      const low = kr.target;
      const high = kr.targetHigh ?? kr.target;
      if (low === null || high === null) return 0;
      const distance = distanceToBand(current, low, high);
      if (distance === 0) return 1;
      const start = kr.baseline === null ? 0 : distanceToBand(kr.baseline, low, high);
      const yardstick = start > 0 ? start : high - low;
      return yardstick > 0 ? clamp01(1 - distance / yardstick) : 0;
    }
    case 'binary':
      return current >= 1 ? 1 : 0;
    case 'milestone': {
      const steps = kr.target ?? kr.milestoneCount ?? 0;
      return steps > 0 ? clamp01(current / steps) : 0;
    }
  }
}

/** One input of an objective's roll-up: a key result or an aligned child objective. */
export interface RollupTerm {
  kind: 'key_result' | 'objective';
  id: string;
  title: string;
  progress: number;
  weight: number;
}

/** A term as explained: its share of the total weight and what it added to the result. */
export interface ExplainedTerm extends RollupTerm {
  /** weight / total weight (or 1/n when every weight is 0). */
  share: number;
  /** share × progress; the contributions add up to the objective's progress. */
  contribution: number;
}

/** "How was this computed": the terms, their weights and contributions, and the rule used. */
export interface ProgressExplanation {
  progress: number;
  totalWeight: number;
  /** `weighted` normally; `equal` when every weight is 0, so the objective still moves; `empty` without terms. */
  rule: 'weighted' | 'equal' | 'empty';
  terms: ExplainedTerm[];
  /** The rule in words, for the UI's popover. */
  summary: string;
}

/**
 * The roll-up rule over running sums of an objective's terms (key results and aligned child
 * objectives, added in term order): the weighted average Σ(weight × progress) / Σweight; the plain
 * average when every weight is 0, so the objective still moves; 0 without terms. Clamped to 0..1.
 * {@link objectiveProgress} and the tree roll-up (rollup.ts) both end here, so they agree to the bit.
 */
export function progressFromSums(sums: {
  weighted: number;
  totalWeight: number;
  plain: number;
  terms: number;
}): number {
  if (sums.terms === 0) return 0;
  return clamp01(sums.totalWeight > 0 ? sums.weighted / sums.totalWeight : sums.plain / sums.terms);
}

/**
 * An objective's progress: the weighted average of its key results and aligned child objectives.
 * Weights summing to zero fall back to equal weights (rather than 0/0), and the explanation says so.
 */
export function objectiveProgress(terms: readonly RollupTerm[]): ProgressExplanation {
  if (terms.length === 0)
    return { progress: 0, totalWeight: 0, rule: 'empty', terms: [], summary: 'No key results yet: 0 %' };
  let weighted = 0;
  let totalWeight = 0;
  let plain = 0;
  for (const term of terms) {
    weighted += term.weight * term.progress;
    totalWeight += term.weight;
    plain += term.progress;
  }
  const progress = progressFromSums({ weighted, totalWeight, plain, terms: terms.length });
  const rule = totalWeight > 0 ? 'weighted' : 'equal';
  // A loop and an object literal, not map and spread: a snapshot explains every objective of a cycle.
  const explained: ExplainedTerm[] = [];
  for (const { kind, id, title, progress: termProgress, weight } of terms) {
    const share = rule === 'weighted' ? weight / totalWeight : 1 / terms.length;
    explained.push({
      kind,
      id,
      title,
      progress: termProgress,
      weight,
      share,
      contribution: share * termProgress,
    });
  }
  const summary =
    rule === 'weighted'
      ? `Weighted average of ${terms.length} terms: Σ(weight × progress) / ${round(totalWeight)}`
      : `Every weight is 0, so the ${terms.length} terms count equally`;
  return { progress, totalWeight, rule, terms: explained, summary };
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
