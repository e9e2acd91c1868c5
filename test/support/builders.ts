import type { Role } from '../../src/core/access';
import { hashPassword } from '../../src/server/auth/passwords';
import type { Db } from '../../src/server/db/store';
import type { TestApp } from './test-app';

/**
 * Test builders in the manner of Outline's factories: each fills in what a test does not care
 * about (ids, e-mail addresses, the demo organisation), so a test states only what matters to it.
 */

/** A role on a unit, or organisation-wide with `unitId: null`; in the demo organisation unless said. */
export interface Grant {
  role: Role;
  unitId: string | null;
  organisationId?: string;
  /** The assignment's id; default `ra-<userId>`. */
  id?: string;
}

/** Gives an existing user a role, as a row in role_assignments (no audit actor, no API call). */
export async function grantRole(db: Db, userId: string, grant: Grant): Promise<void> {
  await db
    .insertInto('roleAssignments')
    .values({
      id: grant.id ?? `ra-${userId}`,
      organisationId: grant.organisationId ?? 'acme',
      unitId: grant.unitId,
      userId,
      role: grant.role,
    })
    .execute();
}

/** Signs in a new user (`<id>@example.test`) who holds `grant`: the headers to send as them. */
export async function signInWithRole(
  t: TestApp,
  userId: string,
  grant: Grant,
): Promise<Record<string, string>> {
  const headers = await t.signIn({ id: userId });
  await grantRole(t.store.db, userId, grant);
  return headers;
}

/**
 * Inserts a user who signs in with e-mail and password, not a site administrator, without a role;
 * `{ name: 'Ada' }` is user `usr_ada` with the address `ada@example.test`.
 */
export async function buildPasswordUser(
  db: Db,
  user: { name: string; password: string; id?: string; email?: string },
): Promise<void> {
  const handle = user.name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  await db
    .insertInto('users')
    .values({
      id: user.id ?? `usr_${handle}`,
      email: user.email ?? `${handle}@example.test`,
      name: user.name,
      passwordHash: await hashPassword(user.password),
      isSiteAdmin: false,
      oidcIssuer: null,
      oidcSubject: null,
    })
    .execute();
}
