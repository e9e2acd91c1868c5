import { distanceToBand } from './progress';
import type { KpiDirection } from './key-result';
import { MONTHS_IN_YEAR, type MonthlyPlan } from './monthly-plan';

/** A bowling-chart cell's colour: met, within tolerance, missed, or nothing to judge (no plan or no actual). */
export type FrameColour = 'green' | 'yellow' | 'red' | 'none';

/** What judging a KPI needs: direction, band bounds, and how far off still counts as yellow. */
export interface KpiRule {
  direction: KpiDirection;
  /** For a band KPI, its lower bound. */
  target: number | null;
  /** For a band KPI, its upper bound. */
  targetHigh: number | null;
  /** A miss within this percentage of the plan is yellow, beyond it red (e.g. 5). */
  tolerancePercent: number;
}

export const DEFAULT_TOLERANCE_PERCENT = 5;

/**
 * Colours one month. Bigger is better: green at or above plan, yellow within the tolerance below
 * it, red beyond. Smaller is better: the mirror image. Band: green inside the band or at least as
 * close to it as the month's plan (monthly plans step toward the band), yellow within the
 * tolerance of that, red beyond. No actual, or no plan for a bigger/smaller KPI: `none`.
 */
export function frameColour(rule: KpiRule, plan: number | null, actual: number | null): FrameColour {
  if (actual === null) return 'none';
  if (rule.direction === 'band') {
    const low = rule.target;
    const high = rule.targetHigh ?? rule.target;
    if (low === null || high === null) return 'none';
    const miss = distanceToBand(actual, low, high);
    const allowed = plan === null ? 0 : distanceToBand(plan, low, high);
    if (miss <= allowed) return 'green';
    const reference = plan ?? (actual < low ? low : high);
    return miss <= allowed + tolerance(rule, reference) ? 'yellow' : 'red';
  }
  if (plan === null) return 'none';
  const shortfall = rule.direction === 'increase' ? plan - actual : actual - plan;
  if (shortfall <= 0) return 'green';
  return shortfall <= tolerance(rule, plan) ? 'yellow' : 'red';
}

function tolerance(rule: KpiRule, reference: number): number {
  return (Math.abs(reference) * rule.tolerancePercent) / 100;
}

export type Trend = 'improving' | 'worsening' | 'flat' | 'unknown';

/**
 * The direction of the last three actuals (a least-squares slope), judged by the KPI's direction:
 * a bowler shows whether the month was hit, the trend whether the process improves. Fewer than two
 * actuals: `unknown`. For a band KPI the distance to the band is what should shrink.
 */
export function trendOf(rule: KpiRule, actuals: readonly (number | null)[]): Trend {
  const points = actuals
    .map((value, month) => ({ month, value }))
    .filter((point): point is { month: number; value: number } => point.value !== null)
    .slice(-3);
  if (points.length < 2) return 'unknown';
  const goodness = (value: number): number => {
    switch (rule.direction) {
      case 'increase':
        return value;
      case 'decrease':
        return -value;
      case 'band':
        return -distanceToBand(value, rule.target ?? value, rule.targetHigh ?? rule.target ?? value);
    }
  };
  const xs = points.map((p) => p.month);
  const ys = points.map((p) => goodness(p.value));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - meanX) * ((ys[i] ?? 0) - meanY);
    den += (x - meanX) ** 2;
  });
  const slope = den === 0 ? 0 : num / den;
  const scale = Math.max(...ys.map(Math.abs), 1e-9);
  if (Math.abs(slope) / scale < 0.005) return 'flat';
  return slope > 0 ? 'improving' : 'worsening';
}

export interface Frame {
  /** 1-12 within the year. */
  month: number;
  plan: number | null;
  actual: number | null;
  colour: FrameColour;
}

/** A summary column: the latest actual in the period against that month's plan. */
export interface SummaryColumn {
  label: string;
  plan: number | null;
  actual: number | null;
  colour: FrameColour;
}

export interface BowlingRow {
  frames: Frame[];
  quarters: SummaryColumn[];
  ytd: SummaryColumn;
  trend: Trend;
}

/**
 * One KPI's row of the bowling chart: twelve frames, four quarter columns and YTD, and the trend.
 * KPIs are levels (a rate, a time, a share), so a quarter or the YTD column shows the latest month
 * with an actual in it against that month's plan, not a sum. Missing months stay `none` and are
 * skipped by the summaries.
 */
export function bowlingRow(
  rule: KpiRule,
  plan: MonthlyPlan,
  actuals: readonly (number | null)[],
): BowlingRow {
  const frames: Frame[] = Array.from({ length: MONTHS_IN_YEAR }, (_, index) => {
    const monthPlan = plan[index] ?? null;
    const actual = actuals[index] ?? null;
    return { month: index + 1, plan: monthPlan, actual, colour: frameColour(rule, monthPlan, actual) };
  });
  const summary = (label: string, from: number, to: number): SummaryColumn => {
    const latest = frames
      .slice(from, to)
      .filter((frame) => frame.actual !== null)
      .at(-1);
    if (!latest) return { label, plan: frames[to - 1]?.plan ?? null, actual: null, colour: 'none' };
    return { label, plan: latest.plan, actual: latest.actual, colour: latest.colour };
  };
  return {
    frames,
    quarters: [0, 1, 2, 3].map((q) => summary(`Q${q + 1}`, q * 3, q * 3 + 3)),
    ytd: summary('YTD', 0, MONTHS_IN_YEAR),
    trend: trendOf(rule, actuals.slice(0, MONTHS_IN_YEAR)),
  };
}

/**
 * The monthly actuals of a KPI from dated values: the latest value dated in each month of `year`.
 * Values dated in another year are ignored; months without one stay null.
 */
export function monthlyActuals(
  year: number,
  values: readonly { date: string; value: number }[],
): (number | null)[] {
  const latest = Array.from({ length: MONTHS_IN_YEAR }, (): { date: string; value: number } | null => null);
  for (const entry of values) {
    if (Number(entry.date.slice(0, 4)) !== year) continue;
    const index = Number(entry.date.slice(5, 7)) - 1;
    const current = latest[index];
    if (!current || entry.date >= current.date) latest[index] = entry;
  }
  return latest.map((entry) => entry?.value ?? null);
}
