import type { Store } from '../db/store';
import { createInProcessQueue } from './in-process-queue';
import type { JobQueue } from './job-queue';
import { createPgBossQueue } from './pg-boss-queue';

/** The store's job queue: pg-boss on PostgreSQL, in process on the embedded store. */
export function openJobQueue(store: Store, log?: (message: string) => void): JobQueue {
  return store.connectionString
    ? createPgBossQueue(store.db, store.connectionString, log ? { log } : {})
    : createInProcessQueue(store.db);
}
