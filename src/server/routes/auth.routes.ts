import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedIn } from '../../contracts';
import { auth as endpoints } from '../../contracts/endpoints';
import { DomainError } from '../../core/errors';
import type { AccessContext } from '../auth/authorizer';
import type { Principal } from '../auth/principal';
import { clearedSessionCookie, overTls, sessionCookie } from '../auth/session-cookie';
import type { ClientMeta } from '../auth/sign-in-audit';
import { implement, type Route } from '../route';
import type { Services } from '../services';
import type { SignedInSession } from '../services/accounts/accounts.service';
import { PUBLIC, SIGNED_IN } from './access-rules';

type SessionUser = Extract<Principal, { kind: 'user' }>;

/** The signed-in user behind a request; API tokens have no password or session to manage. */
export function sessionUserOf(access: AccessContext): SessionUser {
  if (access.principal.kind !== 'user')
    throw new DomainError('forbidden', 'Only a signed-in user can do this, not an API token');
  return access.principal;
}

export const clientMeta = (request: FastifyRequest): ClientMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? '',
});

/** Sets the session cookie and answers who signed in, with the CSRF token writes must send. */
function signedIn(request: FastifyRequest, reply: FastifyReply, result: SignedInSession): SignedIn {
  void reply.header('set-cookie', sessionCookie(result.session.secret, overTls(request)));
  void reply.header('cache-control', 'no-store');
  return { user: result.user, csrfToken: result.session.csrfToken };
}

/** Sign-in with a password, the session, sign-out, password change, first start and invitations. */
/** `sso` is the configured single sign-on (its button label), or null when there is none. */
export function authRoutes(services: Services, sso: { name: string } | null = null): Route[] {
  return [
    implement(endpoints.getConfig, {
      access: PUBLIC,
      handler: () => services.accounts.config(sso),
    }),
    implement(endpoints.getSession, {
      access: PUBLIC,
      handler: async ({ access, reply }) => {
        void reply.header('cache-control', 'no-store');
        const principal = access.principal;
        if (principal.kind !== 'user') return { user: null, csrfToken: null };
        return {
          user: await services.accounts.me(principal.id),
          csrfToken: principal.session?.csrfToken ?? null,
        };
      },
    }),
    implement(endpoints.signIn, {
      access: PUBLIC,
      handler: async ({ body, request, reply }) =>
        signedIn(request, reply, await services.accounts.signIn(body, clientMeta(request))),
    }),
    implement(endpoints.signOut, {
      access: SIGNED_IN,
      handler: async ({ access, request, reply }) => {
        const user = sessionUserOf(access);
        if (user.session) await services.accounts.signOut(user, user.session.id, clientMeta(request));
        void reply.header('set-cookie', clearedSessionCookie(overTls(request)));
        return undefined;
      },
    }),
    implement(endpoints.signOutEverywhere, {
      access: SIGNED_IN,
      handler: async ({ access, request, reply }) => {
        await services.accounts.signOutEverywhere(sessionUserOf(access), clientMeta(request));
        void reply.header('set-cookie', clearedSessionCookie(overTls(request)));
        return undefined;
      },
    }),
    implement(endpoints.changePassword, {
      access: SIGNED_IN,
      handler: async ({ access, body }) => {
        const user = sessionUserOf(access);
        await services.accounts.changePassword(user.id, user.session?.id ?? null, body);
        return undefined;
      },
    }),
    implement(endpoints.setLanguage, {
      access: SIGNED_IN,
      handler: async ({ access, body }) => {
        await services.accounts.setLanguage(sessionUserOf(access).id, body.language);
        return undefined;
      },
    }),
    implement(endpoints.setup, {
      access: PUBLIC,
      handler: async ({ body, request, reply }) =>
        signedIn(request, reply, await services.accounts.setup(body, clientMeta(request))),
    }),
    implement(endpoints.acceptInvite, {
      access: PUBLIC,
      handler: async ({ body, request, reply }) =>
        signedIn(request, reply, await services.accounts.acceptInvite(body, clientMeta(request))),
    }),
  ];
}
