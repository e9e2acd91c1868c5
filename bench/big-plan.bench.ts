import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { migrate } from '../src/server/db/migrate';
import { openStore, type Store, type StoreConfig } from '../src/server/db/store';
import { createServices } from '../src/server/services';
import { generateBigPlan } from './generate-big-plan';
import { withRatio, type Bench, type BenchResult } from './harness';
import { dropScratchDatabase, recreateDatabase } from './scratch-database';

/** Tables a plan import writes, parents first (the order the baseline inserts them in). */
const TABLES = [
  'organisations',
  'people',
  'units',
  'cycles',
  'objectives',
  'key_results',
  'x_matrices',
  'matrix_items',
  'correlations',
  'ownerships',
  'initiative_impacts',
  'initiative_efforts',
];

/** A fresh, migrated store of each kind: a temporary data directory, or a new PostgreSQL database. */
async function freshStore(kind: 'pglite' | 'postgres', adminUrl: string, name: string) {
  let config: StoreConfig;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'catchball-big-plan-'));
    config = { dataDir: dir };
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  } else {
    config = { databaseUrl: await recreateDatabase(adminUrl, name) };
    cleanup = () => dropScratchDatabase(adminUrl, name);
  }
  const store = await openStore(config);
  await migrate(store);
  return { store, cleanup };
}

/** Polls GET /healthz of an app over `store` every 100 ms while `work` runs; the slowest answer. */
async function withHealthProbe<T>(
  store: Store,
  work: () => Promise<T>,
): Promise<{ result: T; slowestMs: number }> {
  const app = await buildApp({ store, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}/healthz`;
  let isDone = false;
  let slowestMs = 0;
  const probe = (async () => {
    while (!isDone) {
      const started = performance.now();
      await fetch(url).then((response) => response.arrayBuffer());
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    const result = await work();
    return { result, slowestMs };
  } finally {
    isDone = true;
    await probe;
    await app.close();
  }
}

/**
 * The same rows written without the service: read back from the imported store as PostgreSQL's
 * own JSON, then inserted into an empty store in one transaction by `INSERT … SELECT FROM
 * json_populate_recordset` (10,000 rows a statement), the schema's triggers firing as they do
 * for the import. What the database itself needs for these rows.
 */
async function rawInsertSeconds(from: Store, into: Store): Promise<number> {
  const rows = new Map<string, unknown[]>();
  for (const table of TABLES) {
    const result = await sql<{ row: unknown }>`SELECT to_json(t) AS row FROM ${sql.table(table)} t`.execute(
      from.db,
    );
    rows.set(
      table,
      result.rows.map((r) => r.row),
    );
  }
  const started = performance.now();
  await into.db.transaction().execute(async (trx) => {
    for (const table of TABLES)
      for (let start = 0, all = rows.get(table) ?? []; start < all.length; start += 10_000)
        await sql`INSERT INTO ${sql.table(table)} SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(all.slice(start, start + 10_000))}::json)`.execute(
          trx,
        );
  });
  return (performance.now() - started) / 1000;
}

/**
 * "100,000 items in one transaction" on both stores: a generated plan document of 100,000
 * X-matrix items (1,000 matrices with their correlations, owners, impacts and efforts; 1,000 units
 * with OKRs) imported by the plan import, /healthz polled over HTTP meanwhile; beside it the raw
 * insert of the same rows. The import goes through the service, as `catchball import` does: its
 * JSON (29 MB) is above the API's 20 MB body limit.
 */
export function bigPlanBench(adminUrl: string): Bench {
  return {
    name: 'Big plan import',
    async run({ isQuick, progress }) {
      const items = isQuick ? 20_000 : 100_000;
      const results: BenchResult[] = [];
      // BENCH_STORES=postgres (or pglite) measures one store only.
      const kinds = (['pglite', 'postgres'] as const).filter(
        (kind) => !process.env.BENCH_STORES || process.env.BENCH_STORES.split(',').includes(kind),
      );
      for (const kind of kinds) {
        const target = await freshStore(kind, adminUrl, `catchball_bench_big_plan_${String(process.pid)}`);
        const baseline = await freshStore(
          kind,
          adminUrl,
          `catchball_bench_big_plan_raw_${String(process.pid)}`,
        );
        try {
          const plan = generateBigPlan(items);
          progress(`${kind}: importing ${items.toLocaleString('en')} items…`);
          const started = performance.now();
          const { result, slowestMs } = await withHealthProbe(target.store, () =>
            createServices(target.store.db).planImport.importPlan(plan),
          );
          const seconds = (performance.now() - started) / 1000;
          progress(
            `${kind}: imported in ${seconds.toFixed(1)} s (${JSON.stringify(result.counts)}); raw insert…`,
          );
          const rawSeconds = await rawInsertSeconds(target.store, baseline.store);
          const store = kind === 'pglite' ? 'embedded store' : 'PostgreSQL';
          results.push(
            withRatio({
              name: `${items.toLocaleString('en')} items in one transaction, ${store}`,
              value: seconds,
              unit: 's',
              baseline: { name: 'raw INSERT … json_populate_recordset of the same rows', value: rawSeconds },
              goal: { op: '<=', value: 60 },
              note: `${result.counts.correlations.toLocaleString('en')} correlations, ${result.counts.owners.toLocaleString('en')} owners; plan import service`,
            }),
            {
              name: `slowest /healthz answer during that import, ${store}`,
              value: slowestMs,
              unit: 'ms',
              goal: { op: '<=', value: 1000 },
              note: 'polled over HTTP every 100 ms',
            },
          );
        } finally {
          await target.store.close();
          await baseline.store.close();
          await target.cleanup();
          await baseline.cleanup();
        }
      }
      return results;
    },
  };
}
