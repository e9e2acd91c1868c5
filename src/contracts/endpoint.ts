/**
 * One API endpoint, declared once: method, path, schemas, status and documentation. The server
 * implements it (`implement()` in src/server/route.ts adds the access rule and the handler), the
 * OpenAPI document is generated from it, and the web app and the tests call it through one typed
 * client (`toHttpRequest()` below, with a transport of their own). Nothing here does I/O.
 *
 * @example
 * export const getObjective = defineEndpoint({
 *   method: 'GET', path: '/api/objectives/:id', tag: 'OKRs', summary: 'Get an objective',
 *   params: IdParamsSchema, response: ObjectiveSchema,
 * });
 * toHttpRequest(getObjective, { params: { id: 'cio-o1' } }); // { method: 'GET', url: '/api/objectives/cio-o1' }
 */
import type { ZodType, z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * 200 by default, 201 for creation, 202 for a job started, 204 for no content, 302 for a handler
 * that answers with a redirect itself.
 */
export type SuccessStatus = 200 | 201 | 202 | 204 | 302;

type MaybeSchema = ZodType | undefined;

export interface Endpoint<
  P extends MaybeSchema = MaybeSchema,
  Q extends MaybeSchema = MaybeSchema,
  B extends MaybeSchema = MaybeSchema,
  R extends MaybeSchema = MaybeSchema,
> {
  method: HttpMethod;
  /** Fastify-style path, e.g. `/api/units/:id`; every `:name` is a key of `params`. */
  path: string;
  summary: string;
  /** The OpenAPI tag (the resource's section in /api/docs). */
  tag: string;
  params: P;
  query: Q;
  body: B;
  /** Schema of the success body; undefined for 204, redirects and file downloads. */
  response: R;
  status: SuccessStatus;
  /**
   * Further success statuses the same response may come with: the server's implementation picks
   * one per answer (a job answers 202 while it runs and 200 once it has finished).
   */
  otherStatuses: readonly SuccessStatus[];
  /** Extra content types the body may come in besides JSON (uploads), for the OpenAPI document. */
  bodyContentTypes: readonly string[];
  /** Content type of a success body that is a file (SVG, PDF, XLSX…) rather than JSON. */
  produces?: string;
}

export interface EndpointSpec<
  P extends MaybeSchema,
  Q extends MaybeSchema,
  B extends MaybeSchema,
  R extends MaybeSchema,
> {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  status?: SuccessStatus;
  otherStatuses?: readonly SuccessStatus[];
  bodyContentTypes?: readonly string[];
  produces?: string;
}

/** Declares an endpoint; omitted schemas stay `undefined` in the type, so callers cannot send them. */
export function defineEndpoint<
  P extends MaybeSchema = undefined,
  Q extends MaybeSchema = undefined,
  B extends MaybeSchema = undefined,
  R extends MaybeSchema = undefined,
>(spec: EndpointSpec<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return {
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tag: spec.tag,
    params: spec.params as P,
    query: spec.query as Q,
    body: spec.body as B,
    response: spec.response as R,
    status: spec.status ?? 200,
    otherStatuses: spec.otherStatuses ?? [],
    bodyContentTypes: spec.bodyContentTypes ?? [],
    ...(spec.produces ? { produces: spec.produces } : {}),
  };
}

/** What the server hands a handler: the parsed (output) type of a schema, or undefined without one. */
export type Parsed<S> = S extends ZodType ? z.output<S> : undefined;

type Sent<S> = S extends ZodType ? z.input<S> : never;
type Part<K extends string, S> = S extends ZodType ? Record<K, Sent<S>> : { [key in K]?: never };

/** What a caller sends: `params`, `query` and `body` as the endpoint's schemas accept them. */
export type EndpointRequest<E extends Endpoint> = Part<'params', E['params']> &
  Part<'query', E['query']> &
  Part<'body', E['body']>;

/** The success body's type; `undefined` for an endpoint without a response schema. */
export type EndpointResponse<E extends Endpoint> = Parsed<E['response']>;

/** An HTTP request ready for any transport (fetch, XHR, Fastify's inject). */
export interface HttpRequest {
  method: HttpMethod;
  url: string;
  /** The JSON body; undefined when the endpoint takes none. */
  body?: unknown;
}

/**
 * Fills the path's `:name` segments (URI-encoded) and appends the query: undefined and null values
 * are left out, arrays repeat their key, everything else is sent as `String(value)`.
 * @throws Error when the path names a parameter the request does not carry (a programming error).
 */
export function endpointUrl(endpoint: Endpoint, request: { params?: unknown; query?: unknown }): string {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const path = endpoint.path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null)
      throw new Error(`${endpoint.method} ${endpoint.path}: missing path parameter "${name}"`);
    return encodeURIComponent(scalarText(value, name));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item === undefined || item === null) continue;
      search.append(key, scalarText(item, key));
    }
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** A path or query value as text; objects have no agreed form in an address, so they are refused. */
function scalarText(value: unknown, name: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`"${name}" must be a string, number or boolean to go into an address`);
}

/** The method, address and body of one call of an endpoint. */
export function toHttpRequest<E extends Endpoint>(endpoint: E, request: EndpointRequest<E>): HttpRequest {
  const { body } = request as { body?: unknown };
  return {
    method: endpoint.method,
    url: endpointUrl(endpoint, request),
    ...(body === undefined ? {} : { body }),
  };
}

/**
 * A client call's arguments: the request may be left out when the endpoint takes no params,
 * query or body (or only optional ones).
 */
export type EndpointArgs<E extends Endpoint> =
  Record<string, never> extends EndpointRequest<E>
    ? [request?: EndpointRequest<E>]
    : [request: EndpointRequest<E>];
