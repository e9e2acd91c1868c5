/**
 * Route-level prefetch: when the router matches an address, the reads its page will make start at
 * once, in parallel with the organisation data the page waits for, instead of one after another.
 * One table maps each route pattern (paths.ts) to its reads (api/queries.ts); the page later reads
 * the same cache entries.
 */
import type { QueryClient, QueryExecuteOptions, QueryKey } from '@tanstack/react-query';
import { matchRoute, type Parser } from 'wouter';
import { queries } from './api/queries';
import { isTraceKind, routes } from './paths';

type Params = Record<string, string | undefined>;
type Prefetch = (client: QueryClient) => Promise<void>;

/** A read to start; a failure is swallowed here and waits in the cache for the page to show. */
function read<T, Key extends QueryKey>(options: QueryExecuteOptions<T, Error, T, T, Key>): Prefetch {
  return (client) => client.query(options).then(noop, noop);
}

const noop = () => undefined;

/** Route pattern → the reads its page makes that the address alone determines. */
export const PREFETCH_TABLE: ReadonlyArray<{
  pattern: string;
  reads: (params: Params, search: URLSearchParams) => Prefetch[];
}> = [
  {
    pattern: routes.orgAny,
    reads: ({ orgId = '' }) => [
      read(queries.organisation(orgId)),
      read(queries.units(orgId)),
      read(queries.matrices(orgId)),
      read(queries.people(orgId)),
      read(queries.cycles(orgId)),
    ],
  },
  {
    pattern: routes.matrix,
    reads: ({ unitId = '', year }) => [read(queries.matrixView(unitId, Number(year)))],
  },
  {
    pattern: routes.pressure,
    reads: ({ unitId = '', year }) => [read(queries.matrixView(unitId, Number(year)))],
  },
  {
    pattern: routes.bowling,
    reads: ({ unitId = '', year }) => [read(queries.bowling(unitId, Number(year)))],
  },
  {
    pattern: routes.okrs,
    reads: ({ unitId = '' }, search) => {
      const cycleId = search.get('cycle');
      return cycleId
        ? [read(queries.unitOkrs(unitId, cycleId)), read(queries.unitProgress(unitId, cycleId))]
        : [];
    },
  },
  {
    pattern: routes.dashboard,
    reads: ({ unitId = '' }, search) => {
      const cycleId = search.get('cycle');
      return cycleId ? [read(queries.dashboard(unitId, cycleId))] : [];
    },
  },
  {
    pattern: routes.overview,
    reads: ({ orgId = '' }, search) => {
      const cycleId = search.get('cycle');
      return cycleId ? [read(queries.overview(orgId, cycleId))] : [];
    },
  },
  { pattern: routes.map, reads: ({ orgId = '' }) => [read(queries.strategyMap(orgId))] },
  { pattern: routes.members, reads: ({ orgId = '' }) => [read(queries.roleAssignments(orgId))] },
  {
    pattern: routes.trace,
    reads: ({ kind = '', id = '' }) => (isTraceKind(kind) ? [read(queries.trace(kind, id))] : []),
  },
];

/** Starts the reads of every route in {@link PREFETCH_TABLE} that `path` matches. */
export function prefetchRoute(client: QueryClient, parser: Parser, path: string, search: string): void {
  const params = new URLSearchParams(search);
  for (const route of PREFETCH_TABLE) {
    const [matches, found] = matchRoute(parser, route.pattern, path);
    if (matches) for (const prefetch of route.reads(found, params)) void prefetch(client);
  }
}
