import { initiativeStanding, type InitiativeDates } from './attention';
import {
  improvementSign,
  MONTHS,
  type FeasibilityInitiative,
  type FeasibilityModel,
  type Impact,
} from './feasibility';
import { formatMeasure, percentOf } from './outlook-wording';
import { runPressureTest, type PressureTestResult } from './pressure-test';
import type { RandomSource } from './random';
import { monthName } from './calendar';

/**
 * The forecast from actuals: the pressure test conditioned on what has been measured. Mid-year,
 * each KPI starts from its latest actual instead of its baseline; an initiative's effect expected
 * by that actual's month (by its ramp-up, and for one still to deliver by the KPI's monthly plan
 * too) is taken as already in it (the actual shows whether it happened), so only the rest is
 * still to come. Delivered initiatives are certain, late ones are
 * shifted past today with lower odds, cancelled ones never arrive. The conditioned model runs
 * through the same simulation as the pressure test ({@link runPressureTest}), so a forecast and a
 * pressure test with the same seed differ only by what was measured.
 */

/** Where an initiative stands on the forecast's day. */
export type DeliveryState = 'done' | 'open' | 'late' | 'cancelled';

/** A KPI's effective value at its latest check-in on or before the forecast's day, and that month (1-12). */
export interface KpiActual {
  kpiId: string;
  value: number;
  month: number;
}

export interface ForecastConditions {
  /** Months of the year that are over (0 before January ends, 12 at year end). */
  asOfMonth: number;
  actuals: readonly KpiActual[];
  /** Per initiative id; an initiative not named is open. */
  initiatives: Readonly<Record<string, DeliveryState>>;
  /**
   * Per KPI, how much its actuals wander from their plan in a month (a standard deviation in the
   * KPI's unit, see {@link monthlyDrift}); the months still to come may wander as much.
   */
  drift?: Readonly<Record<string, number>>;
  /**
   * Per KPI, the share (0-1) of the year's change its monthly plan expects by the actual's month
   * (see {@link plannedShare}). An open initiative's effect counts as in the actuals only as far as
   * both its ramp-up and this plan expect it: a KPI on its plan still has the rest of the plan to go.
   */
  planShare?: Readonly<Record<string, number>>;
}

/** A late initiative keeps this share of its stated delivery probability. */
export const LATE_DELIVERY_FACTOR = 0.5;

/** Months a late initiative's effects start after the forecast's month (the soonest it can land). */
export const LATE_SHIFT_MONTHS = 1;

/** Share (0-1) of an impact realised by the end of `month` (0 = none yet): linear ramp from its start month. */
export function rampFractionAt(startMonth: number, rampMonths: number, month: number): number {
  const active = month + 1 - startMonth;
  if (active <= 0) return 0;
  return rampMonths <= 0 ? 1 : Math.min(1, active / rampMonths);
}

/**
 * An initiative's state on `asOf` (an ISO date): done only once its end date (when it has one) is
 * reached, so a forecast replayed for an earlier month sees it still to deliver; late as the
 * dashboard counts it (past its end date, neither done nor cancelled).
 */
export function deliveryStateOf(item: InitiativeDates, asOf: string): DeliveryState {
  if (item.status === 'cancelled') return 'cancelled';
  if (item.status === 'done') return item.endDate === null || item.endDate <= asOf ? 'done' : 'open';
  return initiativeStanding(item, asOf) === 'late' ? 'late' : 'open';
}

/**
 * The share (0-1) of the change from baseline to target that a KPI's monthly plan expects by the
 * end of `month`; undefined without a plan value that month or a target apart from the baseline.
 */
export function plannedShare(
  kpi: { baseline: number; target: number | null },
  plan: readonly (number | null)[],
  month: number,
): number | undefined {
  const planned = month >= 1 ? plan[month - 1] : undefined;
  if (planned === null || planned === undefined || kpi.target === null || kpi.target === kpi.baseline)
    return undefined;
  return Math.min(1, Math.max(0, (planned - kpi.baseline) / (kpi.target - kpi.baseline)));
}

/**
 * How far a KPI's actuals wander from plan in a month: the root mean square of the month-on-month
 * changes of (actual − plan), over months where both are known and consecutive. 0 with fewer than
 * two such months (nothing to go on, so no wandering is assumed).
 */
export function monthlyDrift(actuals: readonly (number | null)[], plan: readonly (number | null)[]): number {
  const gaps = actuals.map((actual, m) => {
    const planned = plan[m];
    return actual === null || planned === null || planned === undefined ? null : actual - planned;
  });
  let sum = 0;
  let count = 0;
  for (let m = 1; m < gaps.length; m++) {
    const before = gaps[m - 1];
    const now = gaps[m];
    if (before === null || before === undefined || now === null || now === undefined) continue;
    sum += (now - before) ** 2;
    count++;
  }
  return count === 0 ? 0 : Math.sqrt(sum / count);
}

/**
 * The model as it stands on the forecast's day. Each KPI with an actual starts there; impacts
 * become absolute (a percentage stays one of the original baseline) and carry only the share of
 * their ramp still to come, folded into low/likely/high with the ramp set to "full at once". A
 * KPI's drift is one more certain "initiative", a symmetric triangle whose spread over the months
 * left matches it (a triangle of half-width w has a standard deviation of w / √6), appended after
 * the plan's initiatives so theirs draw the same numbers as in the pressure test.
 */
export function conditionModel(model: FeasibilityModel, conditions: ForecastConditions): FeasibilityModel {
  const actualOf = new Map(conditions.actuals.map((actual) => [actual.kpiId, actual]));
  const kpiById = new Map(model.kpis.map((kpi) => [kpi.id, kpi]));
  const kpis = model.kpis.map((kpi) => {
    const actual = actualOf.get(kpi.id);
    return actual ? { ...kpi, baseline: actual.value } : kpi;
  });
  const flips = new Map(
    kpis.map((kpi) => {
      const original = kpiById.get(kpi.id) ?? kpi;
      return [kpi.id, improvementSign(original) !== improvementSign(kpi)];
    }),
  );

  const conditionImpact = (impact: Impact, state: DeliveryState): Impact | null => {
    const kpi = kpiById.get(impact.kpi);
    if (!kpi) return null;
    const actual = actualOf.get(impact.kpi);
    const basis = impact.basis === 'percent' ? Math.abs(kpi.baseline) / 100 : 1;
    let share: number;
    if (state === 'late') {
      const start = Math.max(impact.startMonth, conditions.asOfMonth + LATE_SHIFT_MONTHS);
      share = rampFractionAt(start, impact.rampMonths, MONTHS);
    } else {
      const ramped = actual ? rampFractionAt(impact.startMonth, impact.rampMonths, actual.month) : 0;
      // Delivered: its effect is in the actuals as far as its ramp-up goes. Still to deliver: no
      // further than the KPI's plan expected by then either.
      const planned = state === 'done' ? undefined : conditions.planShare?.[impact.kpi];
      const realised = planned === undefined ? ramped : Math.min(ramped, planned);
      share = rampFractionAt(impact.startMonth, impact.rampMonths, MONTHS) - realised;
    }
    const scale = basis * Math.max(0, share);
    const flip = flips.get(impact.kpi) === true;
    const [low, likely, high] = flip
      ? [-impact.high * scale, -impact.likely * scale, -impact.low * scale]
      : [impact.low * scale, impact.likely * scale, impact.high * scale];
    return { kpi: impact.kpi, low, likely, high, basis: 'absolute', startMonth: 1, rampMonths: 0 };
  };

  const initiatives: FeasibilityInitiative[] = model.initiatives.map((initiative) => {
    const state = conditions.initiatives[initiative.id] ?? 'open';
    const deliveryProbability =
      state === 'done'
        ? 1
        : state === 'cancelled'
          ? 0
          : state === 'late'
            ? initiative.deliveryProbability * LATE_DELIVERY_FACTOR
            : initiative.deliveryProbability;
    return {
      ...initiative,
      deliveryProbability,
      impacts: initiative.impacts.flatMap((impact) => conditionImpact(impact, state) ?? []),
    };
  });

  const drifts: FeasibilityInitiative[] = kpis.flatMap((kpi) => {
    const sd = conditions.drift?.[kpi.id] ?? 0;
    const from = actualOf.get(kpi.id)?.month ?? conditions.asOfMonth;
    const left = Math.max(0, MONTHS - from);
    const width = sd * Math.sqrt(left) * Math.sqrt(6);
    if (!(width > 0)) return [];
    return [
      {
        id: `drift:${kpi.id}`,
        title: `${kpi.title}: months still to come`,
        deliveryProbability: 1,
        impacts: [
          {
            kpi: kpi.id,
            low: -width,
            likely: 0,
            high: width,
            basis: 'absolute',
            startMonth: 1,
            rampMonths: 0,
          },
        ],
      },
    ];
  });

  return { ...model, kpis, initiatives: [...initiatives, ...drifts] };
}

/**
 * "Chance of hitting the target by year end, now": the pressure test of the conditioned model.
 * Deterministic for a given random source.
 */
export function forecastFromActuals(
  model: FeasibilityModel,
  conditions: ForecastConditions,
  random: RandomSource,
  options: { trials: number },
): PressureTestResult {
  return runPressureTest(conditionModel(model, conditions), random, { trials: options.trials });
}

/** One recorded month of a target's forecast. */
export interface ForecastPoint {
  month: number;
  probability: number;
}

/**
 * The forecast in words: "Chance of reaching 60 % by December, now: 34 % (was 61 % in March)".
 * The comparison names the earliest recorded month when it differs from now by a point or more.
 * @param points oldest first; the last one is "now".
 */
export function forecastSentence(
  target: { target: number; targetHigh: number | null; direction: string; unitOfMeasure: string },
  points: readonly ForecastPoint[],
): string | null {
  const now = points[points.length - 1];
  if (!now) return null;
  const goal =
    target.direction === 'band' && target.targetHigh !== null
      ? `between ${formatMeasure(target.target, '')} and ${formatMeasure(target.targetHigh, target.unitOfMeasure)}`
      : formatMeasure(target.target, target.unitOfMeasure);
  const first = points[0];
  const was =
    first && first !== now && Math.abs(first.probability - now.probability) >= 0.01
      ? ` (was ${percentOf(first.probability)} in ${monthName(first.month)})`
      : '';
  return `Chance of reaching ${goal} by December, now: ${percentOf(now.probability)}${was}`;
}
