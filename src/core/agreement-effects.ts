import { MONTHS_IN_YEAR, type MonthlyPlan } from './monthly-plan';
import { titleNumberMismatch } from './title-numbers';

/**
 * What agreeing a catchball proposal changes: the target of the key result and of the KPI, the
 * KPI's monthly plan from the agreement month on, and the titles whose numbers no longer match.
 * One function, so what the proposal shows before the agreement is what the server applies.
 */
export interface AgreementBasis {
  keyResult: { id: string; title: string; target: number | null; targetHigh: number | null } | null;
  kpi: {
    id: string;
    title: string;
    baseline: number | null;
    target: number | null;
    targetHigh: number | null;
    monthlyPlan: MonthlyPlan | null;
  } | null;
  /** Items translated from the key result (How Far and KPIs) in the two units' matrices. */
  followers: { id: string; part: 'how_far' | 'how_much'; title: string; matrixId: string }[];
  /** 0-11: the plan month the agreement falls in (see `agreementMonthIndex`). */
  monthIndex: number;
}

export interface AgreementEffects {
  targets: { kind: 'key_result' | 'kpi'; id: string; title: string; from: number | null; to: number }[];
  /** The KPI's plan after the agreement and the months that change (1-12); null without a KPI. */
  plan: {
    kpiId: string;
    title: string;
    fromMonth: number;
    next: MonthlyPlan;
    changes: { month: number; from: number | null; to: number }[];
  } | null;
  /** Titles stating numbers none of which is the agreed target: to be edited by hand. */
  titles: { kind: 'key_result' | 'how_far' | 'how_much'; id: string; title: string }[];
}

/** The plan month (0-11) a date falls in for a plan of `year`; dates outside the year clamp to its ends. */
export function agreementMonthIndex(isoDate: string, year: number): number {
  const dateYear = Number(isoDate.slice(0, 4));
  if (dateYear < year) return 0;
  if (dateYear > year) return MONTHS_IN_YEAR - 1;
  return Math.min(MONTHS_IN_YEAR - 1, Math.max(0, Number(isoDate.slice(5, 7)) - 1));
}

/**
 * Re-paths a monthly plan to a new target from `monthIndex` on: earlier months stay; from that
 * month an even path runs from where the plan stands when the month begins (the previous month's
 * planned value, else the baseline) to the target in the last month. Without a starting point the
 * plan stays as it is.
 */
export function repathMonthlyPlan(
  plan: MonthlyPlan | null,
  baseline: number | null,
  target: number,
  monthIndex: number,
): MonthlyPlan | null {
  const months: MonthlyPlan =
    plan?.length === MONTHS_IN_YEAR ? [...plan] : Array<null>(MONTHS_IN_YEAR).fill(null);
  const start =
    months
      .slice(0, monthIndex)
      .reverse()
      .find((value) => value !== null) ?? baseline;
  if (start === null || start === undefined) return plan;
  const steps = MONTHS_IN_YEAR - monthIndex;
  for (let month = monthIndex; month < MONTHS_IN_YEAR; month++)
    months[month] = Math.round((start + ((target - start) * (month - monthIndex + 1)) / steps) * 100) / 100;
  return months;
}

export function agreementEffects(basis: AgreementBasis, target: number): AgreementEffects {
  const targets: AgreementEffects['targets'] = [];
  if (basis.keyResult && basis.keyResult.target !== target)
    targets.push({
      kind: 'key_result',
      id: basis.keyResult.id,
      title: basis.keyResult.title,
      from: basis.keyResult.target,
      to: target,
    });
  if (basis.kpi && basis.kpi.target !== target)
    targets.push({
      kind: 'kpi',
      id: basis.kpi.id,
      title: basis.kpi.title,
      from: basis.kpi.target,
      to: target,
    });

  let plan: AgreementEffects['plan'] = null;
  if (basis.kpi) {
    const before = basis.kpi.monthlyPlan;
    // A plan that already ends at an unchanged target is left alone, rounding and all.
    const settled = basis.kpi.target === target && before?.[MONTHS_IN_YEAR - 1] === target;
    const next = settled ? before : repathMonthlyPlan(before, basis.kpi.baseline, target, basis.monthIndex);
    if (next) {
      const changes = next.flatMap((value, month) => {
        const from = before?.[month] ?? null;
        return value !== null && value !== from ? [{ month: month + 1, from, to: value }] : [];
      });
      plan = { kpiId: basis.kpi.id, title: basis.kpi.title, fromMonth: basis.monthIndex + 1, next, changes };
    }
  }

  const titles: AgreementEffects['titles'] = [];
  const seen = new Set<string>();
  const flag = (kind: AgreementEffects['titles'][number]['kind'], id: string, title: string) => {
    if (seen.has(id) || !titleNumberMismatch(title, target, null)) return;
    seen.add(id);
    titles.push({ kind, id, title });
  };
  if (basis.keyResult) flag('key_result', basis.keyResult.id, basis.keyResult.title);
  if (basis.kpi) flag('how_much', basis.kpi.id, basis.kpi.title);
  for (const follower of basis.followers)
    if (follower.part === 'how_far' || follower.id === basis.kpi?.id)
      flag(follower.part, follower.id, follower.title);
  return { targets, plan, titles };
}

/**
 * Whether the agreement settles a translated item with its key result (so its source snapshot
 * takes the new target): a How Far item carries no target of its own; a KPI does when its target
 * is the agreed one. A KPI that still plans another value keeps showing "source changed".
 */
export function agreementSettles(
  follower: { part: 'how_far' | 'how_much'; target: number | null },
  target: number,
): boolean {
  return follower.part === 'how_far' || follower.target === target;
}
