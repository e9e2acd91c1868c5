import { MONTHS } from './feasibility';

/** One stored effort row: person-days per month over months from..to (1-12). */
export interface EffortRange {
  personDaysPerMonth: number;
  fromMonth: number;
  toMonth: number;
}

/** Twelve months of one skill's effort (index 0 = month 1), summed over its stored rows. */
export function effortMonths(ranges: readonly EffortRange[]): number[] {
  const months = Array<number>(MONTHS).fill(0);
  for (const range of ranges)
    for (let month = range.fromMonth; month <= range.toMonth; month++)
      months[month - 1] = round2((months[month - 1] ?? 0) + range.personDaysPerMonth);
  return months;
}

/**
 * The fewest rows that store twelve monthly values: each run of equal non-zero months becomes
 * one range, and months without effort store nothing. `effortMonths(effortRanges(m))` is `m`.
 */
export function effortRanges(months: readonly number[]): EffortRange[] {
  const ranges: EffortRange[] = [];
  months.forEach((value, index) => {
    const month = index + 1;
    const last = ranges[ranges.length - 1];
    if (value === 0) return;
    if (last && last.toMonth === month - 1 && last.personDaysPerMonth === value) last.toMonth = month;
    else ranges.push({ personDaysPerMonth: value, fromMonth: month, toMonth: month });
  });
  return ranges;
}

/**
 * A total spread evenly over `months` (1-12), in hundredths: the rounding remainder goes to the
 * last month so the months add up to the total exactly. Months outside the list get 0.
 */
export function spreadEvenly(total: number, months: readonly number[]): number[] {
  const spread = Array<number>(MONTHS).fill(0);
  if (months.length === 0) return spread;
  const share = Math.floor((total * 100) / months.length) / 100;
  for (const month of months) spread[month - 1] = share;
  const last = months[months.length - 1] ?? 1;
  spread[last - 1] = round2(total - share * (months.length - 1));
  return spread;
}

/**
 * The months (1-12) of `year` an initiative runs, from its ISO start and end dates; an open end
 * runs to the year's edge, and an initiative without dates (or outside the year) gets all twelve.
 */
export function monthsOfYear(startDate: string | null, endDate: string | null, year: number): number[] {
  const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const first = Math.max(startDate ? monthIndex(startDate) : -Infinity, year * 12);
  const last = Math.min(endDate ? monthIndex(endDate) : Infinity, year * 12 + 11);
  if (first > last) return Array.from({ length: MONTHS }, (_, i) => i + 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first - year * 12 + i + 1);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
