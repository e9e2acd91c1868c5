import type { DemoAccount } from '../../contracts';
import type { Db } from '../db/store';
import { hashPassword } from '../auth/passwords';

/** Every demo account signs in with this password (shown on the sign-in page of a demo store). */
export const DEMO_PASSWORD = 'catchball-demo';

const DEMO_ORGANISATION = 'acme';

interface DemoUser extends Omit<DemoAccount, 'password'> {
  id: string;
  name: string;
  isSiteAdmin: boolean;
  grant: { unitId: string | null; role: 'admin' | 'editor' | 'contributor' | 'viewer' };
  /** The demo plan's person this account is (their ownerships become the account's). */
  personId: string | null;
}

/** The demo's four accounts, one per role, over the demo plan (demo-plan.yaml). */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'demo-admin',
    email: 'admin@northwind.example',
    name: 'Margaret Osei (demo admin)',
    isSiteAdmin: true,
    grant: { unitId: null, role: 'admin' },
    personId: 'margaret-osei',
    role: 'Site administrator; admin of Northwind Financial',
    description: 'Manages users and roles, and may change anything (the CIO).',
  },
  {
    id: 'demo-editor',
    email: 'editor@northwind.example',
    name: 'Daniel Kovacs (demo editor)',
    isSiteAdmin: false,
    grant: { unitId: 'cso', role: 'editor' },
    personId: 'daniel-kovacs',
    role: 'Editor of Security (CSO) and the units below',
    description: "Edits the CSO's OKRs and X-matrix; reads the CIO's plan above it.",
  },
  {
    id: 'demo-contributor',
    email: 'contributor@northwind.example',
    name: 'Hannah Fischer (demo contributor)',
    isSiteAdmin: false,
    grant: { unitId: 'cso', role: 'contributor' },
    personId: 'hannah-fischer',
    role: 'Contributor in Security (CSO)',
    description: 'Checks in on what she owns (the KPI "Staff trained in safe AI use"); reads the rest.',
  },
  {
    id: 'demo-viewer',
    email: 'viewer@northwind.example',
    name: 'Demo viewer',
    isSiteAdmin: false,
    grant: { unitId: null, role: 'viewer' },
    personId: null,
    role: 'Viewer of Northwind Financial',
    description: 'Reads every plan of the organisation; changes nothing.',
  },
];

/**
 * Creates the demo accounts, their roles and their links to the demo's people, right after the
 * demo plan is loaded. `passwordHash` is one Argon2id hash of {@link DEMO_PASSWORD} shared by all
 * four (start it early with {@link hashDemoPassword}, so it runs while the plan loads).
 */
export async function createDemoUsers(db: Db, passwordHash: Promise<string>): Promise<void> {
  const hash = await passwordHash;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values(
        DEMO_USERS.map((user) => ({
          id: user.id,
          email: user.email,
          name: user.name,
          passwordHash: hash,
          isSiteAdmin: user.isSiteAdmin,
          oidcIssuer: null,
          oidcSubject: null,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('roleAssignments')
      .values(
        DEMO_USERS.map((user) => ({
          id: `${user.id}-role`,
          organisationId: DEMO_ORGANISATION,
          unitId: user.grant.unitId,
          userId: user.id,
          role: user.grant.role,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    for (const user of DEMO_USERS)
      if (user.personId !== null)
        await trx
          .updateTable('people')
          .set({ userId: user.id })
          .where('id', '=', user.personId)
          .where('organisationId', '=', DEMO_ORGANISATION)
          .where('userId', 'is', null)
          .execute();
  });
}

/** The one hash all demo accounts share, computed once. */
export const hashDemoPassword = (): Promise<string> => hashPassword(DEMO_PASSWORD);

/**
 * The demo accounts this store holds (for the sign-in page): those still enabled. Empty unless
 * the demo was loaded into this store.
 */
export async function demoAccountsIn(db: Db): Promise<DemoAccount[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where(
      'id',
      'in',
      DEMO_USERS.map((user) => user.id),
    )
    .where('disabledAt', 'is', null)
    .execute();
  const present = new Set(rows.map((row) => row.id));
  return DEMO_USERS.filter((user) => present.has(user.id)).map((user) => ({
    email: user.email,
    password: DEMO_PASSWORD,
    role: user.role,
    description: user.description,
  }));
}
