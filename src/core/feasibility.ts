import type { Issue } from './errors';
import type { KeyResultKind, KpiDirection } from './key-result';

/**
 * The feasibility model: what an X-matrix's initiatives are expected to do to its KPIs and what
 * they need from people. Plain data, built from a plan (see feasibility-model.ts) and read by the
 * pressure test, the capacity view and the plan lint.
 */

/** An impact is stated in the KPI's own unit, or as a percentage of the KPI's baseline. */
export const IMPACT_BASES = ['absolute', 'percent'] as const;
export type ImpactBasis = (typeof IMPACT_BASES)[number];

export const MONTHS = 12;

/**
 * What one initiative does to one KPI if it is delivered: an improvement in the KPI's good
 * direction (a positive number always helps: a decrease KPI goes down by it), as a range
 * low ≤ likely ≤ high, effective from `startMonth` (1-12) and reaching full size after `rampMonths`.
 */
export interface Impact {
  kpi: string;
  low: number;
  likely: number;
  high: number;
  basis: ImpactBasis;
  startMonth: number;
  rampMonths: number;
}

/** Effort an initiative needs from one skill: person-days per month from `fromMonth` to `toMonth` (1-12, inclusive). */
export interface SkillEffort {
  skill: string;
  personDaysPerMonth: number;
  fromMonth: number;
  toMonth: number;
}

export interface FeasibilityKpi {
  id: string;
  title: string;
  unitOfMeasure: string;
  direction: KpiDirection;
  baseline: number;
  target: number | null;
  targetHigh: number | null;
}

export interface FeasibilityInitiative {
  id: string;
  title: string;
  /** Probability (0-1) that the initiative is delivered at all; a Bernoulli draw per trial. */
  deliveryProbability: number;
  impacts: Impact[];
}

/** What a target is: the KPI's own annual target, a key result it measures, or an annual objective traced to that key result. */
export const TARGET_KINDS = ['kpi', 'key_result', 'annual_objective'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface FeasibilityTarget {
  id: string;
  kind: TargetKind;
  title: string;
  kpiId: string;
  /** The unit the target belongs to (a key result may be the parent unit's). */
  unitId: string;
  /** For key results and annual objectives: the key result whose target it is. */
  keyResultId: string | null;
  direction: KpiDirection;
  target: number;
  targetHigh: number | null;
}

export interface FeasibilityModel {
  kpis: FeasibilityKpi[];
  initiatives: FeasibilityInitiative[];
  targets: FeasibilityTarget[];
}

/** +1 when a bigger value is better, -1 when smaller is; a band is approached from its baseline's side. */
export function improvementSign(kpi: {
  direction: KpiDirection;
  baseline: number;
  target: number | null;
}): 1 | -1 {
  switch (kpi.direction) {
    case 'increase':
      return 1;
    case 'decrease':
      return -1;
    case 'band':
      return kpi.target !== null && kpi.target < kpi.baseline ? -1 : 1;
  }
}

/** The KPI direction a key result's kind implies, or null for kinds that do not track a metric. */
export function directionOfKind(kind: KeyResultKind): KpiDirection | null {
  switch (kind) {
    case 'increase':
    case 'decrease':
    case 'band':
      return kind;
    case 'binary':
    case 'milestone':
      return null;
  }
}

/**
 * Share (0-1) of an impact realised by the end of the year: it starts at the beginning of
 * `startMonth` and grows linearly to full size over `rampMonths` (0 = full at once).
 */
export function rampFractionAtYearEnd(startMonth: number, rampMonths: number): number {
  const activeMonths = MONTHS + 1 - startMonth;
  if (activeMonths <= 0) return 0;
  return rampMonths <= 0 ? 1 : Math.min(1, activeMonths / rampMonths);
}

/** Whether `value` meets a target for the given direction (a band needs target ≤ value ≤ targetHigh). */
export function meetsTarget(
  value: number,
  direction: KpiDirection,
  target: number,
  targetHigh: number | null,
): boolean {
  switch (direction) {
    case 'increase':
      return value >= target;
    case 'decrease':
      return value <= target;
    case 'band':
      return value >= target && value <= (targetHigh ?? Number.POSITIVE_INFINITY);
  }
}

/**
 * Checks an impact's range and timing and an effort's months, beyond their field types: low ≤
 * likely ≤ high, months 1-12, no negative effort. Paths are relative to the impact or effort.
 */
export function checkImpact(
  impact: Pick<Impact, 'low' | 'likely' | 'high' | 'startMonth' | 'rampMonths'>,
): Issue[] {
  const issues: Issue[] = [];
  if (impact.likely < impact.low)
    issues.push({ path: 'likely', message: `must not be below low (${impact.low}), got ${impact.likely}` });
  if (impact.high < impact.likely)
    issues.push({ path: 'high', message: `must not be below likely (${impact.likely}), got ${impact.high}` });
  if (!Number.isInteger(impact.startMonth) || impact.startMonth < 1 || impact.startMonth > MONTHS)
    issues.push({ path: 'startMonth', message: `must be a month 1-12, got ${impact.startMonth}` });
  if (!Number.isInteger(impact.rampMonths) || impact.rampMonths < 0)
    issues.push({
      path: 'rampMonths',
      message: `must be a whole number of months ≥ 0, got ${impact.rampMonths}`,
    });
  return issues;
}

/** @see checkImpact */
export function checkEffort(
  effort: Pick<SkillEffort, 'personDaysPerMonth' | 'fromMonth' | 'toMonth'>,
): Issue[] {
  const issues: Issue[] = [];
  if (!(effort.personDaysPerMonth >= 0))
    issues.push({
      path: 'personDaysPerMonth',
      message: `must not be negative, got ${effort.personDaysPerMonth}`,
    });
  if (effort.toMonth < effort.fromMonth)
    issues.push({
      path: 'toMonth',
      message: `ends (month ${effort.toMonth}) before it starts (month ${effort.fromMonth})`,
    });
  return issues;
}
