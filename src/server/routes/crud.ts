import type { ZodType, z } from 'zod';
import type { CrudEndpoints } from '../../contracts/crud-endpoints';
import type { Need } from '../../core/access';
import type { Locator, Scope } from '../auth/locator';
import { implement, type Route } from '../route';

interface CrudSpec<C extends ZodType, U extends ZodType, R extends ZodType> {
  /** The four endpoints, declared in src/contracts/endpoints with `defineCrudEndpoints`. */
  endpoints: CrudEndpoints<C, U, R>;
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
 * Implements the four endpoints every versioned resource has (see `defineCrudEndpoints`): reads
 * need `read` where the entity lives, writes `write` there and, for a create, where it goes.
 */
export function crudRoutes<C extends ZodType, U extends ZodType, R extends ZodType>(
  spec: CrudSpec<C, U, R>,
): Route[] {
  const { endpoints, service } = spec;
  const write = spec.access.write ?? 'edit';
  const read = spec.access.read ?? 'read';
  const { at, into, moveTo } = spec.access;
  // TypeScript cannot resolve the route's conditional input types for generic schemas; the
  // schemas passed here are the ones the route validates with, so the casts below are exact.
  const input = <S extends ZodType>(value: unknown) => value as z.output<S>;
  return [
    implement(endpoints.create, {
      access: { kind: 'scoped', need: write, scope: ({ body }, locate) => into(input<C>(body), locate) },
      handler: async ({ body }) => (await service.create(input<C>(body))) as never,
    }),
    implement(endpoints.get, {
      access: { kind: 'scoped', need: read, scope: ({ params }, locate) => at(params.id, locate) },
      handler: async ({ params }) => (await service.get(params.id)) as never,
    }),
    implement(endpoints.update, {
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
    implement(endpoints.remove, {
      access: { kind: 'scoped', need: write, scope: ({ params }, locate) => at(params.id, locate) },
      handler: async ({ params, query }) => {
        await service.remove(params.id, query.version);
        return undefined;
      },
    }),
  ];
}
