import type { Db } from '../store';
import type { Row } from '../versioned';

/**
 * Named queries of saved what-if scenarios (migration 0016). Each takes the handle or transaction
 * to run on; the scenarios service owns the transactions and parses the jsonb columns.
 */

/** A scenario row with the name of the person who saved it. */
export type ScenarioRow = Row<'whatIfScenarios'> & { createdByName: string | null };

const withAuthor = (db: Db) =>
  db
    .selectFrom('whatIfScenarios')
    .leftJoin('people', 'people.id', 'whatIfScenarios.createdBy')
    .selectAll('whatIfScenarios')
    .select('people.name as createdByName');

/** A matrix's scenarios, newest first. */
export function scenariosOfMatrix(db: Db, matrixId: string): Promise<ScenarioRow[]> {
  return withAuthor(db)
    .where('whatIfScenarios.matrixId', '=', matrixId)
    .orderBy('whatIfScenarios.createdAt', 'desc')
    .orderBy('whatIfScenarios.id', 'desc')
    .execute();
}

export function findScenario(db: Db, id: string): Promise<ScenarioRow | undefined> {
  return withAuthor(db).where('whatIfScenarios.id', '=', id).executeTakeFirst();
}

/** Whether another scenario of the matrix already has this name (names are unique per matrix). */
export async function scenarioNameTaken(
  db: Db,
  matrixId: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  let query = db
    .selectFrom('whatIfScenarios')
    .select('id')
    .where('matrixId', '=', matrixId)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertScenario(
  db: Db,
  row: {
    id: string;
    matrixId: string;
    name: string;
    changes: string;
    replaced: string;
    summary: string;
    createdBy: string | null;
  },
): Promise<void> {
  await db.insertInto('whatIfScenarios').values(row).execute();
}

/** Marks a scenario applied (now), bumping its version. */
export async function markScenarioApplied(db: Db, id: string): Promise<void> {
  await db
    .updateTable('whatIfScenarios')
    .set((eb) => ({ appliedAt: new Date(), version: eb('version', '+', 1), updatedAt: new Date() }))
    .where('id', '=', id)
    .execute();
}
