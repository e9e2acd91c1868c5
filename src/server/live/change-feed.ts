import type { Store } from '../db/store';

export const CHANGES_CHANNEL = 'catchball_changes';

/** What a write changed, as the database trigger (migration 0006) reports it: a table and its scope. */
export interface Change {
  table: string;
  op: 'insert' | 'update' | 'delete';
  matrixId?: string;
  unitId?: string;
  organisationId?: string;
}

/** Which changes a viewer cares about; a change that does not name a scope key passes that key. */
export type ChangeFilter = Partial<Pick<Change, 'matrixId' | 'unitId' | 'organisationId'>>;

export interface ChangeFeed {
  /** Sends matching changes to `send` until the returned function is called. */
  subscribe(filter: ChangeFilter, send: (change: Change) => void): () => void;
  readonly subscriberCount: number;
  close(): Promise<void>;
}

export function matchesFilter(change: Change, filter: ChangeFilter): boolean {
  return (['matrixId', 'unitId', 'organisationId'] as const).every(
    (key) => filter[key] === undefined || change[key] === undefined || change[key] === filter[key],
  );
}

/**
 * Listens once per app server to the database's change notifications and fans them out to the
 * viewers connected to this server. Because the notifications come from the database, an edit
 * made through any app server reaches the viewers of every other one.
 */
export async function startChangeFeed(store: Store): Promise<ChangeFeed> {
  const subscribers = new Set<{ filter: ChangeFilter; send: (change: Change) => void }>();
  const stop = await store.listen(CHANGES_CHANNEL, (payload) => {
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      return;
    }
    for (const subscriber of subscribers)
      if (matchesFilter(change, subscriber.filter)) subscriber.send(change);
  });
  return {
    subscribe(filter, send) {
      const subscriber = { filter, send };
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    get subscriberCount() {
      return subscribers.size;
    },
    async close() {
      subscribers.clear();
      await stop();
    },
  };
}
