import { defineEndpoint } from '../endpoint';
import { EventStreamQuerySchema } from '../live';

/**
 * An endless text/event-stream of `change` events, not a JSON answer: browsers open it with
 * `new EventSource(endpointUrl(events, { query }))`. The server implements it like every other
 * endpoint, access rule included (src/server/live/event-stream.ts); each change goes only to a
 * caller who may read where it happened.
 */
export const events = defineEndpoint({
  method: 'GET',
  path: '/api/events',
  tag: 'Live updates',
  summary:
    'Live changes as server-sent events (event: change, data: { table, op, matrixId?, unitId?, organisationId? })',
  query: EventStreamQuerySchema,
  produces: 'text/event-stream',
});
