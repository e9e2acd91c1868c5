import { sql } from 'kysely';
import { DomainError, validationError } from '../../../core/errors';
import { effortRanges } from '../../../core/effort-months';
import { checkEffort, checkImpact } from '../../../core/feasibility';
import type {
  CreateEffortInput,
  CreateImpactInput,
  EffortView,
  ImpactView,
  SetSkillEffortMonthsInput,
  UpdateEffortInput,
  UpdateImpactInput,
} from '../../../contracts';
import type { Db } from '../../db/store';
import {
  deleteVersioned,
  findRow,
  getRow,
  nextPosition,
  updateVersioned,
  type Row,
} from '../../db/versioned';
import { newId } from '../../ids';
import { presentEffort, presentImpact } from '../../presenters/feasibility.presenter';
import { referenceError } from '../structure/references';

/**
 * What each initiative does to KPIs (impacts) and needs from people (effort per skill): the
 * inputs of the pressure test and the capacity view, each versioned like every entity.
 */
export function createInitiativePlansService(db: Db) {
  /** @throws validation_failed when `id` is not an initiative (How item). */
  async function initiative(id: string): Promise<Row<'matrixItems'>> {
    const item = await findRow(db, 'matrixItems', id);
    if (!item || item.part !== 'how')
      throw referenceError('matrixItems', id, 'initiativeId', '(an initiative)');
    return item;
  }

  /** A KPI must be a How Much item of the initiative's own matrix. */
  async function assertKpiOfMatrix(kpiId: string, matrixId: string): Promise<void> {
    const kpi = await findRow(db, 'matrixItems', kpiId);
    if (!kpi || kpi.part !== 'how_much' || kpi.matrixId !== matrixId)
      throw referenceError('matrixItems', kpiId, 'kpiId', `(a KPI of matrix ${matrixId})`);
  }

  const assertValid = (issues: { path: string; message: string }[], what: string) => {
    if (issues.length > 0) throw validationError(issues, `The ${what} is not valid`);
  };

  return {
    impacts: {
      async listByInitiative(initiativeId: string): Promise<ImpactView[]> {
        await initiative(initiativeId);
        const rows = await db
          .selectFrom('initiativeImpacts')
          .selectAll()
          .where('initiativeId', '=', initiativeId)
          .orderBy('position')
          .execute();
        return rows.map(presentImpact);
      },
      async get(id: string): Promise<ImpactView> {
        return presentImpact(await getRow(db, 'initiativeImpacts', id));
      },
      async create(input: CreateImpactInput): Promise<ImpactView> {
        const item = await initiative(input.initiativeId);
        await assertKpiOfMatrix(input.kpiId, item.matrixId);
        const values = {
          low: input.low,
          likely: input.likely,
          high: input.high,
          basis: input.basis ?? 'absolute',
          startMonth: input.startMonth ?? 1,
          rampMonths: input.rampMonths ?? 0,
        };
        assertValid(checkImpact(values), 'impact');
        const siblings = await db
          .selectFrom('initiativeImpacts')
          .select(['position', 'kpiId'])
          .where('initiativeId', '=', item.id)
          .execute();
        if (siblings.some((row) => row.kpiId === input.kpiId))
          throw new DomainError(
            'already_exists',
            `Initiative ${item.id} already states its impact on ${input.kpiId}; update that one`,
          );
        const id = input.id ?? newId('imp');
        if (await findRow(db, 'initiativeImpacts', id))
          throw new DomainError('already_exists', `An impact with id ${id} already exists`);
        const row = await db
          .insertInto('initiativeImpacts')
          .values({
            id,
            matrixId: item.matrixId,
            initiativeId: item.id,
            kpiId: input.kpiId,
            position: nextPosition(siblings),
            ...values,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return presentImpact(row);
      },
      async update(id: string, input: UpdateImpactInput): Promise<ImpactView> {
        const current = await getRow(db, 'initiativeImpacts', id);
        const { version, ...changes } = input;
        assertValid(checkImpact({ ...current, ...withoutUndefined(changes) }), 'impact');
        return presentImpact(
          await updateVersioned(db, 'initiativeImpacts', id, version, changes, presentImpact),
        );
      },
      async remove(id: string, version: number): Promise<void> {
        await deleteVersioned(db, 'initiativeImpacts', id, version, presentImpact);
      },
    },

    efforts: {
      async listByInitiative(initiativeId: string): Promise<EffortView[]> {
        await initiative(initiativeId);
        const rows = await db
          .selectFrom('initiativeEfforts')
          .selectAll()
          .where('initiativeId', '=', initiativeId)
          .orderBy('position')
          .execute();
        return rows.map(presentEffort);
      },
      async get(id: string): Promise<EffortView> {
        return presentEffort(await getRow(db, 'initiativeEfforts', id));
      },
      async create(input: CreateEffortInput): Promise<EffortView> {
        const item = await initiative(input.initiativeId);
        const values = {
          skill: input.skill,
          personDaysPerMonth: input.personDaysPerMonth,
          fromMonth: input.fromMonth ?? 1,
          toMonth: input.toMonth ?? 12,
        };
        assertValid(checkEffort(values), 'effort');
        const id = input.id ?? newId('eff');
        if (await findRow(db, 'initiativeEfforts', id))
          throw new DomainError('already_exists', `An effort with id ${id} already exists`);
        const siblings = await db
          .selectFrom('initiativeEfforts')
          .select('position')
          .where('initiativeId', '=', item.id)
          .execute();
        const row = await db
          .insertInto('initiativeEfforts')
          .values({
            id,
            matrixId: item.matrixId,
            initiativeId: item.id,
            position: nextPosition(siblings),
            ...values,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return presentEffort(row);
      },
      async update(id: string, input: UpdateEffortInput): Promise<EffortView> {
        const current = await getRow(db, 'initiativeEfforts', id);
        const { version, ...changes } = input;
        assertValid(checkEffort({ ...current, ...withoutUndefined(changes) }), 'effort');
        return presentEffort(
          await updateVersioned(db, 'initiativeEfforts', id, version, changes, presentEffort),
        );
      },
      async remove(id: string, version: number): Promise<void> {
        await deleteVersioned(db, 'initiativeEfforts', id, version, presentEffort);
      },
      /**
       * Replaces every row of each named skill with the runs of its months (a month grid), all in
       * one transaction: the initiative never shows half a grid. Skills not named stay.
       */
      async setSkillMonths(initiativeId: string, input: SetSkillEffortMonthsInput): Promise<EffortView[]> {
        const item = await initiative(initiativeId);
        await db.transaction().execute(async (trx) => {
          // Serialise two grids of the same initiative, so neither interleaves the other's rows.
          await sql`SELECT pg_advisory_xact_lock(hashtext(${`efforts|${item.id}`}))`.execute(trx);
          const skills = input.skills.map((row) => row.skill);
          await trx
            .deleteFrom('initiativeEfforts')
            .where('initiativeId', '=', item.id)
            .where('skill', 'in', skills)
            .execute();
          const siblings = await trx
            .selectFrom('initiativeEfforts')
            .select('position')
            .where('initiativeId', '=', item.id)
            .execute();
          const first = nextPosition(siblings);
          const rows = input.skills.flatMap((row) =>
            effortRanges(row.months).map((range) => ({ skill: row.skill, ...range })),
          );
          if (rows.length === 0) return;
          await trx
            .insertInto('initiativeEfforts')
            .values(
              rows.map((row, index) => ({
                id: newId('eff'),
                matrixId: item.matrixId,
                initiativeId: item.id,
                position: first + index,
                ...row,
              })),
            )
            .execute();
        });
        const rows = await db
          .selectFrom('initiativeEfforts')
          .selectAll()
          .where('initiativeId', '=', item.id)
          .orderBy('position')
          .execute();
        return rows.map(presentEffort);
      },
    },
  };
}

/** Drops keys whose value is undefined, so a partial update merges over the current row. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
