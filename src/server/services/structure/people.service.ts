import { DomainError } from '../../../core/errors';
import type { CreatePersonInput, Person, UpdatePersonInput } from '../../../contracts';
import { peopleOfOrganisation } from '../../db/repositories/organisation.repository';
import type { Db } from '../../db/store';
import { deleteVersioned, findRow, getRow, nextPosition, toJson, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { presentPerson } from '../../presenters/organisation.presenter';
import { assertInOrganisation, referenceError } from './references';

/** A person may be linked only to an existing user (one person per user and organisation: the store's unique index). */
async function assertUser(db: Db, userId: string): Promise<void> {
  if (!(await findRow(db, 'users', userId))) throw referenceError('users', userId, 'userId');
}

/** People: skills and monthly capacity (person-days) feed the Who block and, later, capacity checks. */
export function createPeopleService(db: Db) {
  return {
    async listByOrganisation(organisationId: string): Promise<Person[]> {
      await getRow(db, 'organisations', organisationId);
      return (await peopleOfOrganisation(db, organisationId)).map(presentPerson);
    },

    async get(id: string): Promise<Person> {
      return presentPerson(await getRow(db, 'people', id));
    },

    async create(input: CreatePersonInput): Promise<Person> {
      await getRow(db, 'organisations', input.organisationId);
      const id = input.id ?? newId('person');
      if (await findRow(db, 'people', id))
        throw new DomainError('already_exists', `A person with id ${id} already exists`);
      if (input.unitId) await assertInOrganisation(db, 'units', input.unitId, input.organisationId, 'unitId');
      if (input.userId) await assertUser(db, input.userId);
      const others = await db
        .selectFrom('people')
        .select('position')
        .where('organisationId', '=', input.organisationId)
        .execute();
      const row = await db
        .insertInto('people')
        .values({
          id,
          organisationId: input.organisationId,
          unitId: input.unitId ?? null,
          name: input.name,
          email: input.email ?? null,
          skills: toJson(input.skills ?? []),
          monthlyCapacity: input.monthlyCapacity ?? 18,
          userId: input.userId ?? null,
          position: nextPosition(others),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentPerson(row);
    },

    async update(id: string, input: UpdatePersonInput): Promise<Person> {
      const current = await getRow(db, 'people', id);
      if (input.unitId)
        await assertInOrganisation(db, 'units', input.unitId, current.organisationId, 'unitId');
      if (input.userId) await assertUser(db, input.userId);
      const { version, skills, ...values } = input;
      const row = await updateVersioned(
        db,
        'people',
        id,
        version,
        { ...values, ...(skills === undefined ? {} : { skills: toJson(skills) }) },
        presentPerson,
      );
      return presentPerson(row);
    },

    async remove(id: string, version: number): Promise<void> {
      await deleteVersioned(db, 'people', id, version, presentPerson);
    },
  };
}
