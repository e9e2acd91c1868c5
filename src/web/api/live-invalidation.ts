/**
 * Which cached reads a live change makes stale. The server's change events (GET /api/events) name
 * a table and the scope of the row: its matrix, unit and organisation ids, any of them absent when
 * the table has no such column. Each id named invalidates the keys of that scope (query-keys.ts);
 * a change that names no id at all (a key result, a check-in) passed the stream's filter because
 * it could concern anything, so it invalidates the whole scope the stream follows.
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { XMatrixView } from '../../contracts';
import { isMatrixViewKey } from './query-keys';

/** A `change` event's data, as the server's change feed sends it. */
export interface LiveChange {
  table: string;
  op?: string;
  matrixId?: string;
  unitId?: string;
  organisationId?: string;
}

/** What a stream follows: one matrix, one unit or one organisation. */
export type LiveScope = Partial<Pick<LiveChange, 'matrixId' | 'unitId' | 'organisationId'>>;

/** The ids whose scopes a burst of changes made stale. */
export interface StaleScopes {
  matrixIds: Set<string>;
  unitIds: Set<string>;
  organisationIds: Set<string>;
}

/** The scopes `changes`, received on a stream following `followed`, made stale. */
export function staleScopesOf(changes: readonly LiveChange[], followed: LiveScope): StaleScopes {
  const stale: StaleScopes = { matrixIds: new Set(), unitIds: new Set(), organisationIds: new Set() };
  for (const change of changes) {
    const named = change.matrixId ?? change.unitId ?? change.organisationId;
    const scope = named === undefined ? followed : change;
    if (scope.matrixId) stale.matrixIds.add(scope.matrixId);
    if (scope.unitId) stale.unitIds.add(scope.unitId);
    if (scope.organisationId) stale.organisationIds.add(scope.organisationId);
  }
  return stale;
}

/**
 * True when the read cached under `key` (holding `data`) belongs to a stale scope. A matrix view
 * is keyed by unit and year, so a change naming only its matrix finds it by the matrix it holds.
 */
export function isStale(key: QueryKey, data: unknown, stale: StaleScopes): boolean {
  const [kind, id] = key;
  if (typeof id !== 'string') return false;
  if (kind === 'org') return stale.organisationIds.has(id);
  if (kind === 'matrix') return stale.matrixIds.has(id);
  if (kind !== 'unit') return false;
  if (stale.unitIds.has(id)) return true;
  const matrixId = isMatrixViewKey(key) ? (data as XMatrixView | undefined)?.matrix.id : undefined;
  return matrixId !== undefined && stale.matrixIds.has(matrixId);
}

/** True when `key` starts with every element of `prefix`. */
const startsWith = (key: QueryKey, prefix: QueryKey) =>
  prefix.every((part, index) => JSON.stringify(part) === JSON.stringify(key[index]));

/**
 * Invalidates (and so refetches, where shown) every cached read the changes made stale, except
 * the keys in `except`: reads whose owner reloads them itself, like the matrix editor, which
 * reloads its view behind the writes it has queued. With `only`, just the reads under those key
 * prefixes are considered: a stream kept for one small read (the top bar's inbox follows the whole
 * organisation) leaves the pages' reads to the pages' own streams.
 */
export function invalidateForChanges(
  client: QueryClient,
  changes: readonly LiveChange[],
  followed: LiveScope,
  except: readonly QueryKey[] = [],
  only?: readonly QueryKey[],
): Promise<void> {
  const stale = staleScopesOf(changes, followed);
  const skipped = new Set(except.map((key) => JSON.stringify(key)));
  return client.invalidateQueries({
    predicate: (query: Query) =>
      !skipped.has(JSON.stringify(query.queryKey)) &&
      (only === undefined || only.some((prefix) => startsWith(query.queryKey, prefix))) &&
      isStale(query.queryKey, query.state.data, stale),
  });
}
