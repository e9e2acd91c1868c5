/**
 * Day arithmetic on ISO dates (YYYY-MM-DD) in UTC, so results never depend on the server's time
 * zone. "Today" is always a parameter: the core has no clock of its own.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The ISO date `days` after `isoDate` (negative goes back). */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The calendar date of the instant `at` in the time zone of the process that runs this (for the
 * web app: the reader's), as an ISO date. Not UTC: at 08:00 in Tokyo the day is already the next.
 */
export function localIsoDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(at.getFullYear())}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** 1-12 for the month of an ISO date. */
export function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

/** The year of an ISO date. */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** The last day of a month (1-12) as an ISO date. */
export function endOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The English name of a month, 1 = January. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `month ${month}`;
}
