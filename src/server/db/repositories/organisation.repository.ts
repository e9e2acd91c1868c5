import type { Db } from '../store';
import type { Row } from '../versioned';

/**
 * Named queries of the organisation aggregate: organisations, their units, people and cycles.
 * Each takes the handle or transaction to run on; services own the transactions.
 */

/** Every unit of an organisation, in list order (position, then name). */
export async function unitsOfOrganisation(db: Db, organisationId: string): Promise<Row<'units'>[]> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('organisationId', '=', organisationId)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

/** Every person of an organisation, in list order (position, then name). */
export async function peopleOfOrganisation(db: Db, organisationId: string): Promise<Row<'people'>[]> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('organisationId', '=', organisationId)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

/** Every cycle of an organisation, by year, then position. */
export async function cyclesOfOrganisation(db: Db, organisationId: string): Promise<Row<'cycles'>[]> {
  return db
    .selectFrom('cycles')
    .selectAll()
    .where('organisationId', '=', organisationId)
    .orderBy('year')
    .orderBy('position')
    .execute();
}
