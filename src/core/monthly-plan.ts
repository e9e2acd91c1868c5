import type { Issue } from './errors';
import type { KpiDirection } from './key-result';

/** Twelve monthly planned values of a KPI, January (or the cycle's first month) first; null = not planned. */
export type MonthlyPlan = (number | null)[];

export const MONTHS_IN_YEAR = 12;

/** An even path from baseline to annual target, one step a month: monthly targets step toward the goal. */
export function linearMonthlyPlan(baseline: number, target: number): number[] {
  return Array.from({ length: MONTHS_IN_YEAR }, (_, month) => {
    const value = baseline + ((target - baseline) * (month + 1)) / MONTHS_IN_YEAR;
    return Math.round(value * 100) / 100;
  });
}

/** Checks a KPI: twelve months, and a target on the right side of the baseline for its direction. */
export function checkKpi(kpi: {
  direction: KpiDirection;
  baseline: number | null;
  target: number | null;
  targetHigh?: number | null;
  monthlyPlan: MonthlyPlan;
}): Issue[] {
  const issues: Issue[] = [];
  if (kpi.monthlyPlan.length !== MONTHS_IN_YEAR)
    issues.push({
      path: 'monthlyPlan',
      message: `needs ${MONTHS_IN_YEAR} monthly values, got ${kpi.monthlyPlan.length}`,
    });
  const { baseline, target } = kpi;
  if (baseline !== null && target !== null) {
    if (kpi.direction === 'increase' && !(target > baseline))
      issues.push({
        path: 'target',
        message: `an increasing KPI needs a target above its baseline (${baseline}), got ${target}`,
      });
    if (kpi.direction === 'decrease' && !(target < baseline))
      issues.push({
        path: 'target',
        message: `a decreasing KPI needs a target below its baseline (${baseline}), got ${target}`,
      });
  }
  if (kpi.direction === 'band' && target !== null && kpi.targetHigh != null && target > kpi.targetHigh)
    issues.push({
      path: 'targetHigh',
      message: `the band's upper bound (${kpi.targetHigh}) is below its lower bound (${target})`,
    });
  return issues;
}
