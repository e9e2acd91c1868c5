import {
  improvementSign,
  meetsTarget,
  rampFractionAtYearEnd,
  type FeasibilityModel,
  type FeasibilityTarget,
  type TargetKind,
} from './feasibility';
import { quantileOfSorted, type RandomSource } from './random';
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
 * Runs trials `from` ≤ t < `to` into `values` (KPI-major: KPI k's trials are values[k·T … k·T+T),
 * T = `trials`), which must hold the baselines already. Per trial and initiative: one Bernoulli
 * draw for delivery, then one triangular draw per impact of a delivered initiative.
 */
export function simulate(
  compiled: CompiledModel,
  random: RandomSource,
  values: Float64Array,
  trials: number,
  from: number,
  to: number,
): void {
  const { probability, impactStart, impactKpi, low, high, split, lowArea, highArea, scale } = compiled;
  const initiatives = compiled.initiativeCount;
  for (let t = from; t < to; t++) {
    for (let i = 0; i < initiatives; i++) {
      if (random() >= (probability[i] as number)) continue;
      const end = impactStart[i + 1] as number;
      for (let j = impactStart[i] as number; j < end; j++) {
        const u = random();
        const sample =
          u < (split[j] as number)
            ? (low[j] as number) + Math.sqrt(u * (lowArea[j] as number))
            : (high[j] as number) - Math.sqrt((1 - u) * (highArea[j] as number));
        const cell = (impactKpi[j] as number) * trials + t;
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
  const values = new Float64Array(compiled.kpiCount * trials);
  for (let k = 0; k < compiled.kpiCount; k++)
    values.fill(compiled.baselines[k] ?? 0, k * trials, (k + 1) * trials);
  const chunk = Math.max(1, Math.floor(options.chunk ?? Math.ceil(trials / 10)));
  for (let from = 0; from < trials; from += chunk) {
    const to = Math.min(trials, from + chunk);
    simulate(compiled, random, values, trials, from, to);
    options.onProgress?.(to / trials);
  }
  return summarise(model, values, trials);
}

/** Sorts each KPI's trials in place and summarises them and the targets on them. */
export function summarise(model: FeasibilityModel, values: Float64Array, trials: number): PressureTestResult {
  const kpiIndex = new Map(model.kpis.map((kpi, index) => [kpi.id, index]));
  const sorted: Float64Array[] = model.kpis.map((_, k) =>
    values.subarray(k * trials, (k + 1) * trials).sort(),
  );
  const kpis = model.kpis.map((kpi, k): KpiDistribution => {
    const sample = sorted[k] ?? new Float64Array(0);
    let sum = 0;
    for (const value of sample) sum += value;
    return {
      kpiId: kpi.id,
      title: kpi.title,
      unitOfMeasure: kpi.unitOfMeasure,
      direction: kpi.direction,
      baseline: kpi.baseline,
      mean: sum / trials,
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

function outlook(target: FeasibilityTarget, sorted: Float64Array, sign: 1 | -1): TargetOutlook {
  let met = 0;
  let shortfall = 0;
  for (const value of sorted) {
    if (meetsTarget(value, target.direction, target.target, target.targetHigh)) met++;
    else shortfall += missBy(value, target);
  }
  const n = sorted.length;
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
    expectedShortfall: shortfall / n,
    reachable: { p50: reachable(0.5), p80: reachable(0.8), p90: reachable(0.9) },
  };
}

/** How far a value that misses the target lies from it (outside a band: from its nearer bound). */
function missBy(value: number, target: FeasibilityTarget): number {
  switch (target.direction) {
    case 'increase':
      return target.target - value;
    case 'decrease':
      return value - target.target;
    case 'band':
      return value < target.target ? target.target - value : value - (target.targetHigh ?? value);
  }
}

function histogram(sorted: Float64Array): HistogramBin[] {
  const n = sorted.length;
  const min = sorted[0] ?? 0;
  const max = sorted[n - 1] ?? 0;
  if (n === 0) return [];
  if (max === min) return [{ from: min, to: max, count: n }];
  const width = (max - min) / HISTOGRAM_BINS;
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, b) => ({
    from: min + b * width,
    to: min + (b + 1) * width,
    count: 0,
  }));
  for (const value of sorted) {
    const bin = bins[Math.min(HISTOGRAM_BINS - 1, Math.floor((value - min) / width))];
    if (bin) bin.count++;
  }
  return bins;
}
