import {
  improvementSign,
  rampFractionAtYearEnd,
  type FeasibilityModel,
  type FeasibilityTarget,
  type TargetKind,
} from './feasibility';
import { quantileOfSorted, type RandomSource } from './random';
import { sortFloat64 } from './sort-float64';
import type { KpiDirection } from './key-result';

export const DEFAULT_TRIALS = 10_000;
export const HISTOGRAM_BINS = 20;

export interface PressureTestOptions {
  trials: number;
  /** Called after each chunk of trials with the share done (0-1), so a caller can show progress. */
  onProgress?: (done: number) => void;
  /** Trials per progress report (default: a tenth of the run). */
  chunk?: number;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface KpiDistribution {
  kpiId: string;
  title: string;
  unitOfMeasure: string;
  direction: KpiDirection;
  baseline: number;
  /** How many initiative impacts act on the KPI; with none, its "distribution" is just the baseline. */
  impactCount: number;
  mean: number;
  min: number;
  max: number;
  p10: number;
  p50: number;
  p90: number;
  histogram: HistogramBin[];
}

export interface TargetOutlook {
  targetId: string;
  kind: TargetKind;
  title: string;
  kpiId: string;
  unitId: string;
  keyResultId: string | null;
  direction: KpiDirection;
  target: number;
  targetHigh: number | null;
  /** Share of trials in which the year-end value meets the target. */
  probability: number;
  /** Mean distance by which the year-end value misses the target (0 in trials that meet it). */
  expectedShortfall: number;
  /** The value reached with 50 %, 80 % and 90 % confidence (at least that good in that share of trials). */
  reachable: { p50: number; p80: number; p90: number };
}

export interface PressureTestResult {
  trials: number;
  kpis: KpiDistribution[];
  targets: TargetOutlook[];
}

/**
 * The model flattened into typed arrays for the simulation loop: per initiative its delivery
 * probability and the range of its impacts; per impact the KPI row, the triangular constants and
 * one scale that folds in basis (% of baseline), ramp-up and direction.
 */
export interface CompiledModel {
  kpiCount: number;
  baselines: Float64Array;
  initiativeCount: number;
  probability: Float64Array;
  /** Impacts of initiative i are impactStart[i] ≤ j < impactStart[i + 1]. */
  impactStart: Int32Array;
  impactKpi: Int32Array;
  low: Float64Array;
  high: Float64Array;
  split: Float64Array;
  lowArea: Float64Array;
  highArea: Float64Array;
  scale: Float64Array;
}

/** Flattens a model for {@link simulate}; impacts on KPIs the model does not know are ignored. */
export function compileModel(model: FeasibilityModel): CompiledModel {
  const kpiIndex = new Map(model.kpis.map((kpi, index) => [kpi.id, index]));
  const impacts = model.initiatives.flatMap((initiative, i) =>
    initiative.impacts.filter((impact) => kpiIndex.has(impact.kpi)).map((impact) => ({ i, impact })),
  );
  const n = impacts.length;
  const compiled: CompiledModel = {
    kpiCount: model.kpis.length,
    baselines: Float64Array.from(model.kpis.map((kpi) => kpi.baseline)),
    initiativeCount: model.initiatives.length,
    probability: Float64Array.from(model.initiatives.map((initiative) => initiative.deliveryProbability)),
    impactStart: new Int32Array(model.initiatives.length + 1),
    impactKpi: new Int32Array(n),
    low: new Float64Array(n),
    high: new Float64Array(n),
    split: new Float64Array(n),
    lowArea: new Float64Array(n),
    highArea: new Float64Array(n),
    scale: new Float64Array(n),
  };
  impacts.forEach(({ i, impact }, j) => {
    const k = kpiIndex.get(impact.kpi) ?? 0;
    const kpi = model.kpis[k];
    if (!kpi) return;
    compiled.impactStart[i + 1] = j + 1;
    compiled.impactKpi[j] = k;
    const width = impact.high - impact.low;
    compiled.low[j] = impact.low;
    compiled.high[j] = impact.high;
    compiled.split[j] = width > 0 ? (impact.likely - impact.low) / width : 1;
    compiled.lowArea[j] = width * (impact.likely - impact.low);
    compiled.highArea[j] = width * (impact.high - impact.likely);
    const basis = impact.basis === 'percent' ? Math.abs(kpi.baseline) / 100 : 1;
    compiled.scale[j] =
      basis * rampFractionAtYearEnd(impact.startMonth, impact.rampMonths) * improvementSign(kpi);
  });
  // Initiatives without impacts keep the running end so every range is well formed.
  for (let i = 1; i <= model.initiatives.length; i++)
    compiled.impactStart[i] = Math.max(compiled.impactStart[i] ?? 0, compiled.impactStart[i - 1] ?? 0);
  return compiled;
}

/**
 * Runs trials `from` ≤ t < `to` into `values`, trial-major (trial t's KPIs are values[t·K … t·K+K),
 * K = the KPI count, so one trial's writes stay in cache), which must hold the baselines already.
 * Each trial draws one uniform per initiative (delivery, a Bernoulli draw) and one per impact (a
 * triangular draw), in a fixed order and whether or not the initiative is delivered: changing one
 * initiative then leaves every other initiative's draws as they were (common random numbers).
 */
export function simulate(
  compiled: CompiledModel,
  random: RandomSource,
  values: Float64Array,
  from: number,
  to: number,
): void {
  const { probability, impactStart, impactKpi, low, high, split, lowArea, highArea, scale } = compiled;
  const initiatives = compiled.initiativeCount;
  const kpis = compiled.kpiCount;
  const draws = new Float64Array(initiatives + impactKpi.length);
  for (let t = from; t < to; t++) {
    random.fill(draws);
    const row = t * kpis;
    for (let i = 0; i < initiatives; i++) {
      if ((draws[i] as number) >= (probability[i] as number)) continue;
      const end = impactStart[i + 1] as number;
      for (let j = impactStart[i] as number; j < end; j++) {
        const u = draws[initiatives + j] as number;
        const sample =
          u < (split[j] as number)
            ? (low[j] as number) + Math.sqrt(u * (lowArea[j] as number))
            : (high[j] as number) - Math.sqrt((1 - u) * (highArea[j] as number));
        const cell = row + (impactKpi[j] as number);
        values[cell] = (values[cell] as number) + sample * (scale[j] as number);
      }
    }
  }
}

/**
 * The Monte Carlo pressure test: simulates the year `options.trials` times and summarises, per
 * KPI, the distribution of its year-end value and, per target linked to it, the probability of
 * meeting it, the expected shortfall and the values reachable with 50/80/90 % confidence.
 * Deterministic for a given random source: the same seed gives the same numbers.
 */
export function runPressureTest(
  model: FeasibilityModel,
  random: RandomSource,
  options: PressureTestOptions,
): PressureTestResult {
  const trials = Math.max(1, Math.floor(options.trials));
  const compiled = compileModel(model);
  const kpis = compiled.kpiCount;
  const values = new Float64Array(kpis * trials);
  for (let t = 0; t < trials; t++) values.set(compiled.baselines, t * kpis);
  const chunk = Math.max(1, Math.floor(options.chunk ?? Math.ceil(trials / 10)));
  for (let from = 0; from < trials; from += chunk) {
    const to = Math.min(trials, from + chunk);
    simulate(compiled, random, values, from, to);
    options.onProgress?.(to / trials);
  }
  return summarise(model, transpose(values, trials, kpis), trials);
}

/** Trial-major to KPI-major, so each KPI's trials are contiguous for sorting. */
function transpose(values: Float64Array, trials: number, kpis: number): Float64Array {
  const byKpi = new Float64Array(values.length);
  for (let t = 0; t < trials; t++) {
    const row = t * kpis;
    for (let k = 0; k < kpis; k++) byKpi[k * trials + t] = values[row + k] as number;
  }
  return byKpi;
}

/** Sorts each KPI's trials (KPI-major `values`) in place and summarises them and the targets on them. */
export function summarise(model: FeasibilityModel, values: Float64Array, trials: number): PressureTestResult {
  const kpiIndex = new Map(model.kpis.map((kpi, index) => [kpi.id, index]));
  const impactCounts = new Map<string, number>();
  for (const initiative of model.initiatives)
    for (const impact of initiative.impacts)
      impactCounts.set(impact.kpi, (impactCounts.get(impact.kpi) ?? 0) + 1);
  const sorted: Float64Array[] = model.kpis.map((_, k) =>
    sortFloat64(values.subarray(k * trials, (k + 1) * trials)),
  );
  const kpis = model.kpis.map((kpi, k): KpiDistribution => {
    const sample = sorted[k] ?? new Float64Array(0);
    return {
      kpiId: kpi.id,
      title: kpi.title,
      unitOfMeasure: kpi.unitOfMeasure,
      direction: kpi.direction,
      baseline: kpi.baseline,
      impactCount: impactCounts.get(kpi.id) ?? 0,
      mean: sumOf(sample, 0, sample.length) / trials,
      min: sample[0] ?? kpi.baseline,
      max: sample[trials - 1] ?? kpi.baseline,
      p10: quantileOfSorted(sample, 0.1),
      p50: quantileOfSorted(sample, 0.5),
      p90: quantileOfSorted(sample, 0.9),
      histogram: histogram(sample),
    };
  });
  const targets = model.targets.flatMap((target) => {
    const k = kpiIndex.get(target.kpiId);
    const kpi = k === undefined ? undefined : model.kpis[k];
    const sample = k === undefined ? undefined : sorted[k];
    return kpi && sample ? [outlook(target, sample, improvementSign(kpi))] : [];
  });
  return { trials, kpis, targets };
}

/**
 * A target's outlook from the sorted trials: binary searches find the trials that meet it (at
 * least the target when increasing, at most when decreasing, within the bounds of a band), and
 * only the trials that miss are summed for the shortfall.
 */
function outlook(target: FeasibilityTarget, sorted: Float64Array, sign: 1 | -1): TargetOutlook {
  const n = sorted.length;
  let met: number;
  let shortfall: number;
  switch (target.direction) {
    case 'increase': {
      const first = firstAtLeast(sorted, target.target);
      met = n - first;
      shortfall = target.target * first - sumOf(sorted, 0, first);
      break;
    }
    case 'decrease': {
      const end = firstAbove(sorted, target.target);
      met = end;
      shortfall = sumOf(sorted, end, n) - target.target * (n - end);
      break;
    }
    case 'band': {
      const high = target.targetHigh ?? Number.POSITIVE_INFINITY;
      const first = firstAtLeast(sorted, target.target);
      const end = Math.max(first, firstAbove(sorted, high));
      met = end - first;
      shortfall =
        target.target * first -
        sumOf(sorted, 0, first) +
        (end < n ? sumOf(sorted, end, n) - high * (n - end) : 0);
      break;
    }
  }
  // "Reachable with confidence c": at least this good in a share c of trials.
  const reachable = (confidence: number) => quantileOfSorted(sorted, sign > 0 ? 1 - confidence : confidence);
  return {
    targetId: target.id,
    kind: target.kind,
    title: target.title,
    kpiId: target.kpiId,
    unitId: target.unitId,
    keyResultId: target.keyResultId,
    direction: target.direction,
    target: target.target,
    targetHigh: target.targetHigh,
    probability: met / n,
    expectedShortfall: Math.max(0, shortfall) / n,
    reachable: { p50: reachable(0.5), p80: reachable(0.8), p90: reachable(0.9) },
  };
}

function sumOf(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i] as number;
  return sum;
}

/** Index of the first value ≥ x in ascending `sorted` (its length when there is none). */
function firstAtLeast(sorted: Float64Array, x: number): number {
  return firstWhere(sorted, (value) => value >= x);
}

/** Index of the first value > x in ascending `sorted` (its length when there is none). */
function firstAbove(sorted: Float64Array, x: number): number {
  return firstWhere(sorted, (value) => value > x);
}

/** Binary search for the first index whose value passes `test`, a test that stays true once it holds. */
function firstWhere(sorted: Float64Array, test: (value: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Equal-width bins from min to max; counts come from binary searches on the sorted trials. */
function histogram(sorted: Float64Array): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0] as number;
  const max = sorted[n - 1] as number;
  if (max === min) return [{ from: min, to: max, count: n }];
  const width = (max - min) / HISTOGRAM_BINS;
  const bins: HistogramBin[] = [];
  let start = 0;
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    const to = b === HISTOGRAM_BINS - 1 ? max : min + (b + 1) * width;
    const end = b === HISTOGRAM_BINS - 1 ? n : firstAtLeast(sorted, to);
    bins.push({ from: min + b * width, to, count: end - start });
    start = end;
  }
  return bins;
}
