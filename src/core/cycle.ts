/** A planning cycle is a year (calendar or fiscal) and its four quarters. */
export interface CycleDates {
  startDate: string;
  endDate: string;
}

export interface Quarter {
  name: string;
  startDate: string;
  endDate: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, monthIndex: number, day: number): string {
  const date = new Date(Date.UTC(year, monthIndex, day));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The default dates of a cycle: a year starting in `startMonth` (1 = January). */
export function defaultCycleDates(year: number, startMonth = 1): CycleDates {
  return { startDate: isoDate(year, startMonth - 1, 1), endDate: isoDate(year, startMonth - 1 + 12, 0) };
}

/** Splits a cycle into four quarters of three months each, starting at the cycle's first month. */
export function quartersOf(cycle: CycleDates): Quarter[] {
  const [year, month] = cycle.startDate.split('-').map(Number) as [number, number];
  return [0, 1, 2, 3].map((q) => ({
    name: `Q${q + 1}`,
    startDate: isoDate(year, month - 1 + q * 3, 1),
    endDate: isoDate(year, month - 1 + q * 3 + 3, 0),
  }));
}

/** True when `start` is on or before `end` (ISO dates compare as strings). */
export function isOrderedRange(start: string | null, end: string | null): boolean {
  return start === null || end === null || start <= end;
}

/**
 * The cycle a page opens on when none is named: the one holding `today`, else the latest one that
 * started before it, else the first listed. The one default for imports, uploads and the overview.
 */
export function currentCycle<C extends CycleDates>(cycles: readonly C[], today: string): C | undefined {
  const started = cycles
    .filter((cycle) => cycle.startDate <= today)
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    cycles.find((cycle) => cycle.startDate <= today && today <= cycle.endDate) ?? started[0] ?? cycles[0]
  );
}
