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
