import { z, type ZodType } from 'zod';
import { ErrorBodySchema } from '../contracts/common';
import type { Route } from './route';
import type { SuccessStatus } from '../contracts/endpoint';
import { CSRF_HEADER, SESSION_COOKIE } from './auth/principal';

type JsonSchema = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

/**
 * Converts a Zod schema to JSON Schema 2020-12 (what OpenAPI 3.1 uses), collecting schemas that
 * carry an `id` in their metadata into `components` and referring to them by `$ref`.
 */
function toSchema(
  schema: ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  delete json.$schema;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) {
        out[key] =
          key === '$ref' && typeof inner === 'string'
            ? inner.replace('#/$defs/', REF_PREFIX)
            : rewrite(inner);
      }
      return out;
    }
    return value;
  };
  for (const [name, def] of Object.entries(defs)) components[name] = rewrite(def) as JsonSchema;
  const result = rewrite(json) as JsonSchema;
  // A top-level schema with an id comes back as a bare reference to itself in $defs.
  if (typeof result.id === 'string') {
    const id = result.id;
    delete result.id;
    components[id] = result;
    return { $ref: `${REF_PREFIX}${id}` };
  }
  return result;
}

function parametersOf(
  schema: ZodType | undefined,
  where: 'path' | 'query',
  components: Record<string, JsonSchema>,
) {
  if (!schema) return [];
  const json = toSchema(schema, 'input', components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** Builds the OpenAPI 3.1 document of the given routes, generated from their Zod contracts. */
export function buildOpenApiDocument(routes: readonly Route[], version: string): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const errorRef = toSchema(ErrorBodySchema, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const successOf = (status: SuccessStatus) =>
      status === 204
        ? { description: 'No content' }
        : {
            description:
              status === 201
                ? 'Created'
                : status === 202
                  ? 'Accepted (still running)'
                  : status === 302
                    ? 'Redirect (Location header)'
                    : 'OK',
            ...(route.produces
              ? { content: { [route.produces]: { schema: { type: 'string', format: 'binary' } } } }
              : route.schemas.response
                ? {
                    content: {
                      'application/json': { schema: toSchema(route.schemas.response, 'output', components) },
                    },
                  }
                : {}),
          };
    const errorResponse = (description: string) => ({
      description,
      content: { 'application/json': { schema: errorRef } },
    });
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
      parameters: [
        ...parametersOf(route.schemas.params, 'path', components),
        ...parametersOf(route.schemas.query, 'query', components),
      ],
      responses: {
        ...Object.fromEntries(
          [route.status, ...route.otherStatuses].map((status) => [String(status), successOf(status)]),
        ),
        '400': errorResponse('Invalid input: every problem is listed in details.issues'),
        '404': errorResponse('Not found'),
        ...(route.method === 'GET'
          ? {}
          : { '409': errorResponse('Stale version (details.current has the current state) or duplicate') }),
        ...(route.method === 'GET' ? {} : { '422': errorResponse('Breaks a rule of the domain') }),
        ...(route.access.kind === 'public'
          ? {}
          : {
              '401': errorResponse('Nobody is signed in (no session cookie or API token)'),
              '403': errorResponse(`Not allowed: ${describeAccess(route.access)}`),
            }),
      },
      security: route.access.kind === 'public' ? [] : [{ session: [] }, { apiToken: [] }],
      'x-catchball-access': route.access,
    };
    if (route.schemas.body) {
      const schema = toSchema(route.schemas.body, 'input', components);
      const content: Record<string, unknown> = { 'application/json': { schema } };
      for (const type of route.bodyContentTypes) content[type] = { schema: { type: 'string' } };
      operation.requestBody = { required: true, content };
    } else if (route.bodyContentTypes.length > 0) {
      const file = { schema: { type: 'string', format: 'binary' } };
      operation.requestBody = {
        required: true,
        content: Object.fromEntries(route.bodyContentTypes.map((type) => [type, file])),
      };
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Catchball API',
      version,
      description:
        'Strategy deployment: OKRs, Hoshin Kanri X-matrices, correlations and owners. Every update sends the `version` it read; a stale one gets 409 with the current state. Errors are `{ error: { code, message, details } }`.',

      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Paths are absolute (/api/…) on whichever host serves the document.
    servers: [{ url: '/', description: 'This Catchball server' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `Set by signing in; writes must also send the session's CSRF token in the ${CSRF_HEADER} header`,
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A unit API token (scopes read, check_ins, write) acting on its unit and the units below',
        },
      },
    },
  };
}

/** The access rule in words, for the 403 response of each operation. */
function describeAccess(access: Route['access']): string {
  switch (access.kind) {
    case 'public':
      return 'open to anyone';
    case 'signed_in':
      return 'any signed-in user or token';
    case 'site_admin':
      return 'site administrators only';
    case 'scoped':
      return access.need === 'member'
        ? 'members of the organisation'
        : `the ${access.need} permission on the unit or organisation concerned`;
  }
}
