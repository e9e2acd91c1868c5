import type { Db } from '../store';
import type { Row } from '../versioned';

/**
 * Named queries of the matrix aggregate: X-matrices, their items, correlations, ownerships, and
 * the initiatives' impacts and efforts. Each takes the handle or transaction to run on; services
 * own the transactions. The `…OfMatrices` queries return nothing for no matrices.
 */

/** A unit's X-matrix of one year, if it has one (there is at most one). */
export async function matrixOfUnitYear(
  db: Db,
  unitId: string,
  year: number,
): Promise<Row<'xMatrices'> | undefined> {
  return db
    .selectFrom('xMatrices')
    .selectAll()
    .where('unitId', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The X-matrices of these units, every year. */
export async function matricesOfUnits(db: Db, unitIds: readonly string[]): Promise<Row<'xMatrices'>[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('xMatrices')
    .selectAll()
    .where('unitId', 'in', [...unitIds])
    .execute();
}

/** The items of these matrices, in list order (position). */
export async function itemsOfMatrices(db: Db, matrixIds: readonly string[]): Promise<Row<'matrixItems'>[]> {
  if (matrixIds.length === 0) return [];
  return db
    .selectFrom('matrixItems')
    .selectAll()
    .where('matrixId', 'in', [...matrixIds])
    .orderBy('position')
    .execute();
}

/** The correlations of these matrices, by id. */
export async function correlationsOfMatrices(
  db: Db,
  matrixIds: readonly string[],
): Promise<Row<'correlations'>[]> {
  if (matrixIds.length === 0) return [];
  return db
    .selectFrom('correlations')
    .selectAll()
    .where('matrixId', 'in', [...matrixIds])
    .orderBy('id')
    .execute();
}

/** The ownerships of these matrices, by id. */
export async function ownershipsOfMatrices(
  db: Db,
  matrixIds: readonly string[],
): Promise<Row<'ownerships'>[]> {
  if (matrixIds.length === 0) return [];
  return db
    .selectFrom('ownerships')
    .selectAll()
    .where('matrixId', 'in', [...matrixIds])
    .orderBy('id')
    .execute();
}

/** The impacts of these matrices' initiatives, in list order (position, then id). */
export async function impactsOfMatrices(
  db: Db,
  matrixIds: readonly string[],
): Promise<Row<'initiativeImpacts'>[]> {
  if (matrixIds.length === 0) return [];
  return db
    .selectFrom('initiativeImpacts')
    .selectAll()
    .where('matrixId', 'in', [...matrixIds])
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The efforts of these matrices' initiatives, in list order (position, then id). */
export async function effortsOfMatrices(
  db: Db,
  matrixIds: readonly string[],
): Promise<Row<'initiativeEfforts'>[]> {
  if (matrixIds.length === 0) return [];
  return db
    .selectFrom('initiativeEfforts')
    .selectAll()
    .where('matrixId', 'in', [...matrixIds])
    .orderBy('position')
    .orderBy('id')
    .execute();
}
