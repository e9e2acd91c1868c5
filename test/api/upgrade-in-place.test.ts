import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationNames, MIGRATIONS_DIR } from '../../src/server/db/migrate';
import { restoreBackup } from '../../src/server/db/restore';
import { openStore, type StoreConfig } from '../../src/server/db/store';
import { createServices } from '../../src/server/services';
import { freshChildStore, killServer, startServer } from '../support/child-server';

/**
 * Upgrading in place: the store a release left behind (a data directory, or a PostgreSQL
 * database) is opened by this build's `catchball serve`, which runs the later migrations over its
 * rows at start, and the app works on it. The release's store is made from its own backup
 * (test/fixtures/releases) restored with only the migrations that release had, so its schema and
 * rows are the release's; `catchball serve` then finds it as that release left it.
 */
const RELEASE = 'a8cd7f5';
const RELEASE_LAST_MIGRATION = '0010_scoped_change_notifications.sql';
const BACKUP = join(import.meta.dirname, `../fixtures/releases/backup-${RELEASE}.jsonl.gz`);
const scratch = mkdtempSync(join(tmpdir(), 'catchball-upgrade-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** The migrations directory of the release: this build's first files, which are never edited. */
function releaseMigrations(): string {
  const dir = join(scratch, 'release-migrations');
  mkdirSync(dir, { recursive: true });
  for (const name of migrationNames(MIGRATIONS_DIR).filter((file) => file <= RELEASE_LAST_MIGRATION))
    copyFileSync(join(MIGRATIONS_DIR, name), join(dir, name));
  return dir;
}

/** Writes the release's store at `config`, at the release's own schema. */
async function leaveReleaseStore(config: StoreConfig): Promise<void> {
  const store = await openStore(config);
  try {
    const summary = await restoreBackup(store, BACKUP, { migrationsDir: releaseMigrations() });
    expect(summary.migrations.at(-1)).toBe(RELEASE_LAST_MIGRATION);
    const applied = await sql<{ name: string }>`SELECT max(name) AS name FROM schema_migrations`.execute(
      store.db,
    );
    expect(applied.rows[0]?.name).toBe(RELEASE_LAST_MIGRATION);
  } finally {
    await store.close();
  }
}

describe(`the store release ${RELEASE} left, opened by this build's catchball serve`, () => {
  it('runs the later migrations over its rows at start, keeps every row, and works on it', async () => {
    const { flags, config } = await freshChildStore('upgrade', scratch, cleanups);
    await leaveReleaseStore(config);

    const server = await startServer([...flags, '--no-demo']);
    cleanups.push(() => killServer(server));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await killServer(server);

    const store = await openStore(config);
    cleanups.push(() => store.close());
    const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
      store.db,
    );
    expect(applied.rows.map((row) => row.name)).toEqual(migrationNames(MIGRATIONS_DIR));
    const count = async (table: string) =>
      Number(
        (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(store.db)).rows[0]
          ?.n,
      );
    // Every row of the release is there (the demo it served; serve added no demo of its own).
    expect(await count('check_ins')).toBe(181);
    expect(await count('key_results')).toBe(13);
    expect(await count('matrix_items')).toBe(42);
    expect(await count('objectives')).toBe(5);
    const checkIns = await store.db.selectFrom('effectiveCheckIns').select('entryOrder').execute();
    expect(new Set(checkIns.map((row) => row.entryOrder)).size).toBe(181);

    // The app works on it, through the triggers later migrations put in place: a check-in moves its
    // key result and leaves its audit row in its unit.
    const services = createServices(store.db, { clock: () => '2026-11-20' });
    const keyResult = await store.db
      .selectFrom('keyResults')
      .select(['id', 'current'])
      .where('id', '=', 'cso-kr1-1')
      .executeTakeFirstOrThrow();
    const written = await services.checkIns.create({
      keyResultId: keyResult.id,
      value: (keyResult.current ?? 0) + 1,
      date: '2026-11-20',
      comment: 'after the upgrade',
      authorId: null,
    });
    const moved = await store.db
      .selectFrom('keyResults')
      .select('current')
      .where('id', '=', keyResult.id)
      .executeTakeFirstOrThrow();
    expect(moved.current).toBe((keyResult.current ?? 0) + 1);
    const audit = await store.db
      .selectFrom('auditEvents')
      .select(['unitId', 'organisationId'])
      .where('entityId', '=', written.id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ unitId: 'cso', organisationId: 'acme' });
  }, 120_000);
});
