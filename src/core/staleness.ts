import { addDays, daysBetween } from './calendar';

/** How often a unit checks in: weekly for quarterly OKRs, monthly for annual ones. */
export const CADENCES = ['weekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const DEFAULT_CADENCE: Cadence = 'monthly';

/** Days an item may go without a check-in before it is stale; a month allows its longest length. */
export const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, monthly: 31 };

/**
 * An item is stale when its last check-in is older than its cadence on `today`; an item never
 * checked in is stale once a cadence has passed since `since` (the cycle's start), not before.
 */
export function isStale(input: {
  lastCheckIn: string | null;
  today: string;
  cadence: Cadence;
  since: string;
}): boolean {
  const from = input.lastCheckIn ?? input.since;
  return daysBetween(from, input.today) > CADENCE_DAYS[input.cadence];
}

/** The date after which an item with this last check-in becomes stale. */
export function staleAfter(lastCheckIn: string, cadence: Cadence): string {
  return addDays(lastCheckIn, CADENCE_DAYS[cadence]);
}

/**
 * A unit's cadence: its own, else the nearest ancestor's, else {@link DEFAULT_CADENCE}.
 * Parent links that loop stop the walk instead of looping forever.
 */
export function resolveCadence(
  unitId: string,
  parentOf: ReadonlyMap<string, string | null>,
  ownCadence: ReadonlyMap<string, Cadence>,
): { cadence: Cadence; from: string | null } {
  const seen = new Set<string>();
  let current: string | null | undefined = unitId;
  while (current != null && !seen.has(current)) {
    seen.add(current);
    const cadence = ownCadence.get(current);
    if (cadence) return { cadence, from: current };
    current = parentOf.get(current);
  }
  return { cadence: DEFAULT_CADENCE, from: null };
}
