import { sql } from 'kysely';
import type { Db } from '../store';
import type { Row } from '../versioned';

/**
 * Named queries of the account aggregate: users, sessions, role assignments and tokens. Each
 * takes the handle or transaction to run on; services own the transactions.
 */

/** The user with this address, compared case-insensitively (`email` already lower-cased). */
export async function userByEmail(db: Db, email: string): Promise<Row<'users'> | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email)
    .executeTakeFirst();
}

/** Whether any account exists yet (none: the instance still needs its first administrator). */
export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Stores a user's new password hash, bumping the version so the audit trail records the change
 * (it never stores the hash); `at` is the update time. Only an enabled account when `enabledOnly`.
 * @returns the user's id, name and e-mail, or undefined when no such (enabled) user exists.
 */
export async function setPasswordHash(
  db: Db,
  userId: string,
  passwordHash: string,
  at: Date,
  options: { enabledOnly?: boolean } = {},
): Promise<Pick<Row<'users'>, 'id' | 'name' | 'email'> | undefined> {
  return db
    .updateTable('users')
    .set({ passwordHash, version: sql<number>`version + 1`, updatedAt: at })
    .where('id', '=', userId)
    .$if(options.enabledOnly === true, (query) => query.where('disabledAt', 'is', null))
    .returning(['id', 'name', 'email'])
    .executeTakeFirst();
}

/** Ends every session of a user but `keepSessionId` (the one making the request), if given. */
export async function endSessionsOf(db: Db, userId: string, keepSessionId: string | null): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('userId', '=', userId)
    .$if(keepSessionId !== null, (query) => query.where('id', '<>', keepSessionId ?? ''))
    .execute();
}

/**
 * Creates a local account (no single sign-on identity yet): what setup, site administrators and
 * invitations all write. The stored row, as the table keeps it.
 */
export function insertLocalUser(
  db: Db,
  user: { id: string; email: string; name: string; passwordHash: string | null; isSiteAdmin: boolean },
): Promise<Row<'users'>> {
  return db
    .insertInto('users')
    .values({ ...user, oidcIssuer: null, oidcSubject: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}
