import type { Change, ChangeFeed } from './change-feed';

/**
 * Whole X-matrix views kept in memory between changes, so the API's hottest read costs no query
 * while nothing changed. Correctness rests on invalidation, never on time:
 * - every change the database reports (migration 0010's triggers, through the change feed) drops
 *   the views of its matrix, or all views when the change names no matrix (a unit, a person, a
 *   parent key result: anything a view shows);
 * - this server's own writes reach it the same way before their response is sent (app.ts waits
 *   for them with `ChangeFeed.settle`: read-your-writes); when the feed cannot confirm them in
 *   time, everything is dropped;
 * - a view computed while an invalidation happened is returned but not kept, so a read that raced
 *   a write can never outlive it.
 * Other app servers learn of a write through the same notification, within milliseconds.
 */
export interface ViewCache {
  get<T>(key: string, matrixIdOf: (value: T) => string, compute: () => Promise<T>): Promise<T>;
  invalidate(change?: Change): void;
  readonly size: number;
  close(): void;
}

interface Entry {
  matrixId: string;
  value: unknown;
}

export function createViewCache(feed: ChangeFeed, maxEntries = 500): ViewCache {
  const entries = new Map<string, Entry>();
  let generation = 0;

  const invalidate = (change?: Change) => {
    generation += 1;
    if (!change?.matrixId) {
      entries.clear();
      return;
    }
    for (const [key, entry] of entries) if (entry.matrixId === change.matrixId) entries.delete(key);
  };
  const unsubscribe = feed.subscribe({}, invalidate);

  return {
    async get<T>(key: string, matrixIdOf: (value: T) => string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit) return hit.value as T;
      const startedAt = generation;
      const value = await compute();
      if (generation === startedAt) {
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
        entries.set(key, { matrixId: matrixIdOf(value), value });
      }
      return value;
    },
    invalidate,
    get size() {
      return entries.size;
    },
    close: () => {
      unsubscribe();
      entries.clear();
    },
  };
}
