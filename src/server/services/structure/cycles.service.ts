import { defaultCycleDates, isOrderedRange } from '../../../core/cycle';
import { deleteRefusal } from '../../../core/dependents';
import { DomainError, validationError } from '../../../core/errors';
import type { CreateCycleInput, Cycle, UpdateCycleInput } from '../../../contracts';
import { cyclesOfOrganisation, objectivesOfCycleCount } from '../../db/repositories/organisation.repository';
import type { Db } from '../../db/store';
import { deleteVersioned, findRow, getRow, nextPosition, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { presentCycle } from '../../presenters/organisation.presenter';

/** Cycles: a year and its quarters; dates default to the calendar year. */
export function createCyclesService(db: Db) {
  return {
    async listByOrganisation(organisationId: string): Promise<Cycle[]> {
      await getRow(db, 'organisations', organisationId);
      return (await cyclesOfOrganisation(db, organisationId)).map(presentCycle);
    },

    async get(id: string): Promise<Cycle> {
      return presentCycle(await getRow(db, 'cycles', id));
    },

    async create(input: CreateCycleInput): Promise<Cycle> {
      await getRow(db, 'organisations', input.organisationId);
      const id = input.id ?? newId('cycle');
      if (await findRow(db, 'cycles', id))
        throw new DomainError('already_exists', `A cycle with id ${id} already exists`);
      const defaults = defaultCycleDates(input.year);
      const startDate = input.startDate ?? defaults.startDate;
      const endDate = input.endDate ?? defaults.endDate;
      if (!isOrderedRange(startDate, endDate))
        throw validationError([
          { path: 'endDate', message: `ends (${endDate}) before it starts (${startDate})` },
        ]);
      const others = await db
        .selectFrom('cycles')
        .select('position')
        .where('organisationId', '=', input.organisationId)
        .execute();
      const row = await db
        .insertInto('cycles')
        .values({
          id,
          organisationId: input.organisationId,
          name: input.name ?? String(input.year),
          year: input.year,
          startDate,
          endDate,
          position: nextPosition(others),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentCycle(row);
    },

    async update(id: string, input: UpdateCycleInput): Promise<Cycle> {
      const current = await getRow(db, 'cycles', id);
      const { version, ...values } = input;
      if (!isOrderedRange(values.startDate ?? current.startDate, values.endDate ?? current.endDate))
        throw validationError([{ path: 'endDate', message: 'the cycle would end before it starts' }]);
      return presentCycle(await updateVersioned(db, 'cycles', id, version, values, presentCycle));
    },

    /** Deletes a cycle without objectives; one with objectives is refused naming how many. */
    async remove(id: string, version: number): Promise<void> {
      const cycle = await getRow(db, 'cycles', id);
      const objectives = await objectivesOfCycleCount(db, id);
      const refusal = deleteRefusal(cycle.name, [
        { count: objectives, one: 'objective', many: 'objectives' },
      ]);
      // A stale version is answered first (409 with the current state), as for every delete.
      if (refusal && cycle.version === version)
        throw new DomainError('invariant_violated', refusal, { dependents: { objectives } });
      await deleteVersioned(db, 'cycles', id, version, presentCycle);
    },
  };
}
