/**
 * Scoring at cycle end: the progress reached, on the 0.0-1.0 scale rounded to one decimal, as OKR
 * practice grades it. For aspirational objectives 0.7 is the sweet spot (a stretch mostly reached);
 * committed objectives are expected to reach 1.0.
 */
export type ObjectiveKind = 'committed' | 'aspirational';

export const SWEET_SPOT = 0.7;

export type ScoreGrade = 'achieved' | 'sweet_spot' | 'progress' | 'missed';

/** A progress (0..1) as a score with one decimal. */
export function score(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 10) / 10;
}

/**
 * How a score reads for its kind: committed is `achieved` only at 1.0; aspirational is `achieved`
 * at 1.0 (perhaps too easy), `sweet_spot` from 0.7; both are `progress` from 0.4 and `missed` below.
 */
export function grade(value: number, kind: ObjectiveKind): ScoreGrade {
  if (value >= 1) return 'achieved';
  if (kind === 'aspirational' && value >= SWEET_SPOT) return 'sweet_spot';
  return value >= 0.4 ? 'progress' : 'missed';
}

/** Whether a score counts as achieved in statistics: 1.0 for committed, the sweet spot for aspirational. */
export function isAchieved(value: number, kind: ObjectiveKind): boolean {
  const graded = grade(value, kind);
  return graded === 'achieved' || graded === 'sweet_spot';
}

/** Counts of scores in the ten buckets 0.0-0.1 … 0.9-1.0 (1.0 falls in the last). */
export function scoreDistribution(scores: readonly number[]): number[] {
  const buckets = Array.from({ length: 10 }, () => 0);
  for (const value of scores) {
    const index = Math.min(9, Math.max(0, Math.floor(value * 10 + 1e-9)));
    buckets[index] = (buckets[index] ?? 0) + 1;
  }
  return buckets;
}
