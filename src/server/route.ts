import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import type { Endpoint, HttpMethod, Parsed, SuccessStatus } from '../contracts/endpoint';
import { DomainError } from '../core/errors';
import type { AccessContext, Authorizer, RouteAccess } from './auth/authorizer';
import { actorOf, CSRF_HEADER, type Principal } from './auth/principal';
import { runAsActor } from './db/actor-context';
import { parseOrThrow } from './validation';

type Infer<T> = Parsed<T>;

/** What the server adds to an endpoint: who may call it, and what answers. */
export interface Implementation<E extends Endpoint> {
  /** Who may call it: checked after validation, before the handler (see RouteAccess). */
  access: RouteAccess<{ params: Infer<E['params']>; query: Infer<E['query']>; body: Infer<E['body']> }>;
  /**
   * The status of one answer, when the endpoint declares `otherStatuses`; otherwise every success
   * answers the endpoint's `status`.
   */
  statusOf?: (result: Infer<E['response']>) => E['status'] | E['otherStatuses'][number];
  /** Largest body accepted, in bytes, when it differs from the app's; larger ones get 413. */
  bodyLimit?: number;
  handler: (input: {
    params: Infer<E['params']>;
    query: Infer<E['query']>;
    body: Infer<E['body']>;
    request: FastifyRequest;
    reply: FastifyReply;
    /** The principal and the role the access check found. */
    access: AccessContext;
  }) => Promise<Infer<E['response']> | undefined>;
}

/** A route with its types erased: what the app registers and the OpenAPI generator reads. */
export interface Route {
  method: HttpMethod;
  url: string;
  summary: string;
  tag: string;
  status: SuccessStatus;
  otherStatuses: readonly SuccessStatus[];
  schemas: { params?: ZodType; query?: ZodType; body?: ZodType; response?: ZodType };
  bodyContentTypes: readonly string[];
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
 * Implements one API endpoint. The chain is always: who is asking (session cookie with its CSRF
 * token, or API token) → validate params, query and body with the endpoint's Zod contracts (a
 * failure is a `validation_failed` naming each field) → the access check → handler (which calls
 * one service and returns a presenter's object, its writes recorded in the audit trail as the
 * principal's) → reply with the endpoint's status.
 */
export function implement<E extends Endpoint>(endpoint: E, implementation: Implementation<E>): Route {
  const { status } = endpoint;
  const spec = implementation;
  const schemas = {
    params: endpoint.params,
    query: endpoint.query,
    body: endpoint.body,
    response: endpoint.response,
  } as Route['schemas'];
  type In = Parameters<Implementation<E>['handler']>[0];
  return {
    method: endpoint.method,
    url: endpoint.path,
    summary: endpoint.summary,
    tag: endpoint.tag,
    status,
    otherStatuses: endpoint.otherStatuses,
    schemas,
    bodyContentTypes: endpoint.bodyContentTypes,
    ...(endpoint.produces ? { produces: endpoint.produces } : {}),
    access: { kind: spec.access.kind, ...(spec.access.kind === 'scoped' ? { need: spec.access.need } : {}) },
    register(app, authorizer) {
      app.route({
        method: endpoint.method,
        url: endpoint.path,
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
            params: parse(schemas.params, request.params, 'path') as In['params'],
            query: parse(schemas.query, request.query, 'query') as In['query'],
            body: (schemas.body ? parseOrThrow(schemas.body, request.body, 'body') : undefined) as In['body'],
          };
          const access = early ?? (await authorizer.authorize(principal, spec.access, validated));
          const result = await runAsActor(actorOf(principal), () =>
            spec.handler({ ...validated, request, reply, access }),
          );
          if (reply.sent) return reply;
          if (status === 204) return reply.status(204).send();
          const answered = spec.statusOf && result !== undefined ? spec.statusOf(result) : status;
          return reply.status(answered).send(result);
        },
      });
    },
  };
}
