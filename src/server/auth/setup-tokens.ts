import { randomBytes } from 'node:crypto';
import { DomainError } from '../../core/errors';
import type { Db } from '../db/store';
import { hashSecret } from './principal';

export type SetupPurpose = 'setup' | 'invite';

/** First-start links last a day; invitations a week (people read mail late). */
export const SETUP_TOKEN_TTL_MS: Record<SetupPurpose, number> = {
  setup: 24 * 60 * 60 * 1000,
  invite: 7 * 24 * 60 * 60 * 1000,
};

/** Where each link lands in the web app. */
export const SETUP_PAGE: Record<SetupPurpose, string> = { setup: '/setup', invite: '/invite' };

/**
 * Makes a one-time link token. Only its SHA-256 is stored (as the row's id), so a copy of the
 * database does not hold usable links.
 * @returns the secret, to put in the link once.
 */
export async function createSetupToken(
  db: Db,
  purpose: SetupPurpose,
  userId: string | null,
  now: Date = new Date(),
): Promise<string> {
  const secret = randomBytes(24).toString('base64url');
  await db
    .insertInto('setupTokens')
    .values({
      id: hashSecret(secret),
      purpose,
      userId,
      expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS[purpose]),
    })
    .execute();
  return secret;
}

/**
 * Uses up a token: one atomic update, so two requests racing with the same link cannot both win.
 * @returns the user the token was made for (null for a first-start token).
 * @throws DomainError `unauthorized` when the token is unknown, already used, expired or for
 * another purpose (one message for all: the caller learns nothing about other links).
 */
export async function consumeSetupToken(
  db: Db,
  purpose: SetupPurpose,
  secret: string,
  now: Date = new Date(),
): Promise<{ userId: string | null }> {
  const row = await db
    .updateTable('setupTokens')
    .set({ usedAt: now })
    .where('id', '=', hashSecret(secret))
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('userId')
    .executeTakeFirst();
  if (!row)
    throw new DomainError(
      'unauthorized',
      `This ${purpose === 'setup' ? 'setup' : 'invitation'} link is unknown, already used or expired; ask for a new one`,
    );
  return { userId: row.userId };
}

/** The absolute link for a token: `<base>/setup?token=…` or `<base>/invite?token=…`. */
export function setupUrl(baseUrl: string, purpose: SetupPurpose, secret: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${SETUP_PAGE[purpose]}?token=${encodeURIComponent(secret)}`;
}
