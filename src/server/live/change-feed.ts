import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../db/store';

export const CHANGES_CHANNEL = 'catchball_changes';

/**
 * Where changed rows belong, resolved through their parents (a check-in → its key result or KPI →
 * … → unit → organisation): whoever may read that place may hear of the change. `unitId` is
 * absent for rows of the organisation itself (cycles, people of no unit).
 */
export interface ChangePlace {
  organisationId: string;
  unitId?: string;
}

/**
 * What a write changed, as the database triggers (migration 0010) report it: a table, the scope
 * ids the rows themselves carry (`matrixId`, `unitId`, `organisationId`: what caches and the web
 * invalidate by), and `within`, where they belong. Rows of no organisation (accounts, sessions,
 * tokens) have no `within`: the caches hear of them, no viewer's stream does.
 */
export interface Change {
  table: string;
  op: 'insert' | 'update' | 'delete';
  matrixId?: string;
  unitId?: string;
  organisationId?: string;
  within?: ChangePlace;
}

/**
 * Which changes a subscriber cares about, by the ids the rows carry; a change that does not name
 * a scope key passes that key. Who may read a change is not decided here (see event-stream.ts).
 */
export type ChangeFilter = Partial<Pick<Change, 'matrixId' | 'unitId' | 'organisationId'>>;

export interface ChangeFeed {
  /** Sends matching changes to `send` until the returned function is called. */
  subscribe(filter: ChangeFilter, send: (change: Change) => void): () => void;
  /**
   * Resolves true once every change committed before the call has been sent to the subscribers,
   * or false after `timeoutMs` without that (the listener lags or is reconnecting: the caller
   * then drops what it caches). A write's author calls it before answering, so its caches
   * forget what the write changed, by the same messages every other server hears.
   */
  settle(timeoutMs?: number): Promise<boolean>;
  readonly subscriberCount: number;
  close(): Promise<void>;
}

export function matchesFilter(change: Change, filter: ChangeFilter): boolean {
  return (['matrixId', 'unitId', 'organisationId'] as const).every(
    (key) => filter[key] === undefined || change[key] === undefined || change[key] === filter[key],
  );
}

const SETTLE_TIMEOUT_MS = 2000;

/**
 * Listens once per app server to the database's change notifications and fans them out to the
 * viewers connected to this server. Because the notifications come from the database, an edit
 * made through any app server reaches the viewers of every other one.
 *
 * `settle` sends a marker on the same channel: PostgreSQL delivers the notifications of
 * different transactions in commit order (PGlite before the notifying query returns), so once
 * this feed hears its own marker it has heard everything committed before it. Other servers
 * hear the marker too and drop it: it names no table.
 */
export async function startChangeFeed(store: Store): Promise<ChangeFeed> {
  const subscribers = new Set<{ filter: ChangeFilter; send: (change: Change) => void }>();
  const feedId = randomUUID();
  let markersSent = 0;
  const awaited = new Map<string, () => void>();
  const stop = await store.listen(CHANGES_CHANNEL, (payload) => {
    let message: Partial<Change> & { marker?: string };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return;
    }
    if (message.marker !== undefined) {
      awaited.get(message.marker)?.();
      return;
    }
    if (typeof message.table !== 'string') return;
    const change = message as Change;
    for (const subscriber of subscribers)
      if (matchesFilter(change, subscriber.filter)) subscriber.send(change);
  });
  let inFlight: Promise<boolean> | null = null;
  let following: Promise<boolean> | null = null;
  /** Sends one marker and resolves once this feed hears it (false on a timeout or a failure). */
  const sendMarker = (timeoutMs: number): Promise<boolean> => {
    markersSent += 1;
    const marker = `${feedId}:${markersSent}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<boolean>((resolve) => {
      awaited.set(marker, () => resolve(true));
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const sent = (async () => {
      try {
        await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ marker })})`.execute(store.db);
        return await heard;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
        awaited.delete(marker);
      }
    })();
    inFlight = sent;
    void sent.then(() => {
      if (inFlight === sent) inFlight = null;
    });
    return sent;
  };
  return {
    subscribe(filter, send) {
      const subscriber = { filter, send };
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    settle(timeoutMs = SETTLE_TIMEOUT_MS) {
      // A marker in flight may have been sent before this caller's write committed, so the
      // caller waits for the next one; every caller arriving meanwhile shares that next marker
      // (under many concurrent writes, one marker query per round trip instead of one per write).
      if (!inFlight) return sendMarker(timeoutMs);
      following ??= inFlight.then(() => {
        following = null;
        return sendMarker(timeoutMs);
      });
      return following;
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
