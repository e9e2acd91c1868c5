import type { Db } from '../store';

/** A KPI measuring a key result: a How Much item translated from it, in a matrix of the key result's year. */
export interface MeasuringKpiRow {
  keyResultId: string;
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  unitOfMeasure: string;
}

/**
 * The KPIs measuring these key results (matrix_items.source_key_result_id, the link translation
 * writes), in the X-matrices of `year`, in unit then matrix order.
 */
export async function measuringKpis(
  db: Db,
  keyResultIds: readonly string[],
  year?: number,
): Promise<MeasuringKpiRow[]> {
  if (keyResultIds.length === 0) return [];
  let query = db
    .selectFrom('matrixItems as i')
    .innerJoin('xMatrices as m', 'm.id', 'i.matrixId')
    .innerJoin('units as u', 'u.id', 'm.unitId')
    .select([
      'i.sourceKeyResultId as keyResultId',
      'i.id',
      'i.title',
      'm.unitId',
      'u.name as unitName',
      'i.unitOfMeasure',
    ])
    .where('i.part', '=', 'how_much')
    .where('i.sourceKeyResultId', 'in', [...new Set(keyResultIds)]);
  if (year !== undefined) query = query.where('m.year', '=', year);
  const rows = await query.orderBy('u.name').orderBy('i.position').orderBy('i.id').execute();
  return rows.flatMap((row) => (row.keyResultId === null ? [] : [{ ...row, keyResultId: row.keyResultId }]));
}

/** The key results these KPIs measure. */
export async function keyResultsMeasuredBy(db: Db, kpiIds: readonly string[]): Promise<string[]> {
  if (kpiIds.length === 0) return [];
  const rows = await db
    .selectFrom('matrixItems')
    .select('sourceKeyResultId')
    .where('id', 'in', [...new Set(kpiIds)])
    .where('part', '=', 'how_much')
    .where('sourceKeyResultId', 'is not', null)
    .execute();
  return [...new Set(rows.flatMap((row) => (row.sourceKeyResultId ? [row.sourceKeyResultId] : [])))];
}
