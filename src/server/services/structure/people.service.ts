import { DomainError, validationError, type Issue } from '../../../core/errors';
import type { CreatePeopleInput, CreatePersonInput, Person, UpdatePersonInput } from '../../../contracts';
import { peopleOfOrganisation, unitsOfOrganisation } from '../../db/repositories/organisation.repository';
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

    /**
     * Adds every row in one transaction, after placing each: a row naming a unit outside the
     * organisation refuses the lot with `people[i].unitId`, and nothing is written.
     */
    async createMany(organisationId: string, input: CreatePeopleInput): Promise<Person[]> {
      await getRow(db, 'organisations', organisationId);
      const units = new Set((await unitsOfOrganisation(db, organisationId)).map((unit) => unit.id));
      const issues: Issue[] = input.people.flatMap((row, index) =>
        row.unitId && !units.has(row.unitId)
          ? [
              {
                path: `people[${String(index)}].unitId`,
                message: `no unit with id ${row.unitId} in organisation ${organisationId}`,
              },
            ]
          : [],
      );
      if (issues.length > 0) throw validationError(issues);
      return db.transaction().execute(async (trx) => {
        const others = await trx
          .selectFrom('people')
          .select('position')
          .where('organisationId', '=', organisationId)
          .execute();
        const first = nextPosition(others);
        const rows = await trx
          .insertInto('people')
          .values(
            input.people.map((row, index) => ({
              id: newId('person'),
              organisationId,
              unitId: row.unitId ?? null,
              name: row.name,
              email: row.email ?? null,
              skills: toJson(row.skills ?? []),
              monthlyCapacity: row.monthlyCapacity ?? 18,
              userId: null,
              position: first + index,
            })),
          )
          .returningAll()
          .execute();
        return rows.map(presentPerson);
      });
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
