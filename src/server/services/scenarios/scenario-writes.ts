import { sql } from 'kysely';
import {
  applyScenario,
  describeScenario,
  EMPTY_SCENARIO,
  type Scenario,
  type WhatIfBasis,
} from '../../../core/what-if';
import type { Db } from '../../db/store';
import { nextPosition, toJson } from '../../db/versioned';
import { newId } from '../../ids';

/**
 * What applying a scenario writes into its matrix, in words and as rows. Impact ranges, efforts and
 * delivery probabilities update the rows they name; a dropped initiative is deleted (its marks,
 * impacts and effort with it: the audit trail keeps them); an added one becomes an initiative with
 * its impacts, effort and a medium mark on each KPI it moves. People belong to the organisation and
 * reach a matrix through its Who block, so their changes stay in the scenario.
 */
export function applyWords(basis: WhatIfBasis, scenario: Scenario): { writes: string[]; kept: string[] } {
  const titleOf = (id: string) => basis.model.initiatives.find((i) => i.id === id)?.title ?? id;
  const planChanges: Scenario = { ...scenario, droppedInitiatives: [], droppedPeople: [], addedPeople: [] };
  return {
    writes: [
      ...scenario.droppedInitiatives.map(
        (id) => `remove ${titleOf(id)} from the matrix, with its marks, impacts and effort`,
      ),
      ...describeScenario(basis, planChanges).map((line) => line.replace(/^adding /, 'add the initiative ')),
    ],
    kept: describeScenario(basis, {
      ...EMPTY_SCENARIO,
      droppedPeople: scenario.droppedPeople,
      addedPeople: scenario.addedPeople,
    }),
  };
}

const bump = { version: sql<number>`version + 1`, updatedAt: sql<string>`now()` };

/** Writes the scenario's plan changes into matrix `matrixId` on `trx` (the caller's transaction). */
export async function writeScenario(
  trx: Db,
  matrixId: string,
  basis: WhatIfBasis,
  scenario: Scenario,
): Promise<void> {
  const added = new Set(scenario.addedInitiatives.map((a) => a.id));
  const { model, capacity } = applyScenario(basis, scenario);

  for (const change of scenario.impacts.filter((c) => !added.has(c.initiativeId))) {
    const range = { low: change.low, likely: change.likely, high: change.high };
    await trx
      .insertInto('initiativeImpacts')
      .values({
        id: newId('imp'),
        matrixId,
        initiativeId: change.initiativeId,
        kpiId: change.kpiId,
        ...range,
        basis: 'absolute',
        startMonth: 1,
        rampMonths: 0,
        position: 0,
      })
      .onConflict((conflict) =>
        conflict.columns(['initiativeId', 'kpiId']).doUpdateSet({
          ...range,
          version: sql<number>`initiative_impacts.version + 1`,
          updatedAt: sql<string>`now()`,
        }),
      )
      .execute();
  }
  for (const [id, probability] of Object.entries(scenario.delivery).filter(([id]) => !added.has(id)))
    await trx
      .updateTable('matrixItems')
      .set({ deliveryProbability: probability, ...bump })
      .where('id', '=', id)
      .where('matrixId', '=', matrixId)
      .execute();
  for (const [key, days] of Object.entries(scenario.effort)) {
    const [id = '', skill = ''] = key.split('|');
    if (added.has(id)) continue;
    const updated = await trx
      .updateTable('initiativeEfforts')
      .set({ personDaysPerMonth: days, ...bump })
      .where('initiativeId', '=', id)
      .where('skill', '=', skill)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n)
      await trx
        .insertInto('initiativeEfforts')
        .values({
          id: newId('eff'),
          matrixId,
          initiativeId: id,
          skill,
          personDaysPerMonth: days,
          fromMonth: 1,
          toMonth: 12,
          position: 0,
        })
        .execute();
  }
  if (scenario.droppedInitiatives.length > 0)
    await trx
      .deleteFrom('matrixItems')
      .where('matrixId', '=', matrixId)
      .where('part', '=', 'how')
      .where('id', 'in', scenario.droppedInitiatives)
      .execute();

  const siblings = await trx
    .selectFrom('matrixItems')
    .select('position')
    .where('matrixId', '=', matrixId)
    .where('part', '=', 'how')
    .execute();
  let position = nextPosition(siblings);
  for (const initiative of scenario.addedInitiatives) {
    const id = newId('how');
    const simulated = model.initiatives.find((i) => i.id === initiative.id);
    await trx
      .insertInto('matrixItems')
      .values({
        id,
        matrixId,
        part: 'how',
        title: initiative.title,
        description: 'Added from a what-if scenario',
        position: position++,
        requiredSkills: toJson([...new Set(initiative.effort.map((e) => e.skill))]),
        status: 'planned',
        deliveryProbability: simulated?.deliveryProbability ?? initiative.deliveryProbability,
        monthlyPlan: toJson(null),
        unitOfMeasure: '',
      })
      .execute();
    for (const impact of simulated?.impacts ?? []) {
      await trx
        .insertInto('initiativeImpacts')
        .values({
          id: newId('imp'),
          matrixId,
          initiativeId: id,
          kpiId: impact.kpi,
          low: impact.low,
          likely: impact.likely,
          high: impact.high,
          basis: impact.basis,
          startMonth: impact.startMonth,
          rampMonths: impact.rampMonths,
          position: 0,
        })
        .execute();
      await trx
        .insertInto('correlations')
        .values({
          id: newId('cor'),
          matrixId,
          grid: 'how_how_much',
          fromId: id,
          toId: impact.kpi,
          strength: 'medium',
        })
        .execute();
    }
    for (const effort of capacity.initiatives.find((i) => i.id === initiative.id)?.effort ?? [])
      await trx
        .insertInto('initiativeEfforts')
        .values({
          id: newId('eff'),
          matrixId,
          initiativeId: id,
          skill: effort.skill,
          personDaysPerMonth: effort.personDaysPerMonth,
          fromMonth: effort.fromMonth,
          toMonth: effort.toMonth,
          position: 0,
        })
        .execute();
  }
}
