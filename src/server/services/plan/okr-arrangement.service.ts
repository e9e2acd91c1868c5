import { DomainError } from '../../../core/errors';
import type {
  CloneObjectiveInput,
  KeyResult,
  MoveKeyResultInput,
  MoveObjectiveInput,
  Objective,
  ObjectiveWithKeyResults,
} from '../../../contracts';
import { keyResultsOfObjectives } from '../../db/repositories/okr.repository';
import type { Db } from '../../db/store';
import { getRow, nextPosition, toJson, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { presentKeyResult, presentObjective, presentOkrs } from '../../presenters/okr.presenter';
import { assertInOrganisation, organisationOfUnit } from '../structure/references';

/** `moved` placed at `position` (clamped to the list) among `others`, as ids in their new order. */
function placed(others: readonly { id: string }[], moved: string, position: number | undefined): string[] {
  const ids = others.map((row) => row.id);
  const at = Math.min(position ?? ids.length, ids.length);
  ids.splice(at, 0, moved);
  return ids;
}

/**
 * Where objectives and key results sit: their order, moves between cycles and objectives, and
 * clones into the next cycle. Each call renumbers the list it changes (0, 1, 2…) in the same
 * transaction as the move, so an order is never half-written. Renumbered siblings keep their
 * version: their content did not change, and a concurrent edit of one should not conflict.
 */
export function createOkrArrangementService(db: Db) {
  async function renumber(
    trx: Db,
    table: 'objectives' | 'keyResults',
    order: readonly string[],
    skip: string,
  ): Promise<void> {
    for (const [position, id] of order.entries())
      if (id !== skip) await trx.updateTable(table).set({ position }).where('id', '=', id).execute();
  }

  /** The organisation's first cycle starting after `cycleId` does, or a refusal naming `cycleId`. */
  async function nextCycle(cycleId: string): Promise<string> {
    const cycle = await getRow(db, 'cycles', cycleId);
    const next = await db
      .selectFrom('cycles')
      .select('id')
      .where('organisationId', '=', cycle.organisationId)
      .where('startDate', '>', cycle.startDate)
      .orderBy('startDate')
      .executeTakeFirst();
    if (next) return next.id;
    const message = `no cycle starts after ${cycle.name}: create the next cycle first, or name one`;
    throw new DomainError('validation_failed', `The input is not valid: cycleId: ${message}`, {
      issues: [{ path: 'cycleId', message }],
    });
  }

  return {
    async moveObjective(id: string, input: MoveObjectiveInput): Promise<Objective> {
      const current = await getRow(db, 'objectives', id);
      const cycleId = input.cycleId ?? current.cycleId;
      const changesCycle = cycleId !== current.cycleId;
      if (changesCycle)
        await assertInOrganisation(
          db,
          'cycles',
          cycleId,
          await organisationOfUnit(db, current.unitId),
          'cycleId',
        );
      const others = await db
        .selectFrom('objectives')
        .select('id')
        .where('unitId', '=', current.unitId)
        .where('cycleId', '=', cycleId)
        .where('id', '!=', id)
        .orderBy('position')
        .orderBy('id')
        .execute();
      const order = placed(others, id, input.position);
      const row = await db.transaction().execute(async (trx) => {
        // The parent unit's OKRs of another cycle are others: an alignment does not travel.
        const moved = await updateVersioned(
          trx,
          'objectives',
          id,
          input.version,
          {
            cycleId,
            position: order.indexOf(id),
            ...(changesCycle ? { alignedObjectiveId: null, alignedKeyResultId: null } : {}),
          },
          presentObjective,
        );
        await renumber(trx, 'objectives', order, id);
        return moved;
      });
      return presentObjective(row);
    },

    async moveKeyResult(id: string, input: MoveKeyResultInput): Promise<KeyResult> {
      const current = await getRow(db, 'keyResults', id);
      const objectiveId = input.objectiveId ?? current.objectiveId;
      if (objectiveId !== current.objectiveId) {
        const from = await getRow(db, 'objectives', current.objectiveId);
        const to = await db
          .selectFrom('objectives')
          .selectAll()
          .where('id', '=', objectiveId)
          .executeTakeFirst();
        if (!to || to.unitId !== from.unitId) {
          const message = `no objective with id ${objectiveId} in unit ${from.unitId}`;
          throw new DomainError('validation_failed', `The input is not valid: objectiveId: ${message}`, {
            issues: [{ path: 'objectiveId', message }],
          });
        }
      }
      const others = (await keyResultsOfObjectives(db, [objectiveId])).filter((kr) => kr.id !== id);
      const order = placed(others, id, input.position);
      const row = await db.transaction().execute(async (trx) => {
        const moved = await updateVersioned(
          trx,
          'keyResults',
          id,
          input.version,
          { objectiveId, position: order.indexOf(id) },
          presentKeyResult,
        );
        await renumber(trx, 'keyResults', order, id);
        return moved;
      });
      return presentKeyResult(row);
    },

    /**
     * Copies an objective and its key results into another cycle, last in the unit's list there:
     * kinds, units, baselines, targets, weights, owners and milestones kept; no current value,
     * confidence or check-ins (the new cycle has measured nothing yet) and no alignment (the
     * parent's OKRs of that cycle are others).
     */
    async cloneObjective(id: string, input: CloneObjectiveInput): Promise<ObjectiveWithKeyResults> {
      const source = await getRow(db, 'objectives', id);
      const organisationId = await organisationOfUnit(db, source.unitId);
      const cycleId = input.cycleId ?? (await nextCycle(source.cycleId));
      await assertInOrganisation(db, 'cycles', cycleId, organisationId, 'cycleId');
      const krs = await keyResultsOfObjectives(db, [id]);
      const siblings = await db
        .selectFrom('objectives')
        .select('position')
        .where('unitId', '=', source.unitId)
        .where('cycleId', '=', cycleId)
        .execute();
      const position = nextPosition(siblings);
      return db.transaction().execute(async (trx) => {
        const objective = await trx
          .insertInto('objectives')
          .values({
            id: newId('obj'),
            unitId: source.unitId,
            cycleId,
            title: source.title,
            description: source.description,
            kind: source.kind,
            alignedObjectiveId: null,
            alignedKeyResultId: null,
            position,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const copies = [];
        for (const [index, kr] of krs.entries())
          copies.push(
            await trx
              .insertInto('keyResults')
              .values({
                id: newId('kr'),
                objectiveId: objective.id,
                title: kr.title,
                kind: kr.kind,
                unitOfMeasure: kr.unitOfMeasure,
                baseline: kr.baseline,
                target: kr.target,
                targetHigh: kr.targetHigh,
                milestones: toJson(kr.milestones),
                current: null,
                weight: kr.weight,
                ownerId: kr.ownerId,
                confidence: null,
                dueDate: null,
                position: index,
              })
              .returningAll()
              .executeTakeFirstOrThrow(),
          );
        const [presented] = presentOkrs([objective], copies);
        if (!presented) throw new DomainError('invariant_violated', 'The clone was not written');
        return presented;
      });
    },
  };
}
