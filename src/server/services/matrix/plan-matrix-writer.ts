import { orientCorrelation } from '../../../core/correlation';
import type { PlanMatrix } from '../../../contracts';
import type { Db } from '../../db/store';
import { insertInChunks } from '../../db/chunked';
import type { Database } from '../../db/schema';
import { toJson } from '../../db/versioned';
import { newId } from '../../ids';

type Names = { people: ReadonlyMap<string, string>; units: ReadonlyMap<string, string> };
type Rows = Record<string, unknown>[];

/** The tables a matrix goes to, parents first: the order rows are written in. */
const MATRIX_TABLES = [
  'xMatrices',
  'matrixItems',
  'correlations',
  'ownerships',
  'initiativeImpacts',
  'initiativeEfforts',
] as const satisfies readonly (keyof Database)[];

/**
 * Writes already-validated X-matrices of a plan document: each matrix, its items in display
 * order, its correlations (oriented the way their grid stores them), owners, impacts and efforts.
 * Who items take the name of their person or team as title. Rows of all matrices go out together,
 * table by table, in statements sized by {@link insertInChunks}; `onRows` hears how many rows
 * have been written of `total` after each statement. Run it inside the caller's transaction.
 */
export async function insertPlanMatrices(
  db: Db,
  matrices: readonly PlanMatrix[],
  names: Names,
  onRows?: (written: number, total: number) => void,
): Promise<{ items: number; correlations: number; owners: number; rows: number }> {
  const byTable = new Map<(typeof MATRIX_TABLES)[number], Rows>(MATRIX_TABLES.map((t) => [t, []]));
  for (const m of matrices)
    for (const [table, rows] of Object.entries(matrixRows(m, names)) as [
      (typeof MATRIX_TABLES)[number],
      Rows,
    ][])
      for (const row of rows) byTable.get(table)?.push(row);
  const total = [...byTable.values()].reduce((n, rows) => n + rows.length, 0);
  let before = 0;
  for (const table of MATRIX_TABLES) {
    const rows = byTable.get(table) ?? [];
    const offset = before;
    await insertInChunks(db, table, rows, (written) => onRows?.(offset + written, total));
    before += rows.length;
  }
  return {
    items: byTable.get('matrixItems')?.length ?? 0,
    correlations: byTable.get('correlations')?.length ?? 0,
    owners: byTable.get('ownerships')?.length ?? 0,
    rows: total,
  };
}

/** One matrix of a plan document: see {@link insertPlanMatrices}. */
export async function insertPlanMatrix(
  db: Db,
  m: PlanMatrix,
  names: Names,
  onRows?: (written: number, total: number) => void,
): Promise<{ items: number; correlations: number; owners: number }> {
  return insertPlanMatrices(db, [m], names, onRows);
}

/** The rows of one matrix, by table. */
function matrixRows(m: PlanMatrix, names: Names): Record<(typeof MATRIX_TABLES)[number], Rows> {
  const matrix = [{ id: m.id, unitId: m.unitId, year: m.year, trueNorth: m.trueNorth }];
  const base = (it: { id: string; title: string; description: string }, position: number) => ({
    id: it.id,
    title: it.title,
    description: it.description,
    position,
  });
  const rows = [
    ...m.what.map((it, position) => ({
      ...base(it, position),
      part: 'what',
      sourceObjectiveId: it.sourceObjectiveId,
      targetYear: it.targetYear,
      sourceItemId: it.sourceItemId,
    })),
    ...m.howFar.map((it, position) => ({
      ...base(it, position),
      part: 'how_far',
      sourceKeyResultId: it.sourceKeyResultId,
      sourceItemId: it.sourceItemId,
    })),
    ...m.how.map((it, position) => ({
      ...base(it, position),
      part: 'how',
      startDate: it.startDate,
      endDate: it.endDate,
      effortPersonDays: it.effortPersonDays,
      requiredSkills: toJson(it.requiredSkills),
      status: it.status,
      deliveryProbability: it.deliveryProbability,
    })),
    ...m.howMuch.map((it, position) => ({
      ...base(it, position),
      part: 'how_much',
      unitOfMeasure: it.unitOfMeasure,
      direction: it.direction,
      baseline: it.baseline,
      target: it.target,
      targetHigh: it.targetHigh,
      monthlyPlan: toJson(it.monthlyPlan),
      ownerId: it.ownerId,
      sourceKeyResultId: it.sourceKeyResultId,
    })),
    ...m.who.map((it, position) => ({
      id: it.id,
      part: 'who',
      title: (it.personId ? names.people.get(it.personId) : names.units.get(it.teamUnitId ?? '')) ?? it.id,
      position,
      personId: it.personId,
      teamUnitId: it.teamUnitId,
    })),
  ].map((row) => ({ matrixId: m.id, ...row }));
  const partOf = new Map(rows.map((row) => [row.id, row.part as 'what']));
  return {
    xMatrices: matrix,
    matrixItems: rows,
    correlations: m.correlations.map((c) => {
      const oriented = orientCorrelation(
        { id: c.from, part: partOf.get(c.from) ?? 'what' },
        { id: c.to, part: partOf.get(c.to) ?? 'what' },
      );
      return {
        id: newId('cor'),
        matrixId: m.id,
        grid: oriented.grid,
        fromId: oriented.from.id,
        toId: oriented.to.id,
        strength: c.strength,
      };
    }),
    ownerships: m.owners.map((o) => ({
      id: newId('own'),
      matrixId: m.id,
      initiativeId: o.initiative,
      whoId: o.who,
      role: o.role,
    })),
    initiativeImpacts: m.how.flatMap((it) =>
      it.impacts.map((impact, position) => ({
        id: newId('imp'),
        matrixId: m.id,
        initiativeId: it.id,
        kpiId: impact.kpi,
        low: impact.low,
        likely: impact.likely,
        high: impact.high,
        basis: impact.basis,
        startMonth: impact.startMonth,
        rampMonths: impact.rampMonths,
        position,
      })),
    ),
    initiativeEfforts: m.how.flatMap((it) =>
      it.effort.map((effort, position) => ({
        id: newId('eff'),
        matrixId: m.id,
        initiativeId: it.id,
        ...effort,
        position,
      })),
    ),
  };
}
