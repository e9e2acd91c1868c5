import { endOfMonth } from '../../core/calendar';
import { mulberry32 } from '../../core/random';
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema';
import type { Db } from '../db/store';
import {
  DEMO_COUNTERMEASURES,
  DEMO_KPI_DEVIATIONS,
  DEMO_KR_FEEDS,
  DEMO_YEAR,
  type KrFeed,
} from './demo-year-data';

/** Months of check-ins the demo records: January to October. */
const MONTHS = 10;

/** The months whose forecast from actuals the demo records for the CSO's matrix, as each month ended. */
export const DEMO_FORECAST_MONTHS: readonly number[] = Array.from({ length: MONTHS }, (_, m) => m + 1);

const round1 = (value: number): number => Math.round(value * 10) / 10;

type Row = Insertable<Database['checkIns']>;

/** KPI actuals: the month's plan moved by the scripted deviation (positive = better than plan). */
function kpiActuals(plans: Map<string, { plan: (number | null)[]; direction: string | null }>) {
  const actuals = new Map<string, (number | null)[]>();
  for (const [kpiId, deviations] of Object.entries(DEMO_KPI_DEVIATIONS)) {
    const kpi = plans.get(kpiId);
    if (!kpi) continue;
    const sign = kpi.direction === 'increase' ? 1 : -1;
    actuals.set(
      kpiId,
      deviations.slice(0, MONTHS).map((deviation, month) => {
        const plan = kpi.plan[month] ?? null;
        return deviation === null || plan === null ? null : round1(plan * (1 + sign * deviation));
      }),
    );
  }
  return actuals;
}

function krValue(feed: KrFeed, month: number, kpis: Map<string, (number | null)[]>): number | null {
  switch (feed.from.kind) {
    case 'kpi':
      return kpis.get(feed.from.kpiId)?.[month] ?? null;
    case 'steps':
      return feed.from.values[month] ?? null;
  }
}

/**
 * Records the demo organisation's 2026 year: monthly check-ins from January to October on the
 * CSO's KPIs (with red months; the CIO's key results they measure follow them) and on the other
 * key results of the CIO and the CSO (two of them left stale),
 * countermeasures on red months, and check-in cadences. Everything in one transaction; it does
 * nothing when the demo's items are missing or already have check-ins, so it can run again.
 * @returns true when it recorded the year.
 */
export async function recordDemoYear(db: Db): Promise<boolean> {
  const kpiIds = Object.keys(DEMO_KPI_DEVIATIONS);
  const items = await db
    .selectFrom('matrixItems')
    .select(['id', 'monthlyPlan', 'direction', 'sourceKeyResultId'])
    .where('id', 'in', kpiIds)
    .execute();
  if (items.length !== kpiIds.length) return false;
  const existing = await db
    .selectFrom('checkIns')
    .select('id')
    .where('kpiItemId', 'in', kpiIds)
    .limit(1)
    .execute();
  if (existing.length > 0) return false;

  const random = mulberry32(DEMO_YEAR);
  const kpis = kpiActuals(
    new Map(items.map((item) => [item.id, { plan: item.monthlyPlan ?? [], direction: item.direction }])),
  );
  const rows: Row[] = [];
  const date = (month: number) => endOfMonth(DEMO_YEAR, month + 1);
  for (const [kpiId, values] of kpis)
    values.forEach((value, month) => {
      if (value !== null)
        rows.push({
          id: `demo-${kpiId}-${month + 1}`,
          keyResultId: null,
          kpiItemId: kpiId,
          value,
          confidence: null,
          comment: '',
          checkInDate: date(month),
          authorId: null,
          source: 'demo',
        });
    });
  // A key result its KPI measures (translated from it) follows the KPI's check-ins: it gets none of its own.
  const measures = new Map(items.map((item) => [item.id, item.sourceKeyResultId]));
  const latest = new Map<string, { value: number; confidence: number }>();
  for (const feed of DEMO_KR_FEEDS)
    for (let month = 0; month < Math.min(MONTHS, feed.lastMonth); month++) {
      const value = krValue(feed, month, kpis);
      if (value === null) continue;
      const confidence =
        Math.round(Math.min(1, Math.max(0, feed.confidence + (random() - 0.5) * 0.1)) * 100) / 100;
      latest.set(feed.keyResultId, { value, confidence });
      if (feed.from.kind === 'kpi' && measures.get(feed.from.kpiId) === feed.keyResultId) continue;
      rows.push({
        id: `demo-${feed.keyResultId}-${month + 1}`,
        keyResultId: feed.keyResultId,
        kpiItemId: null,
        value,
        confidence,
        comment: feed.comments?.[month] ?? '',
        checkInDate: date(month),
        authorId: feed.authorId,
        source: 'demo',
      });
    }

  await db.transaction().execute(async (trx) => {
    await trx.insertInto('checkIns').values(rows).execute();
    for (const [keyResultId, { value, confidence }] of latest)
      await trx
        .updateTable('keyResults')
        .set((eb) => ({ current: value, confidence, version: eb('version', '+', 1) }))
        .where('id', '=', keyResultId)
        .execute();
    await trx.insertInto('countermeasures').values(DEMO_COUNTERMEASURES).execute();
    await trx
      .insertInto('unitSettings')
      .values([
        { unitId: 'cio', checkInCadence: 'monthly' },
        { unitId: 'secops', checkInCadence: 'weekly' },
      ])
      .execute();
    await trx.insertInto('kpiThresholds').values({ kpiItemId: 'cso-k4', tolerancePercent: 10 }).execute();
  });
  return true;
}
