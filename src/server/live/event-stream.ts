import type { EventStreamQuery } from '../../contracts';
import { live } from '../../contracts/endpoints';
import { DomainError } from '../../core/errors';
import type { AccessContext } from '../auth/authorizer';
import type { Locator, Scope } from '../auth/locator';
import { implement, type Route } from '../route';
import type { Change, ChangeFeed } from './change-feed';

/** Comment lines keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/** The scope a stream's filter opens, and what reading it needs: the matrix's or unit's plan, or membership. */
async function streamScope(filter: EventStreamQuery, locate: Locator): Promise<Scope> {
  if (filter.matrixId) return locate.matrix(filter.matrixId);
  if (filter.unitId) return locate.unit(filter.unitId);
  if (filter.organisationId) return { ...(await locate.organisation(filter.organisationId)), need: 'member' };
  throw new DomainError('validation_failed', 'Name a matrixId, unitId or organisationId to follow', {
    issues: [
      { path: 'query.organisationId', message: 'one of matrixId, unitId, organisationId is required' },
    ],
  });
}

/**
 * Whether a stream following `followed` may carry `change` to its principal: the change belongs
 * to the followed organisation, and the principal may read where it belongs (its unit; for rows
 * of the organisation itself, membership, as following the organisation needs). Rows of no
 * organisation reach nobody. A unit API token reads its unit's subtree only, so it hears nothing
 * of sibling or parent branches. Decided per change with the principal's standing now: a role
 * revoked while the stream is open stops what it no longer may read.
 */
export async function mayReceive(change: Change, followed: Scope, access: AccessContext): Promise<boolean> {
  const place = change.within;
  if (place?.organisationId !== followed.organisationId) return false;
  if (place.unitId === undefined)
    return access.allows('member', { organisationId: place.organisationId, unitId: null });
  return access.allows('read', { organisationId: place.organisationId, unitId: place.unitId });
}

/** What a `change` event carries: the table, the operation and the scope ids the rows carry. */
function presentChange(change: Change): Omit<Change, 'within'> {
  return {
    table: change.table,
    op: change.op,
    ...(change.matrixId === undefined ? {} : { matrixId: change.matrixId }),
    ...(change.unitId === undefined ? {} : { unitId: change.unitId }),
    ...(change.organisationId === undefined ? {} : { organisationId: change.organisationId }),
  };
}

/**
 * `GET /api/events`: a server-sent event stream of `change` events (JSON, see
 * {@link presentChange}) for the given matrix, unit or organisation. Clients refetch what they
 * show when one arrives. Following a matrix or unit needs read access to it; following an
 * organisation needs membership; each change then goes out only when {@link mayReceive} says so.
 * Declared like every route (`implement`), but registered outside `apiRoutes`: it needs the
 * server's change feed and holds its connection open.
 */
export function eventStreamRoute(feed: ChangeFeed): Route {
  return implement(live.events, {
    access: { kind: 'scoped', need: 'read', scope: ({ query }, locate) => streamScope(query, locate) },
    handler: ({ query, request, reply, access }) => {
      const followed = access.scope;
      if (followed === null) throw new Error('the event stream is a scoped route');
      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      stream.write(`retry: 2000\n: connected\n\n`);
      let isOpen = true;
      // One change after the other, each after its access check, so events keep commit order.
      let sending = Promise.resolve();
      const unsubscribe = feed.subscribe(query, (change) => {
        sending = sending
          .then(async () => {
            if (isOpen && (await mayReceive(change, followed, access)))
              stream.write(`event: change\ndata: ${JSON.stringify(presentChange(change))}\n\n`);
          })
          .catch(() => undefined);
      });
      const heartbeat = setInterval(() => stream.write(': ping\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        isOpen = false;
        clearInterval(heartbeat);
        unsubscribe();
      });
      return Promise.resolve(undefined);
    },
  });
}
