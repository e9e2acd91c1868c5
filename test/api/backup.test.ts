import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors';
import { writeBackup } from '../../src/server/db/backup';
import { restoreBackup } from '../../src/server/db/restore';
import { openStore, PGLITE_OPTIONS, wrapPGlite, type Store } from '../../src/server/db/store';
import { EXCLUDED_TABLES, readCatalog } from '../../src/server/db/table-catalog';
import { createServices } from '../../src/server/services';
import { DEMO_PLAN_PATH } from '../../src/server/demo';
import { grantRole } from '../support/builders';
import { cli, cleanUpCliStores, freshStoreEnv } from '../support/cli';
import { createDatabase, dropDatabase } from '../support/postgres';
import { createTestApp, demoPlan, openTestStore, type TestApp } from '../support/test-app';

const scratch = mkdtempSync(join(tmpdir(), 'catchball-backup-'));
const cleanups: (() => Promise<void>)[] = [];
let t: TestApp;

/** A fresh store that has never been migrated: an in-memory PGlite, or a new empty PostgreSQL database. */
async function unmigratedStore(kind: 'pglite' | 'postgres'): Promise<Store> {
  if (kind === 'pglite') {
    const store = wrapPGlite(await PGlite.create(PGLITE_OPTIONS));
    cleanups.push(() => store.close());
    return store;
  }
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const name = `catchball_test_backup_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ databaseUrl: await createDatabase(databaseUrl, name) });
  cleanups.push(async () => {
    await store.close();
    await dropDatabase(databaseUrl, name);
  });
  return store;
}

/** A migrated, empty store of the run's kind (a copy of the test template). */
async function emptyStore(): Promise<Store> {
  const { store, drop } = await openTestStore();
  cleanups.push(drop);
  return store;
}

async function rowCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await readCatalog(store.db)) {
    if (EXCLUDED_TABLES.includes(table.name)) continue;
    const result = await sql
      .raw<{ n: number }>(`SELECT count(*)::int AS n FROM "${table.name}"`)
      .execute(store.db);
    counts[table.name] = result.rows[0]?.n ?? 0;
  }
  return counts;
}

/** The backup's lines after the header (whose creation time differs between two backups). */
async function backupBody(store: Store): Promise<string[]> {
  const file = join(scratch, `compare-${randomBytes(4).toString('hex')}.jsonl.gz`);
  await writeBackup(store, file);
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(1);
}

/** Everything a user could tell apart: the plan export, every row count, the audit trail, every value. */
async function expectSameContent(source: Store, target: Store): Promise<void> {
  const [from, to] = [createServices(source.db), createServices(target.db)];
  expect(await to.planExport.exportPlan('acme')).toEqual(await from.planExport.exportPlan('acme'));
  expect(await rowCounts(target)).toEqual(await rowCounts(source));
  // bigint columns come back as strings from pg but as numbers from PGlite, whatever the row type
  // says: compare them as text.
  const audit = async (store: Store) =>
    (await store.db.selectFrom('auditEvents').selectAll().orderBy('id').execute()).map((row) => ({
      ...row,
      id: String(row.id as string | number),
      tx: String(row.tx as string | number),
    }));
  expect(await audit(target)).toEqual(await audit(source));
  expect(await backupBody(target)).toEqual(await backupBody(source));
}

const counts = async (store: Store) => Object.values(await rowCounts(store)).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  t = await createTestApp();
  expect(
    (await t.request({ method: 'POST', url: '/api/plan', payload: demoPlan() as object })).statusCode,
  ).toBe(201);
  // Values that a careless format would round: a double's last digits, a timestamp's microseconds.
  for (const [value, date] of [
    [0.1 + 0.2, '2026-02-15'],
    [1 / 3, '2026-03-15'],
    [42.5, '2026-04-15'],
  ] as const) {
    const response = await t.request({
      method: 'POST',
      url: '/api/check-ins',
      payload: {
        keyResultId: 'cso-kr1-1',
        value,
        date,
        confidence: 0.7,
        comment: 'Ünïcode, "quotes"\nand a newline',
      },
    });
    expect(response.statusCode).toBe(201);
  }
  await t.signIn({ id: 'usr_editor', name: 'Eddie Editor' });
  await grantRole(t.store.db, 'usr_editor', { role: 'editor', unitId: 'cio' });
  const token = await t.request({
    method: 'POST',
    url: '/api/units/cio/api-tokens',
    payload: { name: 'feed' },
  });
  expect(token.statusCode).toBe(201);
  await sql`UPDATE check_ins SET created_at = '2026-02-15 10:11:12.345678+02' WHERE check_in_date = '2026-02-15'`.execute(
    t.store.db,
  );
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await t.close();
  await cleanUpCliStores();
  rmSync(scratch, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores the plan, check-ins, users, roles and the audit trail exactly into an empty store', async () => {
    const file = join(scratch, 'full.jsonl.gz');
    const summary = await writeBackup(t.store, file);
    expect(summary.rows.audit_events).toBeGreaterThan(100);
    expect(summary.rows.check_ins).toBe(3);
    expect(summary.rows.users).toBe(2);
    expect(summary.rows).not.toHaveProperty('sessions');
    expect(summary.rows).not.toHaveProperty('rate_limit_hits');

    const target = await emptyStore();
    await restoreBackup(target, file);
    await expectSameContent(t.store, target);
    // The restore added no audit rows of its own, and new rows get fresh ids after the restored ones.
    const lastId = Number(
      (await target.db.selectFrom('auditEvents').select('id').orderBy('id', 'desc').executeTakeFirst())?.id,
    );
    await createServices(target.db).units.create({
      id: 'after-restore',
      organisationId: 'acme',
      name: 'After',
    });
    const next = await target.db
      .selectFrom('auditEvents')
      .select('id')
      .where('entityId', '=', 'after-restore')
      .executeTakeFirst();
    expect(Number(next?.id)).toBe(lastId + 1);
  });

  it('reads one snapshot: rows written while it runs are left out, consistently in every table', async () => {
    const file = join(scratch, 'snapshot.jsonl.gz');
    let write: Promise<unknown> | undefined;
    const summary = await writeBackup(t.store, file, {
      onTable: (table) => {
        if (table !== 'audit_events') return;
        // On PostgreSQL the write commits through another connection before the backup reads
        // `organisations`; PGlite's one session makes it wait for the backup instead.
        write = createServices(t.store.db).units.create({
          id: 'during-backup',
          organisationId: 'acme',
          name: 'New',
        });
        return t.store.kind === 'postgres' ? write.then(() => undefined) : undefined;
      },
    });
    await write;
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).not.toContain('during-backup');
    expect(summary.rows.units).toBe(5);
    expect(
      await t.store.db.selectFrom('units').select('id').where('id', '=', 'during-backup').execute(),
    ).toHaveLength(1);
    await createServices(t.store.db).units.remove('during-backup', 1);
  });

  it('moves between the stores: into a never-migrated PGlite, and from there into a new PostgreSQL database', async () => {
    const file = join(scratch, 'move.jsonl.gz');
    await writeBackup(t.store, file);
    const embedded = await unmigratedStore('pglite');
    await restoreBackup(embedded, file);
    await expectSameContent(t.store, embedded);
    if (!process.env.DATABASE_URL) return;
    const again = join(scratch, 'move-again.jsonl.gz');
    await writeBackup(embedded, again);
    const postgres = await unmigratedStore('postgres');
    await restoreBackup(postgres, again);
    await expectSameContent(t.store, postgres);
  });

  it('refuses a store that holds data and changes nothing; --force wipes it first', async () => {
    const file = join(scratch, 'refuse.jsonl.gz');
    await writeBackup(t.store, file);
    const target = await emptyStore();
    await createServices(target.db).organisations.create({ id: 'other', name: 'Someone else' });
    const before = await backupBody(target);
    const refused = await restoreBackup(target, file).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'already_exists' });
    expect((refused as Error).message).toMatch(/1 organisation and .*--force/);
    expect(await backupBody(target)).toEqual(before);

    await restoreBackup(target, file, { force: true });
    await expectSameContent(t.store, target);
  });

  it('refuses a damaged file and leaves the store empty: one transaction or nothing', async () => {
    const file = join(scratch, 'source.jsonl.gz');
    await writeBackup(t.store, file);
    const gzipped = readFileSync(file);
    const lines = gunzipSync(gzipped).toString('utf8').split('\n');
    const variants: Record<string, Buffer> = {
      'cut-short gzip': gzipped.subarray(0, Math.floor(gzipped.length * 0.8)),
      'missing end line': gzipSync(lines.slice(0, -3).join('\n')),
      // The last table's row breaks only after every other table's rows were written.
      'bad value in the last table': gzipSync(
        lines
          .map((line) =>
            line.startsWith('{"table":"x_matrices"') ? line.replace(/"year":\d+/, '"year":"soon"') : line,
          )
          .join('\n'),
      ),
      'broken foreign key (checked at commit)': gzipSync(
        lines
          .map((line) =>
            line.startsWith('{"table":"units"')
              ? line.replace('"organisation_id":"acme"', '"organisation_id":"nope"')
              : line,
          )
          .join('\n'),
      ),
      'not a backup': gzipSync('{"hello":"world"}\n'),
      'not gzip': Buffer.from('plain text'),
    };
    const target = await emptyStore();
    for (const [name, content] of Object.entries(variants)) {
      const damaged = join(scratch, `damaged-${name.replaceAll(/\W+/g, '-')}.jsonl.gz`);
      writeFileSync(damaged, content);
      const error = await restoreBackup(target, damaged).catch((caught: unknown) => caught);
      expect(error, name).toMatchObject({ code: 'validation_failed' });
      expect(await counts(target), name).toBe(0);
    }
  });

  it('refuses a backup taken by a newer build (a migration this build does not have)', async () => {
    const file = join(scratch, 'newer.jsonl.gz');
    await writeBackup(t.store, file);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '') as { migrations: string[] };
    header.migrations.push('9999_from_the_future.sql');
    writeFileSync(file, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    const target = await emptyStore();
    const error = await restoreBackup(target, file).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect((error as Error).message).toContain('9999_from_the_future.sql');
  });

  it('works from the command line: backup, restore into a PGlite data directory, refuse a second restore', async () => {
    const source = await freshStoreEnv();
    expect((await cli(source, 'import', fileURLToPath(DEMO_PLAN_PATH))).code).toBe(0);
    const file = join(scratch, 'cli.jsonl.gz');
    const backup = await cli(source, 'backup', file);
    expect(backup.stderr).toContain('audit_events:');
    expect(backup.stdout).toMatch(/Backup written to .*cli\.jsonl\.gz: \d+ rows in \d+ tables/);
    expect(backup.code).toBe(0);

    const { DATABASE_URL: _unused, ...withoutPostgres } = process.env;
    const target = { ...withoutPostgres, CATCHBALL_DATA_DIR: mkdtempSync(join(scratch, 'data-')) };
    const restore = await cli(target, 'restore', file);
    expect(restore.stderr).toContain('migrations applied');
    expect(restore.code).toBe(0);
    const exported = await cli(target, 'export', '--format', 'json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(
      JSON.parse((await cli(source, 'export', '--format', 'json')).stdout),
    );

    const again = await cli(target, 'restore', file);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('restore only into an empty store, or pass --force');
    const missing = await cli(target, 'restore', join(scratch, 'no-such-file.gz'));
    expect(missing.code).toBe(3);
  }, 120_000);
});
