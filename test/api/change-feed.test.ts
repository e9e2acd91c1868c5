import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/db/store';
import {
  CHANGES_CHANNEL,
  startChangeFeed,
  type Change,
  type ChangeFeed,
} from '../../src/server/live/change-feed';
import { openTestStore } from '../support/test-app';

describe('the change feed', () => {
  let store: Store;
  let drop: () => Promise<void>;
  let feed: ChangeFeed;
  const heard: Change[] = [];
  beforeAll(async () => {
    ({ store, drop } = await openTestStore());
    feed = await startChangeFeed(store);
    feed.subscribe({}, (change) => heard.push(change));
  });
  afterAll(async () => {
    await feed.close();
    await drop();
  });

  it('has heard every change committed before settle() resolves, by table, and no marker', async () => {
    heard.length = 0;
    await store.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('organisations')
        .values({ id: 'feed-org', name: 'Feed', partNames: sql`'{}'::jsonb`, horizonYears: 3 })
        .execute();
      await tx
        .insertInto('units')
        .values({ id: 'feed-unit', organisationId: 'feed-org', name: 'Unit', position: 0 })
        .execute();
    });
    await store.db.updateTable('units').set({ name: 'Renamed' }).where('id', '=', 'feed-unit').execute();
    expect(await feed.settle()).toBe(true);
    expect(heard.map((change) => [change.table, change.op])).toEqual([
      ['organisations', 'insert'],
      ['units', 'insert'],
      ['units', 'update'],
    ]);
    expect(heard[1]).toMatchObject({ unitId: 'feed-unit', organisationId: 'feed-org' });
  });

  it('lets concurrent writers share markers, each having heard its own write when its settle resolves', async () => {
    heard.length = 0;
    let markers = 0;
    const stop = await store.listen(CHANGES_CHANNEL, (payload) => {
      if ((JSON.parse(payload) as { marker?: string }).marker !== undefined) markers += 1;
    });
    const writers = Array.from({ length: 10 }, (_, i) => `feed-unit-${String(i)}`);
    const results = await Promise.all(
      writers.map(async (id) => {
        await store.db
          .insertInto('units')
          .values({ id, organisationId: 'feed-org', name: id, position: 1 })
          .execute();
        const settled = await feed.settle();
        return settled && heard.some((change) => change.table === 'units' && change.unitId === id);
      }),
    );
    await stop();
    expect(results).toEqual(writers.map(() => true));
    expect(markers).toBeGreaterThan(0);
    expect(markers).toBeLessThan(writers.length);
  });

  it('answers false when its marker does not come back in time', async () => {
    await feed.close();
    expect(await feed.settle(50)).toBe(false);
    feed = await startChangeFeed(store);
  });
});
