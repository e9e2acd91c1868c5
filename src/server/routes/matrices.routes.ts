import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  CorrelationSchema,
  CreateMatrixItemSchema,
  CreateMatrixSchema,
  IdParamsSchema,
  IdSchema,
  MatrixItemSchema,
  MatrixLocatorSchema,
  MatrixPartSchema,
  OwnershipSchema,
  ReorderSchema,
  SetCorrelationSchema,
  SetOwnershipSchema,
  UpdateMatrixItemSchema,
  UpdateMatrixSchema,
  XMatrixSchema,
  XMatrixViewSchema,
  type XMatrixView,
} from '../../contracts';
import { defineRoute, type Route } from '../route';
import { onItemInPath, onMatrixInPath } from './access-rules';
import type { Services } from '../services';
import { VersionQuerySchema } from './shared';
import type { ViewCache } from '../live/view-cache';

/** The whole-view reads go through `viewCache` (see live/view-cache.ts); every write goes to the store. */
export function matrixRoutes(services: Services, viewCache: ViewCache): Route[] {
  const tag = 'X-matrices';
  const { matrices, items, grid } = services;
  /**
   * Answers with a whole view, serialised once per change: the cached JSON text is sent as it is,
   * so a read between changes costs neither queries nor serialisation.
   */
  const sendView = async (reply: FastifyReply, key: string, load: () => Promise<XMatrixView>) => {
    const cached = await viewCache.get(
      key,
      (entry) => entry.matrixId,
      async () => {
        const view = await load();
        return { matrixId: view.matrix.id, json: JSON.stringify(view) };
      },
    );
    void reply.type('application/json; charset=utf-8');
    // The route's schema describes the view; what goes out is that view's JSON text.
    return cached.json as unknown as XMatrixView;
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:unitId/matrices/:year',
      tag,
      summary: "A unit's whole X-matrix for a year",
      params: MatrixLocatorSchema,
      response: XMatrixViewSchema,
      access: { kind: 'scoped', need: 'read', scope: ({ params }, locate) => locate.unit(params.unitId) },
      handler: ({ params, reply }) =>
        sendView(reply, `unit:${params.unitId}:${String(params.year)}`, () =>
          matrices.viewByUnitAndYear(params.unitId, params.year),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/matrices',
      tag,
      summary: 'Create an X-matrix for a unit and year',
      status: 201,
      body: CreateMatrixSchema,
      response: XMatrixViewSchema,
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: ({ body }, locate) => locate.referenced('unitId', () => locate.unit(body.unitId)),
      },
      handler: ({ body }) => matrices.create(body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/matrices/:id',
      tag,
      summary: 'A whole X-matrix by id',
      params: IdParamsSchema,
      response: XMatrixViewSchema,
      access: onMatrixInPath('read'),
      handler: ({ params, reply }) => sendView(reply, `matrix:${params.id}`, () => matrices.view(params.id)),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/matrices/:id',
      tag,
      summary: 'Update the True North statement',
      params: IdParamsSchema,
      body: UpdateMatrixSchema,
      response: XMatrixSchema,
      access: onMatrixInPath('edit'),
      handler: ({ params, body }) => matrices.update(params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/matrices/:id',
      tag,
      summary: 'Delete an X-matrix with its items',
      status: 204,
      params: IdParamsSchema,
      query: VersionQuerySchema,
      access: onMatrixInPath('edit'),
      handler: async ({ params, query }) => {
        await matrices.remove(params.id, query.version);
        return undefined;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/matrices/:id/items',
      tag,
      summary: 'Add an item to a part (appended at the end)',
      status: 201,
      params: IdParamsSchema,
      body: CreateMatrixItemSchema,
      response: MatrixItemSchema,
      access: onMatrixInPath('edit'),
      handler: ({ params, body }) => items.create(params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/matrices/:id/parts/:part/order',
      tag,
      summary: 'Reorder the items of one part',
      params: z.object({ id: IdSchema, part: MatrixPartSchema }),
      body: ReorderSchema,
      response: z.array(MatrixItemSchema),
      access: onMatrixInPath('edit'),
      handler: ({ params, body }) => items.reorder(params.id, params.part, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/matrix-items/:id',
      tag,
      summary: 'Get a matrix item',
      params: IdParamsSchema,
      response: MatrixItemSchema,
      access: onItemInPath('read'),
      handler: ({ params }) => items.get(params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/matrix-items/:id',
      tag,
      summary: 'Update a matrix item (send the version you read)',
      params: IdParamsSchema,
      body: UpdateMatrixItemSchema,
      response: MatrixItemSchema,
      access: onItemInPath('edit'),
      handler: ({ params, body }) => items.update(params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/matrix-items/:id',
      tag,
      summary: 'Delete a matrix item with its correlations and owners',
      status: 204,
      params: IdParamsSchema,
      query: VersionQuerySchema,
      access: onItemInPath('edit'),
      handler: async ({ params, query }) => {
        await items.remove(params.id, query.version);
        return undefined;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/matrices/:id/correlations',
      tag,
      summary: 'Set or clear one corner-grid cell (items of neighbouring parts, either order)',
      params: IdParamsSchema,
      body: SetCorrelationSchema,
      response: z.object({ correlation: CorrelationSchema.nullable() }),
      access: onMatrixInPath('edit'),
      handler: async ({ params, body }) => ({ correlation: await grid.setCorrelation(params.id, body) }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/matrices/:id/ownerships',
      tag,
      summary: 'Set or clear one Who-grid cell (exactly one primary owner per initiative)',
      params: IdParamsSchema,
      body: SetOwnershipSchema,
      response: z.object({ ownership: OwnershipSchema.nullable() }),
      access: onMatrixInPath('edit'),
      handler: async ({ params, body }) => ({ ownership: await grid.setOwnership(params.id, body) }),
    }),
  ];
}
