import { assertTargetConsistent } from '../../../core/key-result';
import { DomainError } from '../../../core/errors';
import type {
  CreateKeyResultInput,
  CreateObjectiveInput,
  KeyResult,
  Objective,
  ObjectiveWithKeyResults,
  UpdateKeyResultInput,
  UpdateObjectiveInput,
} from '../../../contracts';
import { keyResultsOfObjectives, objectivesOfUnits } from '../../db/repositories/okr.repository';
import type { Db } from '../../db/store';
import { deleteVersioned, findRow, getRow, nextPosition, toJson, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { recordTargetChange } from '../catchball/target-history';
import { presentKeyResult, presentObjective, presentOkrs } from '../../presenters/okr.presenter';
import { assertInOrganisation, organisationOfUnit, referenceError } from '../structure/references';

/** OKRs: objectives per unit and cycle, with their key results; alignment stays inside one organisation. */
export function createOkrsService(db: Db) {
  async function assertAlignment(
    organisationId: string,
    alignedObjectiveId: string | null | undefined,
    alignedKeyResultId: string | null | undefined,
  ): Promise<void> {
    if (alignedObjectiveId) {
      const parent = await findRow(db, 'objectives', alignedObjectiveId);
      if (!parent || (await organisationOfUnit(db, parent.unitId)) !== organisationId)
        throw referenceError('objectives', alignedObjectiveId, 'alignedObjectiveId');
    }
    if (alignedKeyResultId) {
      const kr = await findRow(db, 'keyResults', alignedKeyResultId);
      const parent = kr && (await findRow(db, 'objectives', kr.objectiveId));
      if (!parent || (await organisationOfUnit(db, parent.unitId)) !== organisationId)
        throw referenceError('keyResults', alignedKeyResultId, 'alignedKeyResultId');
    }
  }

  return {
    async listByUnit(unitId: string, cycleId?: string): Promise<ObjectiveWithKeyResults[]> {
      await getRow(db, 'units', unitId);
      const objectives = await objectivesOfUnits(db, [unitId], cycleId || undefined);
      const keyResults = await keyResultsOfObjectives(
        db,
        objectives.map((o) => o.id),
      );
      return presentOkrs(objectives, keyResults);
    },

    async getObjective(id: string): Promise<ObjectiveWithKeyResults> {
      const objective = await getRow(db, 'objectives', id);
      const keyResults = await keyResultsOfObjectives(db, [id]);
      const [presented] = presentOkrs([objective], keyResults);
      if (!presented) throw new DomainError('not_found', `No objective with id ${id}`);
      return presented;
    },

    async createObjective(input: CreateObjectiveInput): Promise<Objective> {
      const organisationId = await organisationOfUnit(db, input.unitId);
      await assertInOrganisation(db, 'cycles', input.cycleId, organisationId, 'cycleId');
      await assertAlignment(organisationId, input.alignedObjectiveId, input.alignedKeyResultId);
      const id = input.id ?? newId('obj');
      if (await findRow(db, 'objectives', id))
        throw new DomainError('already_exists', `An objective with id ${id} already exists`);
      const siblings = await db
        .selectFrom('objectives')
        .select('position')
        .where('unitId', '=', input.unitId)
        .where('cycleId', '=', input.cycleId)
        .execute();
      const row = await db
        .insertInto('objectives')
        .values({
          id,
          unitId: input.unitId,
          cycleId: input.cycleId,
          title: input.title,
          description: input.description ?? '',
          kind: input.kind ?? 'committed',
          alignedObjectiveId: input.alignedObjectiveId ?? null,
          alignedKeyResultId: input.alignedKeyResultId ?? null,
          position: nextPosition(siblings),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentObjective(row);
    },

    async updateObjective(id: string, input: UpdateObjectiveInput): Promise<Objective> {
      const current = await getRow(db, 'objectives', id);
      if (input.alignedObjectiveId === id)
        throw referenceError('objectives', id, 'alignedObjectiveId', '(an objective cannot align to itself)');
      await assertAlignment(
        await organisationOfUnit(db, current.unitId),
        input.alignedObjectiveId,
        input.alignedKeyResultId,
      );
      const { version, ...values } = input;
      return presentObjective(await updateVersioned(db, 'objectives', id, version, values, presentObjective));
    },

    async removeObjective(id: string, version: number): Promise<void> {
      await deleteVersioned(db, 'objectives', id, version, presentObjective);
    },

    async getKeyResult(id: string): Promise<KeyResult> {
      return presentKeyResult(await getRow(db, 'keyResults', id));
    },

    async createKeyResult(input: CreateKeyResultInput): Promise<KeyResult> {
      const objective = await getRow(db, 'objectives', input.objectiveId);
      const organisationId = await organisationOfUnit(db, objective.unitId);
      if (input.ownerId) await assertInOrganisation(db, 'people', input.ownerId, organisationId, 'ownerId');
      const id = input.id ?? newId('kr');
      if (await findRow(db, 'keyResults', id))
        throw new DomainError('already_exists', `A key result with id ${id} already exists`);
      const values = {
        kind: input.kind ?? 'increase',
        baseline: input.baseline ?? null,
        target: input.target ?? null,
        targetHigh: input.targetHigh ?? null,
        milestones: input.milestones ?? [],
      };
      assertTargetConsistent(values);
      const siblings = await keyResultsOfObjectives(db, [input.objectiveId]);
      const row = await db
        .insertInto('keyResults')
        .values({
          id,
          objectiveId: input.objectiveId,
          title: input.title,
          ...values,
          milestones: toJson(values.milestones),
          unitOfMeasure: input.unitOfMeasure ?? '',
          current: input.current ?? null,
          weight: input.weight ?? 1,
          ownerId: input.ownerId ?? null,
          confidence: input.confidence ?? null,
          dueDate: input.dueDate ?? null,
          ...(input.measureRule === undefined ? {} : { measureRule: input.measureRule }),
          ...(input.measureWeights === undefined ? {} : { measureWeights: toJson(input.measureWeights) }),
          position: nextPosition(siblings),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentKeyResult(row);
    },

    async updateKeyResult(id: string, input: UpdateKeyResultInput): Promise<KeyResult> {
      const current = await getRow(db, 'keyResults', id);
      const objective = await getRow(db, 'objectives', current.objectiveId);
      if (input.ownerId)
        await assertInOrganisation(
          db,
          'people',
          input.ownerId,
          await organisationOfUnit(db, objective.unitId),
          'ownerId',
        );
      assertTargetConsistent({
        kind: input.kind ?? current.kind,
        baseline: input.baseline === undefined ? current.baseline : input.baseline,
        target: input.target === undefined ? current.target : input.target,
        targetHigh: input.targetHigh === undefined ? current.targetHigh : input.targetHigh,
        milestones: input.milestones ?? current.milestones,
      });
      const { version, milestones, measureWeights, ...values } = input;
      const organisationId = await organisationOfUnit(db, objective.unitId);
      // The target's history keeps every value it has had; edits are recorded with the change.
      const row = await db.transaction().execute(async (trx) => {
        const updated = await updateVersioned(
          trx,
          'keyResults',
          id,
          version,
          {
            ...values,
            ...(milestones === undefined ? {} : { milestones: toJson(milestones) }),
            ...(measureWeights === undefined ? {} : { measureWeights: toJson(measureWeights) }),
          },
          presentKeyResult,
        );
        await recordTargetChange(trx, {
          organisationId,
          subject: { kind: 'key_result', id },
          oldTarget: current.target,
          newTarget: updated.target,
          changedBy: null,
          reason: 'Edited',
        });
        return updated;
      });
      return presentKeyResult(row);
    },

    async removeKeyResult(id: string, version: number): Promise<void> {
      await deleteVersioned(db, 'keyResults', id, version, presentKeyResult);
    },
  };
}
