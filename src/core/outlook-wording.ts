import type { KpiDirection } from './key-result';

/**
 * Plain-language wording of a pressure-test outcome, for people who do not read percentiles:
 * a likelihood band, odds as "n in m", and values rounded to what the KPI's unit can carry.
 * The bands follow the usual words-of-estimative-probability scale, coarsened to five.
 */

export const LIKELIHOOD_BANDS = [
  'almost_certain',
  'likely',
  'about_even',
  'unlikely',
  'very_unlikely',
] as const;
export type LikelihoodBand = (typeof LIKELIHOOD_BANDS)[number];

export const LIKELIHOOD_WORDS: Record<LikelihoodBand, string> = {
  almost_certain: 'almost certain',
  likely: 'likely',
  about_even: 'about even',
  unlikely: 'unlikely',
  very_unlikely: 'very unlikely',
};

/** ≥ 95 % almost certain, ≥ 65 % likely, ≥ 35 % about even, ≥ 5 % unlikely, below that very unlikely. */
export function likelihoodOf(probability: number): LikelihoodBand {
  if (probability >= 0.95) return 'almost_certain';
  if (probability >= 0.65) return 'likely';
  if (probability >= 0.35) return 'about_even';
  if (probability >= 0.05) return 'unlikely';
  return 'very_unlikely';
}

/** Odds a person can picture: "under 1 in 100", "about 1 in 20", "about 7 in 10", "over 99 in 100". */
export function oddsOf(probability: number): string {
  if (probability <= 0) return 'it happened in no trial';
  if (probability >= 1) return 'it happened in every trial';
  if (probability < 0.01) return 'under 1 in 100';
  if (probability < 0.095) return `about 1 in ${Math.round(1 / probability)}`;
  if (probability <= 0.905) return `about ${Math.round(probability * 10)} in 10`;
  if (probability < 0.99) return `about ${Math.round(probability * 100)} in 100`;
  return 'over 99 in 100';
}

/** A percentage with the precision it deserves: "0.3 %", "42 %", "under 0.1 %", "100 %". */
export function percentOf(probability: number): string {
  const percent = probability * 100;
  if (percent > 0 && percent < 0.1) return 'under 0.1 %';
  if (percent < 99.9 && percent > 99) return `${percent.toFixed(1)} %`;
  return `${percent < 1 && percent > 0 ? percent.toFixed(1) : Math.round(percent)} %`;
}

/**
 * A value rounded to what a KPI can carry: whole numbers from 10 up, one decimal from 1, two
 * significant digits below; counts ("teams", "incident types") always whole.
 */
export function roundForUnit(value: number, unitOfMeasure: string): number {
  const size = Math.abs(value);
  if (isCountUnit(unitOfMeasure) || size >= 10) return Math.round(value);
  if (size >= 1) return Math.round(value * 10) / 10;
  if (size === 0) return 0;
  return Number(value.toPrecision(2));
}

/**
 * One formatter for every measure: `toLocaleString` builds a new one per call, which cost a
 * chart of 30 histograms about 100 ms a render.
 */
const MEASURE_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

/** "43 min", "12 %", "3 teams", "€ 1,200": the rounded value with its unit. */
export function formatMeasure(value: number, unitOfMeasure: string): string {
  const rounded = MEASURE_FORMAT.format(roundForUnit(value, unitOfMeasure));
  const unit = unitOfMeasure.trim();
  if (unit === '') return rounded;
  if (/^[€$£¥]$/.test(unit)) return `${unit} ${rounded}`;
  return `${rounded} ${unit}`;
}

function isCountUnit(unit: string): boolean {
  return /^(count|#|people|persons|teams?|incidents?|incident types|items|customers|releases|units)$/i.test(
    unit.trim(),
  );
}

export interface OutlookForWording {
  direction: KpiDirection;
  target: number;
  targetHigh: number | null;
  unitOfMeasure: string;
  probability: number;
  /** The value reached with 80 % confidence. */
  p80: number;
}

/** "30 min", or "2-5 %" for a band. */
export function goalOf(
  outlook: Pick<OutlookForWording, 'target' | 'targetHigh' | 'unitOfMeasure' | 'direction'>,
): string {
  if (outlook.direction === 'band' && outlook.targetHigh !== null)
    return `${formatMeasure(outlook.target, '')}-${formatMeasure(outlook.targetHigh, outlook.unitOfMeasure)}`;
  return formatMeasure(outlook.target, outlook.unitOfMeasure);
}

/**
 * The headline sentence of a target, e.g. "Reaching 30 min by December is very unlikely — under
 * 1 in 100. With 4-in-5 confidence the team reaches about 43 min."
 */
export function outlookSentence(outlook: OutlookForWording): string {
  const verb = outlook.direction === 'band' ? 'Staying within' : 'Reaching';
  const band = LIKELIHOOD_WORDS[likelihoodOf(outlook.probability)];
  const head = `${verb} ${goalOf(outlook)} by December is ${band} — ${oddsOf(outlook.probability)}.`;
  if (outlook.probability >= 0.95) return head;
  return `${head} With 4-in-5 confidence the team reaches about ${formatMeasure(outlook.p80, outlook.unitOfMeasure)}.`;
}
