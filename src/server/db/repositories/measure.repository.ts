import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../schema';
import type { Db } from '../store';

/** The part a measuring KPI is in: How Much, translated from the key result. */
const MEASURING_PART = 'how_much';

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
    .where('i.part', '=', MEASURING_PART)
    .where('i.sourceKeyResultId', 'in', [...new Set(keyResultIds)]);
  if (year !== undefined) query = query.where('m.year', '=', year);
  const rows = await query.orderBy('u.name').orderBy('i.position').orderBy('i.id').execute();
  return rows.flatMap((row) => (row.keyResultId === null ? [] : [{ ...row, keyResultId: row.keyResultId }]));
}

/**
 * Whether a KPI of any year measures the key result of a query's `keyResults` row, by the rule
 * of {@link measuringKpis}: one expression, so a lookup can carry it rather than ask again.
 */
export function hasMeasuringKpi(
  eb: ExpressionBuilder<Database & { keyResults: Database['keyResults'] }, 'keyResults'>,
) {
  return eb.exists(
    eb
      .selectFrom('matrixItems as measuring')
      .innerJoin('xMatrices as measuringMatrix', 'measuringMatrix.id', 'measuring.matrixId')
      .select('measuring.id')
      .where('measuring.part', '=', MEASURING_PART)
      .whereRef('measuring.sourceKeyResultId', '=', 'keyResults.id'),
  );
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
