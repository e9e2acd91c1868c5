import type { FastifyInstance } from 'fastify';
import type { EventStreamQuery } from '../../contracts';
import { live } from '../../contracts/endpoints';
import { DomainError } from '../../core/errors';
import type { Authorizer } from '../auth/authorizer';
import type { Locator, Scope } from '../auth/locator';
import { parseOrThrow } from '../validation';
import type { ChangeFeed } from './change-feed';

/** Comment lines keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/** The scope a stream's filter opens, and what reading it needs: the matrix's or unit's plan, or membership. */
function streamScope(filter: EventStreamQuery, locate: Locator): Promise<Scope> {
  if (filter.matrixId) return locate.matrix(filter.matrixId);
  if (filter.unitId) return locate.unit(filter.unitId);
  if (filter.organisationId) return locate.organisation(filter.organisationId);
  throw new DomainError('validation_failed', 'Name a matrixId, unitId or organisationId to follow', {
    issues: [
      { path: 'query.organisationId', message: 'one of matrixId, unitId, organisationId is required' },
    ],
  });
}

/**
 * `GET /api/events`: a server-sent event stream of `change` events (JSON {@link Change}) for the
 * given matrix, unit or organisation. Clients refetch what they show when one arrives. Following
 * a matrix or unit needs read access to it; following an organisation needs membership.
 */
export function registerEventStream(app: FastifyInstance, feed: ChangeFeed, authorizer: Authorizer): void {
  const { path, query } = live.events;
  app.get(path, async (request, reply) => {
    const filter = parseOrThrow(query, request.query, 'query');
    const principal = await authorizer.principalOf(request.headers);
    if (principal.kind === 'anonymous')
      throw new DomainError('unauthorized', 'Sign in first (or send an API token)');
    const need = filter.matrixId || filter.unitId ? 'read' : 'member';
    await authorizer.authorize(
      principal,
      { kind: 'scoped', need, scope: () => streamScope(filter, authorizer.locate) },
      filter,
    );
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
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

/** The stream's entry in the OpenAPI document (it is not a JSON route), from its declaration. */
export const EVENT_STREAM_OPENAPI = {
  get: {
    summary: live.events.summary,
    tags: [live.events.tag],
    operationId: 'getApiEvents',
    parameters: Object.keys(live.events.query.shape).map((name) => ({
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
