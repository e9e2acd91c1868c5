import { CADENCES, type Cadence } from './staleness';

/** One reminder occurrence: the units of `cadence` are reminded at `at`. */
export interface ReminderOccurrence {
  cadence: Cadence;
  at: Date;
  /** The occurrence's day (YYYY-MM-DD, UTC): its key and the digest's "as of". */
  day: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The latest reminder of each cadence at or before `now`: units checking in weekly are reminded
 * on Mondays, monthly ones on the first of the month, both at `hour`:00 UTC. Pure: the caller
 * passes the clock, so a test can stand just before or after an occurrence.
 * @example latestReminders(new Date('2026-12-02T10:00:00Z'), 9)
 *   // [{ cadence: 'weekly', day: '2026-11-30', … }, { cadence: 'monthly', day: '2026-12-01', … }]
 */
export function latestReminders(now: Date, hour: number): ReminderOccurrence[] {
  const todayAt = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour);
  const lastDailyAt = todayAt <= now.getTime() ? todayAt : todayAt - DAY_MS;
  const daily = new Date(lastDailyAt);
  const sinceMonday = (daily.getUTCDay() + 6) % 7;
  const weekly = new Date(lastDailyAt - sinceMonday * DAY_MS);
  let monthly = new Date(Date.UTC(daily.getUTCFullYear(), daily.getUTCMonth(), 1, hour));
  if (monthly.getTime() > now.getTime())
    monthly = new Date(Date.UTC(daily.getUTCFullYear(), daily.getUTCMonth() - 1, 1, hour));
  const at: Record<Cadence, Date> = { weekly, monthly };
  return CADENCES.map((cadence) => ({
    cadence,
    at: at[cadence],
    day: at[cadence].toISOString().slice(0, 10),
  }));
}
