import { isStale, resolveCadence } from '../../../core/staleness';
import type { StaleItem } from '../../../contracts';
import type { Db } from '../../db/store';
import { effectiveReadings, type ExecutionData } from './execution-data';
import { readingAsOf, type Snapshot } from '../../../core/execution-snapshot';

/** Items of some units checked against their cadence: the stale ones, and how many had a recent check-in. */
export interface StaleScan {
  stale: StaleItem[];
  recent: number;
}

/**
 * Key results (from the snapshot) and KPIs (of the units' X-matrices for the cycle's year) of
 * `unitIds`, each judged by its unit's cadence, inherited down the tree. A key result measured by
 * KPIs is never due itself: its value follows them, so the reminder goes to the KPIs' owners.
 */
export async function scanStaleItems(
  db: Db,
  data: ExecutionData,
  snapshot: Snapshot,
  unitIds: ReadonlySet<string>,
): Promise<StaleScan> {
  const parentOf = new Map(data.units.map((unit) => [unit.id, unit.parentId]));
  const cadenceOf = (unitId: string) => resolveCadence(unitId, parentOf, data.cadences).cadence;
  const stale: StaleItem[] = [];
  let recent = 0;
  for (const objective of data.objectives) {
    if (!unitIds.has(objective.unitId)) continue;
    for (const kr of data.keyResults.filter((k) => k.objectiveId === objective.id)) {
      const view = snapshot.keyResults.get(kr.id);
      if (!view || data.input.measures?.has(kr.id)) continue;
      if (!view.stale) {
        recent++;
        continue;
      }
      stale.push({
        kind: 'key_result',
        id: kr.id,
        title: kr.title,
        unitId: objective.unitId,
        ownerId: kr.ownerId,
        lastCheckIn: view.lastCheckIn,
        cadence: cadenceOf(objective.unitId),
      });
    }
  }
  const kpis =
    unitIds.size === 0
      ? []
      : await db
          .selectFrom('matrixItems')
          .innerJoin('xMatrices', 'xMatrices.id', 'matrixItems.matrixId')
          .select(['matrixItems.id', 'matrixItems.title', 'matrixItems.ownerId', 'xMatrices.unitId'])
          .where('xMatrices.unitId', 'in', [...unitIds])
          .where('xMatrices.year', '=', data.cycle.year)
          .where('matrixItems.part', '=', 'how_much')
          .orderBy('xMatrices.unitId')
          .orderBy('matrixItems.position')
          .execute();
  const readings = await effectiveReadings(
    db,
    'kpiItemId',
    kpis.map((kpi) => kpi.id),
  );
  for (const kpi of kpis) {
    const cadence = cadenceOf(kpi.unitId);
    const last = readingAsOf(readings.get(kpi.id), snapshot.asOf)?.date ?? null;
    if (!isStale({ lastCheckIn: last, today: snapshot.asOf, cadence, since: data.cycle.startDate })) {
      recent++;
      continue;
    }
    stale.push({ kind: 'kpi', ...kpi, lastCheckIn: last, cadence });
  }
  return { stale, recent };
}
