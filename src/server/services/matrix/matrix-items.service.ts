import { DomainError, validationError } from '../../../core/errors';
import { checkItem, defaultMonthlyPlan, findForeignFields, type ItemFields } from '../../../core/matrix-item';
import type { MatrixPart } from '../../../core/x-matrix-parts';
import type {
  CreateMatrixItemInput,
  MatrixItem,
  ReorderInput,
  UpdateMatrixItemInput,
} from '../../../contracts';
import type { Db } from '../../db/store';
import {
  deleteVersioned,
  findRow,
  getRow,
  nextPosition,
  toJson,
  updateVersioned,
  type Row,
} from '../../db/versioned';
import { newId } from '../../ids';
import { recordTargetChange } from '../catchball/target-history';
import { presentItem } from '../../presenters/matrix.presenter';
import { assertInOrganisation, organisationOfUnit, referenceError } from '../structure/references';

/** Items of the five parts: add, edit, reorder and delete, each checked against its part's rules. */
export function createMatrixItemsService(db: Db) {
  async function organisationOfMatrix(matrixId: string): Promise<string> {
    const matrix = await getRow(db, 'xMatrices', matrixId);
    return organisationOfUnit(db, matrix.unitId);
  }

  /** References an item makes must stay inside the matrix's organisation. */
  async function assertReferences(
    organisationId: string,
    input: CreateMatrixItemInput | UpdateMatrixItemInput,
  ) {
    if (input.personId) await assertInOrganisation(db, 'people', input.personId, organisationId, 'personId');
    if (input.ownerId) await assertInOrganisation(db, 'people', input.ownerId, organisationId, 'ownerId');
    if (input.teamUnitId)
      await assertInOrganisation(db, 'units', input.teamUnitId, organisationId, 'teamUnitId');
    if (input.sourceObjectiveId) {
      const source = await findRow(db, 'objectives', input.sourceObjectiveId);
      if (!source || (await organisationOfUnit(db, source.unitId)) !== organisationId)
        throw referenceError('objectives', input.sourceObjectiveId, 'sourceObjectiveId');
    }
    if (input.sourceKeyResultId) {
      const source = await findRow(db, 'keyResults', input.sourceKeyResultId);
      const objective = source && (await findRow(db, 'objectives', source.objectiveId));
      if (!objective || (await organisationOfUnit(db, objective.unitId)) !== organisationId)
        throw referenceError('keyResults', input.sourceKeyResultId, 'sourceKeyResultId');
    }
  }

  async function whoTitle(input: CreateMatrixItemInput): Promise<string | undefined> {
    if (input.personId) return (await findRow(db, 'people', input.personId))?.name;
    if (input.teamUnitId) return (await findRow(db, 'units', input.teamUnitId))?.name;
    return undefined;
  }

  function assertValid(part: MatrixPart, input: Record<string, unknown>, merged: ItemFields) {
    const issues = [...findForeignFields(part, input), ...checkItem(part, merged)];
    if (issues.length > 0) throw validationError(issues, `The ${part} item is not valid`);
  }

  return {
    async get(id: string): Promise<MatrixItem> {
      return presentItem(await getRow(db, 'matrixItems', id));
    },

    async create(matrixId: string, input: CreateMatrixItemInput): Promise<MatrixItem> {
      const organisationId = await organisationOfMatrix(matrixId);
      await assertReferences(organisationId, input);
      const title = input.title ?? (input.part === 'who' ? await whoTitle(input) : undefined);
      if (!title) throw validationError([{ path: 'title', message: 'is required' }]);
      const baseline = input.baseline ?? null;
      const target = input.target ?? null;
      const fields: ItemFields = {
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        direction: input.part === 'how_much' ? (input.direction ?? 'increase') : null,
        baseline,
        target,
        targetHigh: input.targetHigh ?? null,
        monthlyPlan:
          input.part === 'how_much' ? (input.monthlyPlan ?? defaultMonthlyPlan(baseline, target)) : null,
        personId: input.personId ?? null,
        teamUnitId: input.teamUnitId ?? null,
      };
      assertValid(input.part, input, fields);
      const id = input.id ?? newId(input.part.replace('_', ''));
      if (await findRow(db, 'matrixItems', id))
        throw new DomainError('already_exists', `A matrix item with id ${id} already exists`);
      const siblings = await db
        .selectFrom('matrixItems')
        .select('position')
        .where('matrixId', '=', matrixId)
        .where('part', '=', input.part)
        .execute();
      const row = await db
        .insertInto('matrixItems')
        .values({
          id,
          matrixId,
          part: input.part,
          title,
          description: input.description ?? '',
          position: nextPosition(siblings),
          sourceObjectiveId: input.sourceObjectiveId ?? null,
          targetYear: input.targetYear ?? null,
          sourceKeyResultId: input.sourceKeyResultId ?? null,
          effortPersonDays: input.effortPersonDays ?? null,
          requiredSkills: toJson(input.requiredSkills ?? []),
          status: input.part === 'how' ? (input.status ?? 'planned') : null,
          deliveryProbability: input.deliveryProbability ?? 1,
          unitOfMeasure: input.unitOfMeasure ?? '',
          ownerId: input.ownerId ?? null,
          ...fields,
          monthlyPlan: toJson(fields.monthlyPlan),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentItem(row);
    },

    async update(id: string, input: UpdateMatrixItemInput): Promise<MatrixItem> {
      const current: Row<'matrixItems'> = await getRow(db, 'matrixItems', id);
      await assertReferences(await organisationOfMatrix(current.matrixId), input);
      const pick = <K extends keyof ItemFields>(key: K): ItemFields[K] =>
        (input[key] === undefined ? current[key] : input[key]) as ItemFields[K];
      const merged: ItemFields = {
        startDate: pick('startDate'),
        endDate: pick('endDate'),
        direction: pick('direction'),
        baseline: pick('baseline'),
        target: pick('target'),
        targetHigh: pick('targetHigh'),
        monthlyPlan: pick('monthlyPlan'),
        personId: pick('personId'),
        teamUnitId: pick('teamUnitId'),
      };
      assertValid(current.part, input, merged);
      const { version, requiredSkills, monthlyPlan, ...values } = input;
      const organisationId = await organisationOfMatrix(current.matrixId);
      // A KPI's target keeps its history: the edit and its record land together.
      const row = await db.transaction().execute(async (trx) => {
        const updated = await updateVersioned(
          trx,
          'matrixItems',
          id,
          version,
          {
            ...values,
            ...(requiredSkills === undefined ? {} : { requiredSkills: toJson(requiredSkills) }),
            ...(monthlyPlan === undefined ? {} : { monthlyPlan: toJson(monthlyPlan) }),
          },
          presentItem,
        );
        if (current.part === 'how_much')
          await recordTargetChange(trx, {
            organisationId,
            subject: { kind: 'kpi', id },
            oldTarget: current.target,
            newTarget: updated.target,
            changedBy: null,
            reason: 'Edited',
          });
        return updated;
      });
      return presentItem(row);
    },

    /** Deletes an item with its correlations and ownerships (the store cascades them). */
    async remove(id: string, version: number): Promise<void> {
      await deleteVersioned(db, 'matrixItems', id, version, presentItem);
    },

    /**
     * Puts the items of one part in the given order, in one transaction. `ids` must hold every item
     * of the part exactly once, so a client with a stale list is refused rather than half-applied.
     */
    async reorder(matrixId: string, part: MatrixPart, input: ReorderInput): Promise<MatrixItem[]> {
      await getRow(db, 'xMatrices', matrixId);
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('matrixItems')
          .select('id')
          .where('matrixId', '=', matrixId)
          .where('part', '=', part)
          .forUpdate()
          .execute();
        const known = new Set(rows.map((row) => row.id));
        const given = new Set(input.ids);
        const missing = [...known].filter((id) => !given.has(id));
        const unknown = input.ids.filter((id) => !known.has(id));
        if (missing.length > 0 || unknown.length > 0 || given.size !== input.ids.length) {
          throw validationError(
            [
              ...missing.map((id) => ({ path: 'ids', message: `item ${id} of ${part} is missing` })),
              ...unknown.map((id) => ({
                path: 'ids',
                message: `${id} is not an item of ${part} in this matrix`,
              })),
              ...(given.size !== input.ids.length ? [{ path: 'ids', message: 'an id is listed twice' }] : []),
            ],
            'The new order does not match the items of the part',
          );
        }
        const updated = [];
        for (const [position, id] of input.ids.entries()) {
          updated.push(
            await updateVersioned(
              trx,
              'matrixItems',
              id,
              (await getRow(trx, 'matrixItems', id)).version,
              { position },
              presentItem,
            ),
          );
        }
        return updated.map(presentItem);
      });
    },
  };
}
