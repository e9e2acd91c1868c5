import { sql } from 'kysely';
import { currentValue, readingAsOf } from '../../../core/execution-snapshot';
import type { Issue } from '../../../core/errors';
import { keyResultsMeasuredBy, measuringKpis } from '../../db/repositories/measure.repository';
import type { Db } from '../../db/store';
import { effectiveReadings, loadMeasures } from './execution-data';

/** The KPIs measuring each of these key results, as `<KPI> (<unit>)` for messages. */
export async function measuredKeyResults(
  db: Db,
  keyResultIds: readonly string[],
): Promise<Map<string, string[]>> {
  const named = new Map<string, string[]>();
  for (const row of await measuringKpis(db, keyResultIds))
    named.set(row.keyResultId, [...(named.get(row.keyResultId) ?? []), `${row.title} (${row.unitName})`]);
  return named;
}

/**
 * The issue of a manual check-in on a key result its KPIs measure, not sent as an override. The
 * words serve the check-in form, the upload and the API alike: the KPIs by name and unit, and the
 * way out (the form's override box is the API's `override: true`).
 */
export function measuredIssue(path: string, _keyResultId: string, kpis: readonly string[]): Issue {
  const list = kpis.length === 1 ? `the KPI ${kpis[0] ?? ''}` : `the KPIs ${kpis.join(', ')}`;
  return {
    path,
    message: `this key result follows ${list}; check in on ${kpis.length === 1 ? 'that KPI' : 'those KPIs'} instead, or record a manual value over ${kpis.length === 1 ? 'it' : 'them'} as an explicit override (override: true)`,
  };
}

/**
 * Sets the stored `current` of the key results measured by these KPIs (and of the given key
 * results, if measured) to the value the snapshot computes for `today`, in the caller's
 * transaction; the update's change notification then reaches every view of those key results.
 */
export async function refreshMeasuredKeyResults(
  trx: Db,
  kpiIds: readonly string[],
  keyResultIds: readonly string[],
  today: string,
): Promise<void> {
  const ids = [...new Set([...(await keyResultsMeasuredBy(trx, kpiIds)), ...keyResultIds])];
  if (ids.length === 0) return;
  const keyResults = await trx
    .selectFrom('keyResults')
    .innerJoin('objectives', 'objectives.id', 'keyResults.objectiveId')
    .innerJoin('cycles', 'cycles.id', 'objectives.cycleId')
    .select([
      'keyResults.id',
      'keyResults.current',
      'keyResults.measureRule',
      'keyResults.measureWeights',
      'cycles.year',
    ])
    .where('keyResults.id', 'in', ids)
    .execute();
  const readings = await effectiveReadings(trx, 'keyResultId', ids);
  for (const year of new Set(keyResults.map((kr) => kr.year))) {
    const ofYear = keyResults.filter((kr) => kr.year === year);
    const { measures, kpiReadings } = await loadMeasures(trx, ofYear, year);
    for (const kr of ofYear) {
      if (!measures.has(kr.id)) continue;
      const own = readings.get(kr.id);
      const value = currentValue(kr, { measures, kpiReadings }, own, readingAsOf(own, today), today);
      // Bumped even when the value is unchanged: the new date (staleness) must reach its viewers.
      await trx
        .updateTable('keyResults')
        .set((eb) => ({
          current: value.current,
          version: eb('version', '+', 1),
          updatedAt: sql<string>`now()`,
        }))
        .where('id', '=', kr.id)
        .execute();
    }
  }
}
