import { sql } from 'kysely';
import { DomainError } from '../../../core/errors';
import type { CreatedUser, CreateUserInput, UpdateUserInput, User } from '../../../contracts';
import { hashPassword } from '../../auth/passwords';
import { endAllSessions } from '../../auth/sessions';
import { createSetupToken, setupUrl } from '../../auth/setup-tokens';
import { insertLocalUser, userByEmail } from '../../db/repositories/account.repository';
import type { Db } from '../../db/store';
import { getRow, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { presentUser } from '../../presenters/account.presenter';

/**
 * Finds the user with an e-mail address, or creates one without a password and returns a
 * one-time invitation link to choose it (used by user management and by granting a role).
 */
export async function findOrInviteUser(
  db: Db,
  input: { email: string; name?: string | undefined },
  baseUrl: string,
): Promise<{ userId: string; inviteUrl: string | null }> {
  const email = input.email.trim().toLowerCase();
  const existing = await userByEmail(db, email);
  if (existing) return { userId: existing.id, inviteUrl: null };
  const id = newId('usr');
  await db
    .insertInto('users')
    .values({
      id,
      email,
      name: input.name ?? email.split('@')[0] ?? email,
      passwordHash: null,
      isSiteAdmin: false,
      oidcIssuer: null,
      oidcSubject: null,
    })
    .execute();
  return { userId: id, inviteUrl: setupUrl(baseUrl, 'invite', await createSetupToken(db, 'invite', id)) };
}

/** The instance's accounts, for site administrators. */
export function createUsersService(db: Db) {
  /** An enabled site administrator must remain, or nobody could manage accounts any more. */
  async function assertAnotherAdmin(userId: string): Promise<void> {
    const other = await db
      .selectFrom('users')
      .select('id')
      .where('isSiteAdmin', '=', true)
      .where('disabledAt', 'is', null)
      .where('id', '<>', userId)
      .limit(1)
      .executeTakeFirst();
    if (!other)
      throw new DomainError(
        'invariant_violated',
        'This is the last enabled site administrator; make another one first',
        {
          userId,
        },
      );
  }

  return {
    async list(): Promise<User[]> {
      const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
      return rows.map(presentUser);
    },

    /**
     * Creates an account. Without a password the answer carries a one-time invitation link.
     * @throws DomainError `already_exists` when the e-mail address has an account.
     */
    async create(input: CreateUserInput, baseUrl: string): Promise<CreatedUser> {
      const taken = await db
        .selectFrom('users')
        .select('id')
        .where(sql<string>`lower(email)`, '=', input.email)
        .executeTakeFirst();
      if (taken)
        throw new DomainError(
          'already_exists',
          `A user with the e-mail address ${input.email} already exists`,
          {
            id: taken.id,
          },
        );
      const id = newId('usr');
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      const row = await insertLocalUser(db, {
        id,
        email: input.email,
        name: input.name,
        passwordHash,
        isSiteAdmin: input.isSiteAdmin ?? false,
      });
      const inviteUrl =
        passwordHash === null ? setupUrl(baseUrl, 'invite', await createSetupToken(db, 'invite', id)) : null;
      return { user: presentUser(row), inviteUrl };
    },

    /**
     * Renames, promotes or demotes, disables or enables, or sets a password. Disabling ends the
     * user's sessions at once; so does setting their password.
     * @throws DomainError `invariant_violated` when it would leave no enabled site administrator.
     */
    async update(id: string, input: UpdateUserInput): Promise<User> {
      const current = await getRow(db, 'users', id);
      const losesAdmin =
        current.isSiteAdmin &&
        current.disabledAt === null &&
        (input.isSiteAdmin === false || input.disabled === true);
      if (losesAdmin) await assertAnotherAdmin(id);
      const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
      const row = await updateVersioned(
        db,
        'users',
        id,
        input.version,
        {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.isSiteAdmin === undefined ? {} : { isSiteAdmin: input.isSiteAdmin }),
          ...(input.disabled === undefined
            ? {}
            : { disabledAt: input.disabled ? (current.disabledAt ?? new Date()) : null }),
          ...(passwordHash === undefined ? {} : { passwordHash }),
        },
        presentUser,
      );
      if (input.disabled === true || passwordHash !== undefined) await endAllSessions(db, id);
      return presentUser(row);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
