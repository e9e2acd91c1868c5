import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './principal';
import { SESSION_LIFETIME_MS } from './sessions';

/**
 * The session cookie: HttpOnly (scripts never see the secret), SameSite=Lax (other sites' forms
 * and scripts do not carry it on writes), the whole site's path, and Secure whenever the request
 * came over TLS (directly, or through a proxy trusted with CATCHBALL_TRUST_PROXY).
 */
export function sessionCookie(secret: string, secure: boolean, maxAgeMs = SESSION_LIFETIME_MS): string {
  return serialize(secret, Math.floor(maxAgeMs / 1000), secure);
}

/** The same cookie, emptied and expired: the browser drops it. */
export function clearedSessionCookie(secure: boolean): string {
  return serialize('', 0, secure);
}

// The secret is base64url, so it needs no encoding.
const serialize = (value: string, maxAgeSeconds: number, secure: boolean): string =>
  `${SESSION_COOKIE}=${value}; Max-Age=${String(maxAgeSeconds)}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

/** Whether the request reached us over TLS (`request.protocol` honours a trusted proxy's header). */
export const overTls = (request: FastifyRequest): boolean => request.protocol === 'https';
