import type { Db } from './store';
import type { Database } from './schema';

/**
 * Bind parameters one statement may carry. PostgreSQL's protocol caps a statement at 65,535;
 * a sixteenth of that keeps every statement of a bulk write short (tens of milliseconds on the
 * embedded store), so the server yields often enough to answer health checks and other requests.
 */
export const STATEMENT_PARAMETERS = 4_096;

/** Rows of `columns` columns that fit one statement's parameter budget (at least one). */
export function rowsPerStatement(columns: number, budget = STATEMENT_PARAMETERS): number {
  return Math.max(1, Math.floor(budget / Math.max(1, columns)));
}

/**
 * Lets the event loop run queued I/O and timers. The embedded store runs its queries on this
 * thread and resolves them without a macrotask, so a long import that never yields keeps every
 * other request (health checks included) waiting until it ends.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Called after every statement of a chunked write with the rows written so far by that call. */
export type ChunkListener = (written: number) => void;

/**
 * The one bulk writer: inserts `rows` into `table` in statements sized by their bind parameters
 * (rows × distinct columns ≤ {@link STATEMENT_PARAMETERS}), yielding to the event loop between
 * them. Run it inside the caller's transaction: chunks change how rows travel, never what
 * commits together.
 */
export async function insertInChunks(
  db: Db,
  table: keyof Database,
  rows: readonly Record<string, unknown>[],
  onChunk?: ChunkListener,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = new Set<string>();
  for (const row of rows) for (const key in row) columns.add(key);
  const size = rowsPerStatement(columns.size);
  for (let start = 0; start < rows.length; start += size) {
    await db
      .insertInto(table as 'units')
      .values(rows.slice(start, start + size) as never)
      .execute();
    onChunk?.(Math.min(rows.length, start + size));
    await yieldToEventLoop();
  }
}

/**
 * Runs `query` over `values` in slices that fit one statement's parameter budget (an `in (…)`
 * list of 100,000 ids would not), yielding between them; the results are concatenated in order.
 */
export async function inChunks<V, R>(
  values: readonly V[],
  query: (slice: V[]) => Promise<R[]>,
  budget = STATEMENT_PARAMETERS,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < values.length; start += budget) {
    results.push(...(await query(values.slice(start, start + budget))));
    if (start + budget < values.length) await yieldToEventLoop();
  }
  return results;
}
