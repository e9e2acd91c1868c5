import { createHash } from 'node:crypto';
import type { TokenScope } from '../../core/access';
import { DomainError } from '../../core/errors';
import type { Actor } from '../db/actor-context';
import type { Db } from '../db/store';

/** The cookie that carries a session's secret (HttpOnly, SameSite=Lax; Secure behind TLS). */
export const SESSION_COOKIE = 'catchball_session';
/** The header a cookie-authenticated write must carry, holding the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who sent a request: nobody, a signed-in user, or a unit API token. */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      id: string;
      name: string;
      email: string;
      isSiteAdmin: boolean;
      /** Present when signed in by cookie: writes must echo its CSRF token. */
      session: { id: string; csrfToken: string } | null;
    }
  | {
      kind: 'token';
      id: string;
      name: string;
      organisationId: string;
      unitId: string;
      scopes: TokenScope[];
    };

/** A token's "last used" is kept to within this, so busy feeds do not write on every request. */
const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The audit trail's view of a principal. */
export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return { kind: 'user', id: principal.id, name: principal.name };
    case 'token':
      return { kind: 'token', id: principal.id, name: `API token "${principal.name}"` };
    case 'anonymous':
      return { kind: 'system', name: 'anonymous' };
  }
}

/** Reads one cookie from a Cookie header without a parser dependency. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    // A malformed escape (`%E0%A4%A`) is no credential: the request goes on as anonymous.
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The credential a request carries, and the cache key it is looked up under. */
export type Credential = { kind: 'session' | 'token'; hash: string } | null;

export function credentialOf(headers: { authorization?: string; cookie?: string }): Credential {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer) return { kind: 'token', hash: hashSecret(bearer) };
  if (headers.authorization)
    throw new DomainError('unauthorized', 'Send an API token as "Authorization: Bearer <token>"');
  const session = readCookie(headers.cookie, SESSION_COOKIE);
  return session ? { kind: 'session', hash: hashSecret(session) } : null;
}

/**
 * Loads the principal a credential stands for.
 * @throws DomainError `unauthorized` for an unknown, revoked or expired token. An unknown or
 * expired session cookie is not an error: the request is anonymous (the browser signs in again).
 */
export async function loadPrincipal(db: Db, credential: Credential, now: Date): Promise<Principal> {
  if (credential === null) return ANONYMOUS;
  if (credential.kind === 'token') {
    const row = await db
      .selectFrom('unitApiTokens')
      .innerJoin('units', 'units.id', 'unitApiTokens.unitId')
      .select([
        'unitApiTokens.id',
        'unitApiTokens.name',
        'unitApiTokens.unitId',
        'unitApiTokens.scopes',
        'unitApiTokens.revokedAt',
        'unitApiTokens.expiresAt',
        'unitApiTokens.lastUsedAt',
        'units.organisationId',
      ])
      .where('unitApiTokens.tokenHash', '=', credential.hash)
      .executeTakeFirst();
    if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now))
      throw new DomainError('unauthorized', 'The API token is unknown, revoked or expired');
    if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)
      await db.updateTable('unitApiTokens').set({ lastUsedAt: now }).where('id', '=', row.id).execute();
    return {
      kind: 'token',
      id: row.id,
      name: row.name,
      organisationId: row.organisationId,
      unitId: row.unitId,
      scopes: row.scopes as TokenScope[],
    };
  }
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.csrfToken',
      'sessions.expiresAt',
      'users.id',
      'users.name',
      'users.email',
      'users.isSiteAdmin',
      'users.disabledAt',
    ])
    .where('sessions.id', '=', credential.hash)
    .executeTakeFirst();
  if (!row || row.expiresAt <= now || row.disabledAt !== null) return ANONYMOUS;
  return {
    kind: 'user',
    id: row.id,
    name: row.name,
    email: row.email,
    isSiteAdmin: row.isSiteAdmin,
    session: { id: row.sessionId, csrfToken: row.csrfToken },
  };
}
