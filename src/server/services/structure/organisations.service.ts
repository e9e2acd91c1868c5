import { DEFAULT_PART_NAMES } from '../../../core/x-matrix-parts';
import { DomainError } from '../../../core/errors';
import type { CreateOrganisationInput, Organisation, UpdateOrganisationInput } from '../../../contracts';
import type { Db } from '../../db/store';
import { deleteVersioned, findRow, getRow, toJson, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { presentOrganisation } from '../../presenters/organisation.presenter';

/** Organisations: the top of everything; deleting one removes all it holds. */
export function createOrganisationsService(db: Db) {
  return {
    async list(): Promise<Organisation[]> {
      const rows = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
      return rows.map(presentOrganisation);
    },

    async get(id: string): Promise<Organisation> {
      return presentOrganisation(await getRow(db, 'organisations', id));
    },

    /** Creates an organisation; `adminUserId` (its creator) becomes its organisation-wide admin. */
    async create(
      input: CreateOrganisationInput,
      options: { adminUserId?: string } = {},
    ): Promise<Organisation> {
      const id = input.id ?? newId('org');
      if (await findRow(db, 'organisations', id)) {
        throw new DomainError('already_exists', `An organisation with id ${id} already exists`, { id });
      }
      const row = await db
        .insertInto('organisations')
        .values({
          id,
          name: input.name,
          partNames: toJson({ ...DEFAULT_PART_NAMES, ...input.partNames }),
          horizonYears: input.horizonYears ?? 3,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (options.adminUserId !== undefined)
        await db
          .insertInto('roleAssignments')
          .values({
            id: newId('role'),
            organisationId: id,
            unitId: null,
            userId: options.adminUserId,
            role: 'admin',
          })
          .execute();
      return presentOrganisation(row);
    },

    async update(id: string, input: UpdateOrganisationInput): Promise<Organisation> {
      const current = presentOrganisation(await getRow(db, 'organisations', id));
      const row = await updateVersioned(
        db,
        'organisations',
        id,
        input.version,
        {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.partNames === undefined
            ? {}
            : { partNames: toJson({ ...current.partNames, ...input.partNames }) }),
          ...(input.horizonYears === undefined ? {} : { horizonYears: input.horizonYears }),
        },
        presentOrganisation,
      );
      return presentOrganisation(row);
    },

    async remove(id: string, version: number): Promise<void> {
      await deleteVersioned(db, 'organisations', id, version, presentOrganisation);
    },
  };
}
