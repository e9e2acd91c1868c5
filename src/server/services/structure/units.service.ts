import { DomainError } from '../../../core/errors';
import { deleteRefusal } from '../../../core/dependents';
import { findParentCycles } from '../../../core/unit-tree';
import type { CreateUnitInput, Unit, UpdateUnitInput } from '../../../contracts';
import { dependentsOfUnit, unitsOfOrganisation } from '../../db/repositories/organisation.repository';
import type { Db } from '../../db/store';
import { deleteVersioned, getRow, findRow, nextPosition, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { presentUnit } from '../../presenters/organisation.presenter';
import { assertInOrganisation } from './references';

/** Units form one tree per organisation; a move that would make a unit its own ancestor is refused. */
export function createUnitsService(db: Db) {
  return {
    async listByOrganisation(organisationId: string): Promise<Unit[]> {
      await getRow(db, 'organisations', organisationId);
      return (await unitsOfOrganisation(db, organisationId)).map(presentUnit);
    },

    async get(id: string): Promise<Unit> {
      return presentUnit(await getRow(db, 'units', id));
    },

    async create(input: CreateUnitInput): Promise<Unit> {
      await getRow(db, 'organisations', input.organisationId);
      const id = input.id ?? newId('unit');
      if (await findRow(db, 'units', id))
        throw new DomainError('already_exists', `A unit with id ${id} already exists`);
      const parentId = input.parentId ?? null;
      if (parentId) await assertInOrganisation(db, 'units', parentId, input.organisationId, 'parentId');
      if (input.ownerId)
        await assertInOrganisation(db, 'people', input.ownerId, input.organisationId, 'ownerId');
      const siblings = await db
        .selectFrom('units')
        .select('position')
        .where('organisationId', '=', input.organisationId)
        .where('parentId', parentId === null ? 'is' : '=', parentId)
        .execute();
      const row = await db
        .insertInto('units')
        .values({
          id,
          organisationId: input.organisationId,
          parentId,
          name: input.name,
          ownerId: input.ownerId ?? null,
          position: nextPosition(siblings),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentUnit(row);
    },

    async update(id: string, input: UpdateUnitInput): Promise<Unit> {
      const current = await getRow(db, 'units', id);
      if (input.parentId) {
        await assertInOrganisation(db, 'units', input.parentId, current.organisationId, 'parentId');
        const units = await unitsOfOrganisation(db, current.organisationId);
        const moved = units.map((unit) =>
          unit.id === id ? { ...unit, parentId: input.parentId ?? null } : unit,
        );
        const cycles = findParentCycles(moved);
        if (cycles.length > 0) {
          throw new DomainError(
            'invariant_violated',
            `Moving unit ${id} under ${input.parentId} would make it its own ancestor (${cycles[0]?.join(' → ') ?? ''})`,
            { cycle: cycles[0] },
          );
        }
      }
      if (input.ownerId)
        await assertInOrganisation(db, 'people', input.ownerId, current.organisationId, 'ownerId');
      const { version, ...values } = input;
      return presentUnit(await updateVersioned(db, 'units', id, version, values, presentUnit));
    },

    /**
     * Deletes a unit that nothing hangs off; one with units below it, objectives or X-matrices is
     * refused naming them (the store would cascade to all of them).
     */
    async remove(id: string, version: number): Promise<void> {
      const unit = await getRow(db, 'units', id);
      const dependents = await dependentsOfUnit(db, id);
      const refusal = deleteRefusal(unit.name, [
        { count: dependents.units, one: 'unit below it', many: 'units below it' },
        { count: dependents.objectives, one: 'objective', many: 'objectives' },
        { count: dependents.matrices, one: 'an X-matrix', many: 'X-matrices' },
      ]);
      // A stale version is answered first (409 with the current state), as for every delete.
      if (refusal && unit.version === version)
        throw new DomainError('invariant_violated', refusal, { dependents });
      await deleteVersioned(db, 'units', id, version, presentUnit);
    },
  };
}
