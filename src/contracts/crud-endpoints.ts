import { z, type ZodType } from 'zod';
import { IdParamsSchema, STORED_INT_MAX } from './common';
import { defineEndpoint } from './endpoint';

/** `?version=N`: the version a delete read, so a stale delete changes nothing (409). */
export const VersionQuerySchema = z.object({
  version: z.coerce.number().int().min(1).max(STORED_INT_MAX, 'must be at most 2,147,483,647'),
});

/**
 * The four endpoints every versioned resource has: POST to create (201), GET one, PATCH with the
 * version read (409 on a stale one), DELETE with `?version=` (204). Items live at `<path>/:id`.
 */
export function defineCrudEndpoints<C extends ZodType, U extends ZodType, R extends ZodType>(spec: {
  /** Path of the collection, e.g. `/api/units`. */
  path: string;
  /** Singular human name for summaries ("unit", "key result"). */
  noun: string;
  tag: string;
  create: C;
  update: U;
  response: R;
}) {
  const { path, noun, tag } = spec;
  return {
    create: defineEndpoint({
      method: 'POST',
      path,
      tag,
      summary: `Create a ${noun}`,
      status: 201,
      body: spec.create,
      response: spec.response,
    }),
    get: defineEndpoint({
      method: 'GET',
      path: `${path}/:id`,
      tag,
      summary: `Get a ${noun}`,
      params: IdParamsSchema,
      response: spec.response,
    }),
    update: defineEndpoint({
      method: 'PATCH',
      path: `${path}/:id`,
      tag,
      summary: `Update a ${noun} (send the version you read)`,
      params: IdParamsSchema,
      body: spec.update,
      response: spec.response,
    }),
    remove: defineEndpoint({
      method: 'DELETE',
      path: `${path}/:id`,
      tag,
      summary: `Delete a ${noun} (send the version you read)`,
      status: 204,
      params: IdParamsSchema,
      query: VersionQuerySchema,
    }),
  };
}

export type CrudEndpoints<C extends ZodType, U extends ZodType, R extends ZodType> = ReturnType<
  typeof defineCrudEndpoints<C, U, R>
>;
