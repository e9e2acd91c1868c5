import { orientCorrelation } from '../../../core/correlation';
import type { PlanMatrix } from '../../../contracts';
import type { Db } from '../../db/store';
import { toJson, type VersionedTable } from '../../db/versioned';
import { newId } from '../../ids';

/**
 * Inserts rows in chunks that keep each statement well under the 65,535 bind-parameter limit.
 * Callers run it inside their transaction.
 */
export async function insertChunked(
  db: Db,
  table: VersionedTable,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto(table as 'units')
      .values(rows.slice(i, i + 500) as never)
      .execute();
}

/**
 * Writes one already-validated X-matrix of a plan document: the matrix, its items in display
 * order, its correlations (oriented the way their grid stores them) and its owners. Who items
 * take the name of their person or team as title. Run it inside the caller's transaction.
 */
export async function insertPlanMatrix(
  db: Db,
  m: PlanMatrix,
  names: { people: ReadonlyMap<string, string>; units: ReadonlyMap<string, string> },
): Promise<{ items: number; correlations: number; owners: number }> {
  await insertChunked(db, 'xMatrices', [
    { id: m.id, unitId: m.unitId, year: m.year, trueNorth: m.trueNorth },
  ]);
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
  await insertChunked(db, 'matrixItems', rows);
  const partOf = new Map(rows.map((row) => [row.id, row.part as 'what']));
  await insertChunked(
    db,
    'correlations',
    m.correlations.map((c) => {
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
  );
  await insertChunked(
    db,
    'ownerships',
    m.owners.map((o) => ({
      id: newId('own'),
      matrixId: m.id,
      initiativeId: o.initiative,
      whoId: o.who,
      role: o.role,
    })),
  );
  await insertChunked(
    db,
    'initiativeImpacts',
    m.how.flatMap((it) =>
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
  );
  await insertChunked(
    db,
    'initiativeEfforts',
    m.how.flatMap((it) =>
      it.effort.map((effort, position) => ({
        id: newId('eff'),
        matrixId: m.id,
        initiativeId: it.id,
        ...effort,
        position,
      })),
    ),
  );
  return { items: rows.length, correlations: m.correlations.length, owners: m.owners.length };
}
