import type { Db } from '../db/store';
import { hashSecret } from './principal';

/** How long a browser may take at the provider before its login is forgotten. */
export const SSO_LOGIN_TTL_MS = 10 * 60 * 1000;

/** What the callback of one login must check, kept between the redirect out and the way back. */
export interface PendingSsoLogin {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/**
 * Records a login in flight under the SHA-256 of its `state` (migration 0008), so that any app
 * server can finish it. Logins left unfinished past their ten minutes are swept here.
 */
export async function savePendingLogin(
  db: Db,
  state: string,
  login: PendingSsoLogin,
  now: Date,
): Promise<void> {
  await db.deleteFrom('ssoLogins').where('expiresAt', '<', now).execute();
  await db
    .insertInto('ssoLogins')
    .values({ id: hashSecret(state), ...login, expiresAt: new Date(now.getTime() + SSO_LOGIN_TTL_MS) })
    .execute();
}

/**
 * Takes the login that `state` names, once: the row is deleted as it is read, so a replayed
 * callback (or two racing ones) finds nothing.
 * @returns null for an unknown, already used or expired state.
 */
export async function consumePendingLogin(db: Db, state: string, now: Date): Promise<PendingSsoLogin | null> {
  const row = await db
    .deleteFrom('ssoLogins')
    .where('id', '=', hashSecret(state))
    .returning(['codeVerifier', 'nonce', 'returnTo', 'expiresAt'])
    .executeTakeFirst();
  if (!row || row.expiresAt <= now) return null;
  return { codeVerifier: row.codeVerifier, nonce: row.nonce, returnTo: row.returnTo };
}
