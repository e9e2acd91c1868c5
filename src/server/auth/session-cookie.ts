import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './principal';
import { SESSION_LIFETIME_MS } from './sessions';

/**
 * The session cookie: HttpOnly (scripts never see the secret), SameSite=Lax (other sites' forms
 * and scripts do not carry it on writes), the whole site's path, and Secure whenever the request
 * came over TLS (directly, or through a proxy trusted with CATCHBALL_TRUST_PROXY).
 */
export function sessionCookie(secret: string, secure: boolean, maxAgeMs = SESSION_LIFETIME_MS): string {
  return serializeCookie(SESSION_COOKIE, secret, { maxAgeSeconds: Math.floor(maxAgeMs / 1000), secure });
}

/** The same cookie, emptied and expired: the browser drops it. */
export function clearedSessionCookie(secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure });
}

/**
 * A Set-Cookie value as every Catchball cookie is set: HttpOnly and SameSite=Lax, Secure when
 * asked. Values are base64url secrets, so they need no encoding.
 */
export function serializeCookie(
  name: string,
  value: string,
  options: { maxAgeSeconds: number; secure: boolean; path?: string },
): string {
  const secure = options.secure ? '; Secure' : '';
  return `${name}=${value}; Max-Age=${String(options.maxAgeSeconds)}; Path=${options.path ?? '/'}; HttpOnly; SameSite=Lax${secure}`;
}

/** Whether the request reached us over TLS (`request.protocol` honours a trusted proxy's header). */
export const overTls = (request: FastifyRequest): boolean => request.protocol === 'https';
