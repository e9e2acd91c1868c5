import type { Db } from '../store';
import type { Row } from '../versioned';
import { rowsWhereIn } from './rows-where';

/**
 * Named queries of the organisation aggregate: organisations, their units, people and cycles.
 * Each takes the handle or transaction to run on; services own the transactions.
 */

/** Every unit of an organisation, in list order (position, then name). */
export function unitsOfOrganisation(db: Db, organisationId: string): Promise<Row<'units'>[]> {
  return rowsWhereIn(db, 'units', 'organisationId', [organisationId], ['position', 'name']);
}

/** Every person of an organisation, in list order (position, then name). */
export function peopleOfOrganisation(db: Db, organisationId: string): Promise<Row<'people'>[]> {
  return rowsWhereIn(db, 'people', 'organisationId', [organisationId], ['position', 'name']);
}

/** Every cycle of an organisation, by year, then position. */
export function cyclesOfOrganisation(db: Db, organisationId: string): Promise<Row<'cycles'>[]> {
  return rowsWhereIn(db, 'cycles', 'organisationId', [organisationId], ['year', 'position']);
}

/** The count a `count(*) AS count` query answered (PostgreSQL's bigint arrives as text). */
const counted = (row: { count: string | number | bigint } | undefined): number => Number(row?.count ?? 0);

/** What hangs off a unit: its child units, objectives and X-matrices (a delete would cascade to them). */
export async function dependentsOfUnit(
  db: Db,
  unitId: string,
): Promise<{ units: number; objectives: number; matrices: number }> {
  const [units, objectives, matrices] = await Promise.all([
    db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('parentId', '=', unitId)
      .executeTakeFirst(),
    db
      .selectFrom('objectives')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('unitId', '=', unitId)
      .executeTakeFirst(),
    db
      .selectFrom('xMatrices')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('unitId', '=', unitId)
      .executeTakeFirst(),
  ]);
  return { units: counted(units), objectives: counted(objectives), matrices: counted(matrices) };
}

/** How many objectives a cycle holds. */
export async function objectivesOfCycleCount(db: Db, cycleId: string): Promise<number> {
  const row = await db
    .selectFrom('objectives')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('cycleId', '=', cycleId)
    .executeTakeFirst();
  return counted(row);
}
