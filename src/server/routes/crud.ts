import type { ZodType, z } from 'zod';
import { IdParamsSchema } from '../../contracts';
import type { Need } from '../../core/access';
import type { Locator, Scope } from '../auth/locator';
import { defineRoute, type Route } from '../route';
import { VersionQuerySchema } from './shared';

interface CrudSpec<C extends ZodType, U extends ZodType, R extends ZodType> {
  /** Path of the collection, e.g. `/api/units`; items live at `<path>/:id`. */
  path: string;
  /** Singular human name for summaries ("unit", "key result"). */
  noun: string;
  tag: string;
  create: C;
  update: U;
  response: R;
  /**
   * Where an existing one lives (`at`) and where a new one would (`into`); reads need `read`
   * there, writes `write` (editor by default; `admin` for structure).
   */
  access: {
    at: (id: string, locate: Locator) => Promise<Scope>;
    into: (body: z.output<C>, locate: Locator) => Promise<Scope | Scope[]>;
    /** Where an update may move it, when it names a new place (a unit's new parent, say). */
    moveTo?: (body: z.output<U>, locate: Locator, current: Scope) => Promise<Scope[]>;
    write?: Need;
    /** `read` by default; `member` for the organisation's structure (units, people, cycles). */
    read?: Need;
  };
  service: {
    get(id: string): Promise<z.output<R>>;
    create(input: z.output<C>): Promise<z.output<R>>;
    update(id: string, input: z.output<U>): Promise<z.output<R>>;
    remove(id: string, version: number): Promise<void>;
  };
}

/**
 * The four routes every versioned resource has: POST to create (201), GET one, PATCH with the
 * version read (409 on a stale one), DELETE with `?version=`.
 */
export function crudRoutes<C extends ZodType, U extends ZodType, R extends ZodType>(
  spec: CrudSpec<C, U, R>,
): Route[] {
  const { path, noun, tag, service } = spec;
  const write = spec.access.write ?? 'edit';
  const read = spec.access.read ?? 'read';
  const { at, into, moveTo } = spec.access;
  // TypeScript cannot resolve the route's conditional input types for generic schemas; the
  // schemas passed here are the ones the route validates with, so the casts below are exact.
  const input = <S extends ZodType>(value: unknown) => value as z.output<S>;
  return [
    defineRoute({
      method: 'POST',
      url: path,
      tag,
      summary: `Create a ${noun}`,
      status: 201,
      body: spec.create,
      response: spec.response,
      access: { kind: 'scoped', need: write, scope: ({ body }, locate) => into(input<C>(body), locate) },
      handler: async ({ body }) => (await service.create(input<C>(body))) as never,
    }),
    defineRoute({
      method: 'GET',
      url: `${path}/:id`,
      tag,
      summary: `Get a ${noun}`,
      params: IdParamsSchema,
      response: spec.response,
      access: { kind: 'scoped', need: read, scope: ({ params }, locate) => at(params.id, locate) },
      handler: async ({ params }) => (await service.get(params.id)) as never,
    }),
    defineRoute({
      method: 'PATCH',
      url: `${path}/:id`,
      tag,
      summary: `Update a ${noun} (send the version you read)`,
      params: IdParamsSchema,
      body: spec.update,
      response: spec.response,
      access: {
        kind: 'scoped',
        need: write,
        scope: async ({ params, body }, locate) => {
          const current = await at(params.id, locate);
          return [current, ...(moveTo ? await moveTo(input<U>(body), locate, current) : [])];
        },
      },
      handler: async ({ params, body }) => (await service.update(params.id, input<U>(body))) as never,
    }),
    defineRoute({
      method: 'DELETE',
      url: `${path}/:id`,
      tag,
      summary: `Delete a ${noun} (send the version you read)`,
      status: 204,
      params: IdParamsSchema,
      query: VersionQuerySchema,
      access: { kind: 'scoped', need: write, scope: ({ params }, locate) => at(params.id, locate) },
      handler: async ({ params, query }) => {
        await service.remove(params.id, query.version);
        return undefined;
      },
    }),
  ];
}
