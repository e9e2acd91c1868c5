import type { Db } from '../store';
import type { Row } from '../versioned';
import { rowsWhereIn } from './rows-where';

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
export function matricesOfUnits(db: Db, unitIds: readonly string[]): Promise<Row<'xMatrices'>[]> {
  return rowsWhereIn(db, 'xMatrices', 'unitId', unitIds);
}

/** The items of these matrices, in list order (position). */
export function itemsOfMatrices(db: Db, matrixIds: readonly string[]): Promise<Row<'matrixItems'>[]> {
  return rowsWhereIn(db, 'matrixItems', 'matrixId', matrixIds, ['position']);
}

/** The correlations of these matrices, by id. */
export function correlationsOfMatrices(db: Db, matrixIds: readonly string[]): Promise<Row<'correlations'>[]> {
  return rowsWhereIn(db, 'correlations', 'matrixId', matrixIds, ['id']);
}

/** A correlation mark as the analyses read it: which two items, in which grid, how strong. */
export type Mark = Pick<Row<'correlations'>, 'id' | 'matrixId' | 'grid' | 'fromId' | 'toId' | 'strength'>;

/**
 * The marks of these matrices, by id, without their bookkeeping columns: on the embedded store,
 * reading a dense 200-item matrix's version and timestamps costs twice what the marks do.
 */
export async function marksOfMatrices(db: Db, matrixIds: readonly string[]): Promise<Mark[]> {
  if (matrixIds.length === 0) return [];
  return db
    .selectFrom('correlations')
    .select(['id', 'matrixId', 'grid', 'fromId', 'toId', 'strength'])
    .where('matrixId', 'in', [...matrixIds])
    .orderBy('id')
    .execute();
}

/** The ownerships of these matrices, by id. */
export function ownershipsOfMatrices(db: Db, matrixIds: readonly string[]): Promise<Row<'ownerships'>[]> {
  return rowsWhereIn(db, 'ownerships', 'matrixId', matrixIds, ['id']);
}

/** The impacts of these matrices' initiatives, in list order (position, then id). */
export function impactsOfMatrices(db: Db, matrixIds: readonly string[]): Promise<Row<'initiativeImpacts'>[]> {
  return rowsWhereIn(db, 'initiativeImpacts', 'matrixId', matrixIds, ['position', 'id']);
}

/** The efforts of these matrices' initiatives, in list order (position, then id). */
export function effortsOfMatrices(db: Db, matrixIds: readonly string[]): Promise<Row<'initiativeEfforts'>[]> {
  return rowsWhereIn(db, 'initiativeEfforts', 'matrixId', matrixIds, ['position', 'id']);
}
