import { sql } from 'kysely';
import type { Db } from '../db/store';
import { translatorFor, type Translate } from '../i18n';
import { newId } from '../ids';
import { hashPassword } from './passwords';
import { createSetupToken, setupUrl } from './setup-tokens';

export type FirstAdminOutcome = 'exists' | 'created_from_env' | 'setup_link';

const MIN_PASSWORD = 10;

/**
/** Where the first administrator's setup link points, and which accounts do not count as one. */
export interface FirstAdminOptions {
  /** Where people reach the server, for the link (CATCHBALL_PUBLIC_URL wins). */
  baseUrl?: string;
  /** The demo's accounts (the caller knows them; auth does not import the demo). */
  demoUserIds?: readonly string[];
  /** The lines' language (namespace `cli`, `serve.*`): the command line's; English by default. */
  t?: Translate;
}

/**
 * Makes sure someone can administer a new instance, at `catchball serve` after migrations (and
 * after the demo, whose accounts already include a site administrator):
 * - CATCHBALL_ADMIN_EMAIL and CATCHBALL_ADMIN_PASSWORD set, and no account exists but the
 *   demo's (`demoUserIds`) → that site administrator is created (for unattended installs);
 * - otherwise, when no account exists at all → a one-time setup link (valid 24 h) is printed;
 * - otherwise nothing.
 * @throws Error when CATCHBALL_ADMIN_PASSWORD is shorter than 10 characters.
 */
export async function ensureFirstAdmin(
  db: Db,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  {
    baseUrl = `http://localhost:${env.PORT ?? '3000'}`,
    demoUserIds = [],
    t = translatorFor('en').t,
  }: FirstAdminOptions = {},
): Promise<FirstAdminOutcome> {
  const email = env.CATCHBALL_ADMIN_EMAIL?.trim().toLowerCase();
  const password = env.CATCHBALL_ADMIN_PASSWORD;
  if (email && password) {
    if (password.length < MIN_PASSWORD)
      throw new Error(`CATCHBALL_ADMIN_PASSWORD must be at least ${MIN_PASSWORD} characters`);
    let others = db.selectFrom('users').select('id');
    // `not in ()` is no SQL: an instance without the demo filters nothing.
    if (demoUserIds.length > 0) others = others.where('id', 'not in', demoUserIds);
    const other = await others.limit(1).executeTakeFirst();
    if (other) return 'exists';
    await db
      .insertInto('users')
      .values({
        id: newId('usr'),
        email,
        name: env.CATCHBALL_ADMIN_NAME?.trim() || email,
        passwordHash: await hashPassword(password),
        isSiteAdmin: true,
        oidcIssuer: null,
        oidcSubject: null,
      })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .execute();
    log(t('cli:serve.adminCreated', { email }));
    return 'created_from_env';
  }
  if (email || password) log(t('cli:serve.adminPairIncomplete'));
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return 'exists';
  const token = await createSetupToken(db, 'setup', null);
  log(
    t('cli:serve.setupLink', {
      url: setupUrl(env.CATCHBALL_PUBLIC_URL?.trim() || baseUrl, 'setup', token),
    }),
  );
  return 'setup_link';
}
