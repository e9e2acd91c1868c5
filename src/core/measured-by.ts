/**
 * Key results measured by KPIs: a KPI of an X-matrix translated from a key result measures it, and
 * the key result's value follows the KPIs' latest effective values. With several KPIs the key result
 * names how they combine. A manual check-in over them is an explicit override: it stands until a
 * KPI reports a later value.
 */

export const MEASURE_RULES = ['sum', 'average', 'weighted_average', 'min', 'max'] as const;
export type MeasureRule = (typeof MEASURE_RULES)[number];

export const MEASURE_RULE_LABEL: Record<MeasureRule, string> = {
  sum: 'Sum',
  average: 'Average',
  weighted_average: 'Weighted average',
  min: 'Lowest',
  max: 'Highest',
};

/** A KPI measuring a key result, with the unit whose X-matrix holds it. */
export interface MeasuringKpi {
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  unitOfMeasure: string;
}

/** One dated value as the measure reads it. */
export interface MeasureReading {
  date: string;
  value: number;
}

/** What one KPI contributed: its latest value up to the day, or none yet. */
export interface KpiContribution extends MeasuringKpi {
  value: number | null;
  date: string | null;
  weight: number;
}

export interface MeasuredValue {
  /** The combined value, or null while no KPI has reported. */
  value: number | null;
  /** The latest date among the contributing values. */
  date: string | null;
  contributions: KpiContribution[];
}

/** Combines the values of the KPIs that reported; null when none did. Weights below zero count as zero. */
export function combineMeasures(
  rule: MeasureRule,
  values: readonly { value: number; weight: number }[],
): number | null {
  if (values.length === 0) return null;
  const numbers = values.map((entry) => entry.value);
  switch (rule) {
    case 'sum':
      return numbers.reduce((sum, value) => sum + value, 0);
    case 'min':
      return Math.min(...numbers);
    case 'max':
      return Math.max(...numbers);
    case 'average':
      return numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
    case 'weighted_average': {
      const total = values.reduce((sum, entry) => sum + Math.max(0, entry.weight), 0);
      if (total === 0) return numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
      return values.reduce((sum, entry) => sum + entry.value * Math.max(0, entry.weight), 0) / total;
    }
  }
}

/** The latest reading dated on or before `asOf` (readings oldest first). */
function latestUpTo<R extends MeasureReading>(
  readings: readonly R[] | undefined,
  asOf: string,
): R | undefined {
  let latest: R | undefined;
  for (const reading of readings ?? []) if (reading.date <= asOf) latest = reading;
  return latest;
}

/** The key result's value from its KPIs as of a day; one KPI gives its own latest value, whatever the rule. */
export function measuredValue(
  rule: MeasureRule,
  kpis: readonly MeasuringKpi[],
  weights: Readonly<Record<string, number>>,
  readingsOf: (kpiId: string) => readonly MeasureReading[] | undefined,
  asOf: string,
): MeasuredValue {
  const contributions = kpis.map((kpi) => {
    const latest = latestUpTo(readingsOf(kpi.id), asOf);
    return { ...kpi, value: latest?.value ?? null, date: latest?.date ?? null, weight: weights[kpi.id] ?? 1 };
  });
  const reported = contributions.flatMap((entry) =>
    entry.value === null || entry.date === null
      ? []
      : [{ value: entry.value, weight: entry.weight, date: entry.date }],
  );
  const date = reported.reduce<string | null>(
    (max, entry) => (max === null || entry.date > max ? entry.date : max),
    null,
  );
  return { value: combineMeasures(kpis.length === 1 ? 'average' : rule, reported), date, contributions };
}
