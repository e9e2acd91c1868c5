import { defineEndpoint } from '../endpoint';
import { EventStreamQuerySchema } from '../live';

/**
 * An endless text/event-stream of `change` events, not a JSON answer: browsers open it with
 * `new EventSource(endpointUrl(events, { query }))`. The server registers it by hand (see
 * src/server/live/event-stream.ts), reading its path, query and documentation from here.
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
