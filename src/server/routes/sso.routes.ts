import type { FastifyReply, FastifyRequest } from 'fastify';
import { sso as endpoints } from '../../contracts/endpoints';
import { beginSsoLogin, finishSsoLogin } from '../auth/oidc';
import type { OidcConfig } from '../auth/oidc-config';
import { readCookie } from '../auth/principal';
import { serializeCookie, sessionCookie } from '../auth/session-cookie';
import { SsoFailure } from '../auth/sso-failure';
import { SSO_LOGIN_TTL_MS } from '../auth/sso-logins';
import type { Db } from '../db/store';
import { implement, type Route } from '../route';
import { PUBLIC } from './access-rules';

/** Holds the state of this browser's login in flight, so only the browser that started a login can finish it. */
export const SSO_STATE_COOKIE = 'catchball_sso_state';

/** Where browsers land when single sign-on fails; the sign-in page shows the reason. */
export const SIGN_IN_PAGE = '/sign-in';

export interface SsoRouteDeps {
  db: Db;
  config: OidcConfig;
  clock?: () => Date;
}

/**
 * `GET /api/auth/sso/start` and `GET /api/auth/sso/callback`: both public, both answer with a
 * redirect. A browser (Accept: text/html) that fails is sent to `/sign-in?error=<reason>`; any
 * other client gets the error body (401 or 403, `details.reason`).
 */
export function ssoRoutes({ db, config, clock = () => new Date() }: SsoRouteDeps): Route[] {
  const callbackPath = new URL(config.redirectUri).pathname;
  const secure = (request: FastifyRequest) => config.secureCookies || request.protocol === 'https';

  return [
    implement(endpoints.start, {
      access: PUBLIC,
      handler: async ({ query, request, reply }) => {
        let started: Awaited<ReturnType<typeof beginSsoLogin>>;
        try {
          started = await beginSsoLogin(db, config, query.returnTo, clock());
        } catch (error) {
          if (!wantsPage(request)) throw error;
          request.log.error({ err: error }, 'single sign-on could not start');
          return failToPage(reply, 'sso_unavailable');
        }
        reply.header(
          'set-cookie',
          serializeCookie(SSO_STATE_COOKIE, started.state, {
            path: callbackPath,
            secure: secure(request),
            maxAgeSeconds: SSO_LOGIN_TTL_MS / 1000,
          }),
        );
        reply.header('cache-control', 'no-store');
        await reply.redirect(started.url.href, 302);
        return undefined;
      },
    }),
    implement(endpoints.callback, {
      access: PUBLIC,
      handler: async ({ request, reply }) => {
        let finished: Awaited<ReturnType<typeof finishSsoLogin>>;
        try {
          finished = await finishSsoLogin(db, config, {
            search: new URL(request.url, 'http://callback.invalid').search,
            browserState: readCookie(request.headers.cookie, SSO_STATE_COOKIE),
            ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
            ip: request.ip,
            now: clock(),
          });
        } catch (error) {
          if (!(error instanceof SsoFailure) || !wantsPage(request)) throw error;
          request.log.warn({ reason: error.reason }, error.message);
          return failToPage(reply, error.reason);
        }
        reply.header('set-cookie', [
          sessionCookie(
            finished.session.secret,
            secure(request),
            finished.session.expiresAt.getTime() - clock().getTime(),
          ),
          serializeCookie(SSO_STATE_COOKIE, '', {
            path: callbackPath,
            secure: secure(request),
            maxAgeSeconds: 0,
          }),
        ]);
        reply.header('cache-control', 'no-store');
        await reply.redirect(finished.returnTo, 302);
        return undefined;
      },
    }),
  ];
}

/** A browser navigating (rather than a script asking for JSON) gets pages, not error bodies. */
function wantsPage(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

async function failToPage(reply: FastifyReply, reason: string): Promise<undefined> {
  reply.header('cache-control', 'no-store');
  await reply.redirect(`${SIGN_IN_PAGE}?error=${encodeURIComponent(reason)}`, 302);
  return undefined;
}
