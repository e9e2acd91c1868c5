import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { XMatrixView } from '../../contracts';
import { matrices as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
import { onItemInPath, onMatrixInPath } from './access-rules';
import type { Services } from '../services';
import type { ViewCache } from '../live/view-cache';

/** A view as it is kept between changes: its JSON text, and that text gzipped once first asked for. */
interface CachedView {
  matrixId: string;
  json: string;
  gzipped: Promise<Buffer> | null;
}

const gzipText = promisify(gzip);

/** Whether an Accept-Encoding header admits gzip (not refused with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase().split(';'))
    .some(([coding, ...params]) => coding === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)));
}

/** The whole-view reads go through `viewCache` (see live/view-cache.ts); every write goes to the store. */
export function matrixRoutes(services: Services, viewCache: ViewCache): Route[] {
  const { matrices, items, grid } = services;
  /**
   * Answers with a whole view, serialised and gzipped once per change: the cached JSON text (or
   * its gzip, for a client that accepts it) is sent as it is, so a read between changes costs
   * neither queries, nor serialisation, nor compression (a 200-item matrix is megabytes of JSON,
   * whose gzip took longer than the rest of the request).
   */
  const sendView = async (
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    load: () => Promise<XMatrixView>,
  ) => {
    const cached = await viewCache.get<CachedView>(
      key,
      (entry) => entry.matrixId,
      async () => {
        const view = await load();
        return { matrixId: view.matrix.id, json: JSON.stringify(view), gzipped: null };
      },
    );
    void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (acceptsGzip(request.headers['accept-encoding'])) {
      cached.gzipped ??= gzipText(cached.json);
      void reply.header('content-encoding', 'gzip');
      // The route's schema describes the view; what goes out is that view's JSON, gzipped.
      return (await cached.gzipped) as unknown as XMatrixView;
    }
    return cached.json as unknown as XMatrixView;
  };
  return [
    implement(endpoints.getUnitMatrix, {
      access: { kind: 'scoped', need: 'read', scope: ({ params }, locate) => locate.unit(params.unitId) },
      handler: ({ params, request, reply }) =>
        sendView(request, reply, `unit:${params.unitId}:${String(params.year)}`, () =>
          matrices.viewByUnitAndYear(params.unitId, params.year),
        ),
    }),
    implement(endpoints.create, {
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: ({ body }, locate) => locate.referenced('unitId', () => locate.unit(body.unitId)),
      },
      handler: ({ body }) => matrices.create(body),
    }),
    implement(endpoints.get, {
      access: onMatrixInPath('read'),
      handler: ({ params, request, reply }) =>
        sendView(request, reply, `matrix:${params.id}`, () => matrices.view(params.id)),
    }),
    implement(endpoints.update, {
      access: onMatrixInPath('edit'),
      handler: ({ params, body }) => matrices.update(params.id, body),
    }),
    implement(endpoints.remove, {
      access: onMatrixInPath('edit'),
      handler: async ({ params, query }) => {
        await matrices.remove(params.id, query.version);
        return undefined;
      },
    }),
    implement(endpoints.createItem, {
      access: onMatrixInPath('edit'),
      handler: ({ params, body }) => items.create(params.id, body),
    }),
    implement(endpoints.reorderItems, {
      access: onMatrixInPath('edit'),
      handler: ({ params, body }) => items.reorder(params.id, params.part, body),
    }),
    implement(endpoints.getItem, {
      access: onItemInPath('read'),
      handler: ({ params }) => items.get(params.id),
    }),
    implement(endpoints.updateItem, {
      access: onItemInPath('edit'),
      handler: ({ params, body }) => items.update(params.id, body),
    }),
    implement(endpoints.removeItem, {
      access: onItemInPath('edit'),
      handler: async ({ params, query }) => {
        await items.remove(params.id, query.version);
        return undefined;
      },
    }),
    implement(endpoints.setCorrelation, {
      access: onMatrixInPath('edit'),
      handler: async ({ params, body }) => ({ correlation: await grid.setCorrelation(params.id, body) }),
    }),
    implement(endpoints.setOwnership, {
      access: onMatrixInPath('edit'),
      handler: async ({ params, body }) => ({ ownership: await grid.setOwnership(params.id, body) }),
    }),
  ];
}
