import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsActor, type Actor } from '../../src/server/db/actor-context';
import type { Store } from '../../src/server/db/store';
import { openTestStore } from '../support/test-app';

/**
 * The audit trail names whoever wrote (db/actor-context.ts): a connection carries its writer in
 * `catchball.actor`, set only before statements that may write and only when it changes. Runs on
 * the embedded store, and on PostgreSQL with DATABASE_URL.
 */
const ada: Actor = { kind: 'user', id: 'usr_ada', name: 'Ada' };
const bob: Actor = { kind: 'user', id: 'usr_bob', name: 'Bob' };

describe('the writer the audit trail records', () => {
  let store: Store;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ store, drop } = await openTestStore());
  });
  afterAll(() => drop());

  const rename = (name: string) =>
    store.db.updateTable('organisations').set({ name }).where('id', '=', 'tag-org').execute();
  const lastWriter = async () =>
    (
      await store.db
        .selectFrom('auditEvents')
        .select(['actorId', 'actorName'])
        .where('entityId', '=', 'tag-org')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).actorId;

  it('is each write’s own actor, reads between them or not', async () => {
    await runAsActor(ada, () =>
      store.db
        .insertInto('organisations')
        .values({ id: 'tag-org', name: 'Tagged', partNames: sql`'{}'::jsonb`, horizonYears: 3 })
        .execute(),
    );
    expect(await lastWriter()).toBe('usr_ada');
    await runAsActor(bob, async () => {
      await store.db.selectFrom('organisations').selectAll().execute();
      await rename('By Bob');
    });
    expect(await lastWriter()).toBe('usr_bob');
    await rename('By the system');
    expect(await lastWriter()).toBeNull();
  });

  it('survives a rolled-back transaction that set it: the next write sets it again', async () => {
    await runAsActor(ada, () =>
      store.db
        .transaction()
        .execute(async (trx) => {
          await trx
            .updateTable('organisations')
            .set({ name: 'Undone' })
            .where('id', '=', 'tag-org')
            .execute();
          throw new Error('rolled back');
        })
        .catch(() => undefined),
    );
    // The rollback took Ada's setting with it; a connection that still believed it carried her
    // would record this write as the system's.
    await runAsActor(ada, () => rename('By Ada again'));
    expect(await lastWriter()).toBe('usr_ada');
  });
});
