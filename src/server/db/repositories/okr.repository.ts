import type { Db } from '../store';
import type { Row } from '../versioned';

/**
 * Named queries of the OKR aggregate: objectives and their key results. Each takes the handle or
 * transaction to run on; services own the transactions.
 */

/** The key results of these objectives, in list order (position); none for no objectives. */
export async function keyResultsOfObjectives(
  db: Db,
  objectiveIds: readonly string[],
): Promise<Row<'keyResults'>[]> {
  if (objectiveIds.length === 0) return [];
  return db
    .selectFrom('keyResults')
    .selectAll()
    .where('objectiveId', 'in', [...objectiveIds])
    .orderBy('position')
    .execute();
}

/** The objectives of one cycle, in list order. */
export async function objectivesOfCycle(db: Db, cycleId: string): Promise<Row<'objectives'>[]> {
  return db.selectFrom('objectives').selectAll().where('cycleId', '=', cycleId).orderBy('position').execute();
}

/** The objectives of these units (of one cycle when given), in list order; none for no units. */
export async function objectivesOfUnits(
  db: Db,
  unitIds: readonly string[],
  cycleId?: string,
): Promise<Row<'objectives'>[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('objectives')
    .selectAll()
    .where('unitId', 'in', [...unitIds])
    .$if(cycleId !== undefined, (query) => query.where('cycleId', '=', cycleId ?? ''))
    .orderBy('position')
    .execute();
}
