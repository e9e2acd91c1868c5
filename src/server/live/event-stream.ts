import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdSchema } from '../../contracts';
import { parseOrThrow } from '../validation';
import type { ChangeFeed } from './change-feed';

const EventQuerySchema = z.object({
  matrixId: IdSchema.optional(),
  unitId: IdSchema.optional(),
  organisationId: IdSchema.optional(),
});

/** Comment lines keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/**
 * `GET /api/events`: a server-sent event stream of `change` events (JSON {@link Change}) for the
 * given matrix, unit or organisation. Clients refetch what they show when one arrives.
 */
export function registerEventStream(app: FastifyInstance, feed: ChangeFeed): void {
  app.get('/api/events', (request, reply) => {
    const filter = parseOrThrow(EventQuerySchema, request.query, 'query');
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    stream.write(`retry: 2000\n: connected\n\n`);
    const unsubscribe = feed.subscribe(filter, (change) => {
      stream.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
    });
    const heartbeat = setInterval(() => stream.write(': ping\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}

/** The stream's entry in the OpenAPI document (it is not a JSON route). */
export const EVENT_STREAM_OPENAPI = {
  get: {
    summary:
      'Live changes as server-sent events (event: change, data: { table, op, matrixId?, unitId?, organisationId? })',
    tags: ['Live updates'],
    operationId: 'getApiEvents',
    parameters: (['matrixId', 'unitId', 'organisationId'] as const).map((name) => ({
      name,
      in: 'query',
      required: false,
      schema: { type: 'string' },
    })),
    responses: {
      '200': { description: 'An endless text/event-stream', content: { 'text/event-stream': {} } },
    },
  },
};
