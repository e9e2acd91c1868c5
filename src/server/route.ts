import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType, z } from 'zod';
import { DomainError } from '../core/errors';
import type { AccessContext, Authorizer, RouteAccess } from './auth/authorizer';
import { actorOf, CSRF_HEADER, type Principal } from './auth/principal';
import { runAsActor } from './db/actor-context';
import { parseOrThrow } from './validation';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Infer<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteSpec<P, Q, B, R> {
  method: Method;
  /** Fastify-style path, e.g. `/api/units/:id`. */
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of the success body, for the OpenAPI document; omit for 204. */
  response?: R;
  /**
   * Success status: 200 by default, 201 for creation, 202 for a job started, 204 for no content,
   * 302 for a handler that answers with `reply.redirect` itself.
   */
  status?: 200 | 201 | 202 | 204 | 302;
  /** Extra content types the body may come in (besides JSON), for the OpenAPI document. */
  bodyContentTypes?: string[];
  /** Largest body accepted, in bytes, when it differs from the app's; larger ones get 413. */
  bodyLimit?: number;
  /** Content type of a success body that is a file (SVG, PDF, XLSX…) rather than JSON. */
  produces?: string;
  /** Who may call it: checked after validation, before the handler (see RouteAccess). */
  access: RouteAccess<{ params: Infer<P>; query: Infer<Q>; body: Infer<B> }>;
  handler: (input: {
    params: Infer<P>;
    query: Infer<Q>;
    body: Infer<B>;
    request: FastifyRequest;
    reply: FastifyReply;
    /** The principal and the role the access check found. */
    access: AccessContext;
  }) => Promise<Infer<R> | undefined>;
}

/** A route with its types erased: what the app registers and the OpenAPI generator reads. */
export interface Route {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  status: 200 | 201 | 202 | 204 | 302;
  schemas: { params?: ZodType; query?: ZodType; body?: ZodType; response?: ZodType };
  bodyContentTypes: string[];
  produces?: string;
  /** The access rule's kind and need, for the OpenAPI document and the access tests. */
  access: { kind: RouteAccess<unknown>['kind']; need?: string };
  register(app: FastifyInstance, authorizer: Authorizer): void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write authenticated by the session cookie must echo the session's CSRF token in a header:
 * another site can make the browser send the cookie, but cannot read the token.
 */
export function checkCsrf(principal: Principal, request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method) || principal.kind !== 'user' || principal.session === null) return;
  if (request.headers[CSRF_HEADER] !== principal.session.csrfToken)
    throw new DomainError(
      'forbidden',
      `A signed-in write must send the session's CSRF token in the ${CSRF_HEADER} header`,
    );
}

/**
 * Declares one API route. The chain is always: who is asking (session cookie with its CSRF token,
 * or API token) → validate params, query and body with the Zod contracts (a failure is a
 * `validation_failed` naming each field) → the access check → handler (which calls one service
 * and returns a presenter's object, its writes recorded in the audit trail as the principal's)
 * → reply with `status`.
 */
export function defineRoute<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
  R extends ZodType | undefined = undefined,
>(spec: RouteSpec<P, Q, B, R>): Route {
  const status = spec.status ?? 200;
  const schemas = { params: spec.params, query: spec.query, body: spec.body, response: spec.response };
  return {
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    tag: spec.tag,
    status,
    schemas,
    bodyContentTypes: spec.bodyContentTypes ?? [],
    ...(spec.produces ? { produces: spec.produces } : {}),
    access: { kind: spec.access.kind, ...(spec.access.kind === 'scoped' ? { need: spec.access.need } : {}) },
    register(app, authorizer) {
      app.route({
        method: spec.method,
        url: spec.url,
        ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
        handler: async (request, reply) => {
          const parse = (schema: ZodType | undefined, value: unknown, where: string): unknown =>
            schema ? parseOrThrow(schema, value ?? {}, where) : undefined;
          const principal = await authorizer.principalOf(request.headers);
          if (principal.kind === 'anonymous' && spec.access.kind !== 'public')
            throw new DomainError('unauthorized', 'Sign in first (or send an API token)');
          checkCsrf(principal, request);
          // Rules that need no input are decided first: a caller who may not use the route learns nothing of its body.
          const early =
            spec.access.kind === 'scoped' ? null : await authorizer.authorize(principal, spec.access, null);
          const validated = {
            params: parse(spec.params, request.params, 'path') as Infer<P>,
            query: parse(spec.query, request.query, 'query') as Infer<Q>,
            body: (spec.body ? parseOrThrow(spec.body, request.body, 'body') : undefined) as Infer<B>,
          };
          const access = early ?? (await authorizer.authorize(principal, spec.access, validated));
          const result = await runAsActor(actorOf(principal), () =>
            spec.handler({ ...validated, request, reply, access }),
          );
          if (reply.sent) return reply;
          if (status === 204) return reply.status(204).send();
          return reply.status(status).send(result);
        },
      });
    },
  };
}
