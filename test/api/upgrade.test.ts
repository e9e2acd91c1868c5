import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src/server/db/restore';
import { openStore, PGLITE_OPTIONS, wrapPGlite, type Store } from '../../src/server/db/store';
import { createServices } from '../../src/server/services';
import { createDatabase, dropDatabase } from '../support/postgres';

const RELEASES = join(import.meta.dirname, '../fixtures/releases');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function unmigratedStore(kind: 'pglite' | 'postgres'): Promise<Store> {
  if (kind === 'pglite') {
    const store = wrapPGlite(await PGlite.create(PGLITE_OPTIONS));
    cleanups.push(() => store.close());
    return store;
  }
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const name = `catchball_test_upgrade_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl: await createDatabase(databaseUrl, name) });
  cleanups.push(async () => {
    await store.close();
    await dropDatabase(databaseUrl, name);
  });
  return store;
}

const kinds = ['pglite', ...(process.env.DATABASE_URL ? ['postgres' as const] : [])] as const;

/**
 * Upgrading: a store written by an earlier release (its backup) comes back in this build with
 * every row, the later migrations applied to it (measure rules, overrides, entry order), and the
 * app working on it.
 */
describe.each(kinds)('a store of release a8cd7f5, restored into this build (%s)', (kind) => {
  it('keeps every row, fills the columns later migrations added, and serves the demo', async () => {
    const store = await unmigratedStore(kind);
    const summary = await restoreBackup(store, join(RELEASES, 'backup-a8cd7f5.jsonl.gz'));
    expect(summary.migrations.at(-1)).toBe('0010_scoped_change_notifications.sql');
    expect(summary.rows).toMatchObject({ check_ins: 181, key_results: 13, matrix_items: 42, objectives: 5 });

    const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
      store.db,
    );
    expect(applied.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['0011_measured_key_results.sql', '0013_check_in_entry_order.sql']),
    );
    const checkIns = await store.db
      .selectFrom('effectiveCheckIns')
      .select(['entryOrder', 'isOverride'])
      .execute();
    expect(checkIns).toHaveLength(181);
    expect(new Set(checkIns.map((row) => row.entryOrder)).size).toBe(181);
    expect(checkIns.every((row) => !row.isOverride)).toBe(true);
    const rules = await store.db.selectFrom('keyResults').select('measureRule').execute();
    expect(new Set(rules.map((row) => row.measureRule))).toEqual(new Set(['average']));

    // The app works on the upgraded store: reads, a check-in after the restored ones, the dashboard.
    const services = createServices(store.db, { clock: () => '2026-11-20' });
    const okrs = await services.okrs.listByUnit('cso', 'fy2026');
    expect(okrs.map((objective) => objective.id)).toEqual(['cso-o1', 'cso-o2']);
    const written = await services.checkIns.create({
      kpiId: 'cso-k1',
      value: 55,
      date: '2026-11-20',
      confidence: 0.7,
      comment: 'after the upgrade',
      authorId: null,
    });
    expect(written).toMatchObject({ kpiId: 'cso-k1', value: 55 });
    const latest = await store.db
      .selectFrom('checkIns')
      .select('entryOrder')
      .orderBy('entryOrder', 'desc')
      .executeTakeFirstOrThrow();
    expect(Number(latest.entryOrder)).toBeGreaterThan(
      Math.max(...checkIns.map((row) => Number(row.entryOrder))),
    );
  });
});
