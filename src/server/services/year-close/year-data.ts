import { annualObjectiveProgress, kpiProgress, type RolloverSourceItem } from '../../../core/rollover';
import { DomainError } from '../../../core/errors';
import { effectiveCheckIns } from '../../db/repositories/check-in.repository';
import { itemsOfMatrices, marksOfMatrices } from '../../db/repositories/matrix.repository';
import type { Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import type { Db } from '../../db/store';
import { getRow, type Row } from '../../db/versioned';

/** A matrix's year as the review and the roll-over read it: items with final values, its cycle. */
export interface YearData {
  matrix: Row<'xMatrices'>;
  organisationId: string;
  cycle: Row<'cycles'> | undefined;
  closure: Selectable<Database['cycleClosures']> | undefined;
  items: Row<'matrixItems'>[];
  sources: RolloverSourceItem[];
}

/** The organisation's cycle of a year (the first by position when there are several). */
export function cycleOfYear(
  db: Db,
  organisationId: string,
  year: number,
): Promise<Row<'cycles'> | undefined> {
  return db
    .selectFrom('cycles')
    .selectAll()
    .where('organisationId', '=', organisationId)
    .where('year', '=', year)
    .orderBy('position')
    .executeTakeFirst();
}

export function closureOf(
  db: Db,
  cycleId: string,
): Promise<Selectable<Database['cycleClosures']> | undefined> {
  return db.selectFrom('cycleClosures').selectAll().where('cycleId', '=', cycleId).executeTakeFirst();
}

/** Reads one matrix's year: each KPI's latest effective value, each annual objective's progress. */
export async function loadYear(db: Db, matrixId: string): Promise<YearData> {
  const matrix = await getRow(db, 'xMatrices', matrixId);
  const unit = await getRow(db, 'units', matrix.unitId);
  const cycle = await cycleOfYear(db, unit.organisationId, matrix.year);
  const closure = cycle ? await closureOf(db, cycle.id) : undefined;
  const items = await itemsOfMatrices(db, [matrixId]);
  const marks = await marksOfMatrices(db, [matrixId]);
  const kpiRows = items.filter((item) => item.part === 'how_much');
  const finals = new Map<string, number>();
  // Oldest first: the last one seen is the latest.
  for (const row of await effectiveCheckIns(
    db,
    'kpiItemId',
    kpiRows.map((kpi) => kpi.id),
  )) {
    if (row.itemId !== null) finals.set(row.itemId, row.value);
  }
  const base = (item: Row<'matrixItems'>): RolloverSourceItem => ({
    id: item.id,
    part: item.part,
    title: item.title,
    direction: item.direction,
    baseline: item.baseline,
    target: item.target,
    targetHigh: item.targetHigh,
    status: item.status,
    final: finals.get(item.id) ?? null,
    progress: null,
  });
  const kpis = kpiRows.map((kpi) => ({
    id: kpi.id,
    sourceKeyResultId: kpi.sourceKeyResultId,
    progress: kpiProgress(base(kpi)),
  }));
  const sources = items.map((item) =>
    item.part === 'how_far'
      ? { ...base(item), progress: annualObjectiveProgress(item, kpis, marks) }
      : base(item),
  );
  return { matrix, organisationId: unit.organisationId, cycle, closure, items, sources };
}

/** @throws DomainError not_found when the matrix's year has no cycle in its organisation. */
export function requireCycle(data: YearData): Row<'cycles'> {
  if (!data.cycle) {
    throw new DomainError('not_found', `The organisation has no cycle for ${data.matrix.year}`);
  }
  return data.cycle;
}
