import type { Db } from '../store';
import type { Row } from '../versioned';
import { rowsWhereIn } from './rows-where';

/**
 * Named queries of the OKR aggregate: objectives and their key results. Each takes the handle or
 * transaction to run on; services own the transactions.
 */

/** The key results of these objectives, in list order (position); none for no objectives. */
export function keyResultsOfObjectives(
  db: Db,
  objectiveIds: readonly string[],
): Promise<Row<'keyResults'>[]> {
  return rowsWhereIn(db, 'keyResults', 'objectiveId', objectiveIds, ['position']);
}

/** The objectives of one cycle, in list order. */
export function objectivesOfCycle(db: Db, cycleId: string): Promise<Row<'objectives'>[]> {
  return rowsWhereIn(db, 'objectives', 'cycleId', [cycleId], ['position']);
}

/** The objectives of these units (of one cycle when given), in list order; none for no units. */
export async function objectivesOfUnits(
  db: Db,
  unitIds: readonly string[],
  cycleId?: string,
): Promise<Row<'objectives'>[]> {
  const objectives = await rowsWhereIn(db, 'objectives', 'unitId', unitIds, ['position']);
  return cycleId === undefined ? objectives : objectives.filter((objective) => objective.cycleId === cycleId);
}
