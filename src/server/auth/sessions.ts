import { randomBytes } from 'node:crypto';
import type { Db } from '../db/store';
import { hashSecret } from './principal';

/** How long a session lasts without use; each use within it (checked at most every few minutes) extends it. */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface NewSession {
  /** The cookie's value: shown once, stored only as its SHA-256. */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Opens a session for a user (after a password or single sign-on has proved who they are). */
export async function createSession(
  db: Db,
  userId: string,
  meta: { userAgent?: string; ip?: string; now?: Date } = {},
): Promise<NewSession> {
  const secret = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = meta.now ?? new Date();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db
    .insertInto('sessions')
    .values({
      id: hashSecret(secret),
      userId,
      csrfToken,
      expiresAt,
      lastSeenAt: now,
      userAgent: (meta.userAgent ?? '').slice(0, 300),
      ip: meta.ip ?? '',
    })
    .execute();
  return { secret, csrfToken, expiresAt };
}

/** Ends one session (sign out). */
export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, on every app server (sign out everywhere, password change, disabling). */
export async function endAllSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
