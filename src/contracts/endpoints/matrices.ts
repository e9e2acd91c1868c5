import { z } from 'zod';
import { IdParamsSchema, IdSchema, ReorderSchema } from '../common';
import { VersionQuerySchema } from '../crud-endpoints';
import { defineEndpoint } from '../endpoint';
import {
  CorrelationSchema,
  CreateMatrixItemSchema,
  CreateMatrixSchema,
  MatrixItemSchema,
  MatrixLocatorSchema,
  MatrixPartSchema,
  OwnershipSchema,
  SetCorrelationSchema,
  SetOwnershipSchema,
  UpdateMatrixItemSchema,
  UpdateMatrixSchema,
  XMatrixSchema,
  XMatrixViewSchema,
} from '../x-matrix';

const tag = 'X-matrices';

export const getUnitMatrix = defineEndpoint({
  method: 'GET',
  path: '/api/units/:unitId/matrices/:year',
  tag,
  summary: "A unit's whole X-matrix for a year",
  params: MatrixLocatorSchema,
  response: XMatrixViewSchema,
});

export const create = defineEndpoint({
  method: 'POST',
  path: '/api/matrices',
  tag,
  summary: 'Create an X-matrix for a unit and year',
  status: 201,
  body: CreateMatrixSchema,
  response: XMatrixViewSchema,
});

export const get = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id',
  tag,
  summary: 'A whole X-matrix by id',
  params: IdParamsSchema,
  response: XMatrixViewSchema,
});

export const update = defineEndpoint({
  method: 'PATCH',
  path: '/api/matrices/:id',
  tag,
  summary: 'Update the True North statement',
  params: IdParamsSchema,
  body: UpdateMatrixSchema,
  response: XMatrixSchema,
});

export const remove = defineEndpoint({
  method: 'DELETE',
  path: '/api/matrices/:id',
  tag,
  summary: 'Delete an X-matrix with its items',
  status: 204,
  params: IdParamsSchema,
  query: VersionQuerySchema,
});

export const createItem = defineEndpoint({
  method: 'POST',
  path: '/api/matrices/:id/items',
  tag,
  summary: 'Add an item to a part (appended at the end)',
  status: 201,
  params: IdParamsSchema,
  body: CreateMatrixItemSchema,
  response: MatrixItemSchema,
});

export const reorderItems = defineEndpoint({
  method: 'POST',
  path: '/api/matrices/:id/parts/:part/order',
  tag,
  summary: 'Reorder the items of one part',
  params: z.object({ id: IdSchema, part: MatrixPartSchema }),
  body: ReorderSchema,
  response: z.array(MatrixItemSchema),
});

export const getItem = defineEndpoint({
  method: 'GET',
  path: '/api/matrix-items/:id',
  tag,
  summary: 'Get a matrix item',
  params: IdParamsSchema,
  response: MatrixItemSchema,
});

export const updateItem = defineEndpoint({
  method: 'PATCH',
  path: '/api/matrix-items/:id',
  tag,
  summary: 'Update a matrix item (send the version you read)',
  params: IdParamsSchema,
  body: UpdateMatrixItemSchema,
  response: MatrixItemSchema,
});

export const removeItem = defineEndpoint({
  method: 'DELETE',
  path: '/api/matrix-items/:id',
  tag,
  summary: 'Delete a matrix item with its correlations and owners',
  status: 204,
  params: IdParamsSchema,
  query: VersionQuerySchema,
});

export const setCorrelation = defineEndpoint({
  method: 'PUT',
  path: '/api/matrices/:id/correlations',
  tag,
  summary: 'Set or clear one corner-grid cell (items of neighbouring parts, either order)',
  params: IdParamsSchema,
  body: SetCorrelationSchema,
  response: z.object({ correlation: CorrelationSchema.nullable() }),
});

export const setOwnership = defineEndpoint({
  method: 'PUT',
  path: '/api/matrices/:id/ownerships',
  tag,
  summary: 'Set or clear one Who-grid cell (exactly one primary owner per initiative)',
  params: IdParamsSchema,
  body: SetOwnershipSchema,
  response: z.object({ ownership: OwnershipSchema.nullable() }),
});
