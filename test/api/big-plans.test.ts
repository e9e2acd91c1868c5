import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { generateBigPlan } from '../../bench/generate-big-plan';
import type { ImportRun } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { useTestApp } from '../support/use-test-app';

/**
 * 20,000 X-matrix items: their rows alone carry 20,000 × 24 columns = 480,000 values, seven times
 * the 65,535 bind parameters one PostgreSQL statement may hold; the identifier check alone asks
 * for 20,000 ids. Runs on the embedded store, and on PostgreSQL with DATABASE_URL.
 */
const ITEMS = 20_000;
const LONG = 240_000;

/** Polls `probe` every 50 ms until `until` settles; each answer is stamped with the time it came. */
function pollWhile<T>(until: Promise<unknown>, probe: () => Promise<T>): Promise<{ at: number; value: T }[]> {
  const answers: { at: number; value: T }[] = [];
  let isDone = false;
  void until.finally(() => (isDone = true)).catch(() => undefined);
  return (async () => {
    while (!isDone) {
      const value = await probe();
      answers.push({ at: performance.now(), value });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return answers;
  })();
}

describe('a big plan import', () => {
  const t = useTestApp();

  it(
    'writes 20,000 items in one transaction while health and its progress keep answering',
    async () => {
      const plan = generateBigPlan(ITEMS);
      const run = randomUUID();
      const importing = t.call(endpoints.plan.importPlan, { query: { replace: 'false', run }, body: plan });
      let ended = Number.POSITIVE_INFINITY;
      void importing.then(() => (ended = performance.now()));
      const [health, progress, second] = await Promise.all([
        pollWhile(importing, () => t.request({ method: 'GET', url: '/healthz', anonymous: true })),
        pollWhile(importing, () =>
          t.call(endpoints.imports.getImportRun, { params: { id: run } }, { anonymous: true }),
        ),
        // A second import of the same organisation while the first runs is refused, not queued.
        new Promise((resolve) => setTimeout(resolve, 200)).then(() =>
          t.call(endpoints.plan.importPlan, { query: { replace: 'true' }, body: plan }),
        ),
      ]);
      const response = await importing;
      expect(response.statusCode).toBe(201);
      expect(response.result.counts).toMatchObject({ items: ITEMS, matrices: ITEMS / 100 });

      // Health answered (200) while the import was still running, more than once.
      const during = health.filter((h) => h.at < ended && h.value.statusCode === 200);
      expect(during.length).toBeGreaterThan(1);
      // Its progress could be followed: rows written of the total, before it ended.
      const writing = progress
        .filter((p) => p.at < ended && p.value.statusCode === 200)
        .map((p): ImportRun => p.value.result)
        .filter((p) => p.phase === 'write' && p.done > 0 && p.done < p.total);
      expect(writing.length).toBeGreaterThan(0);
      const finished = await t.call(endpoints.imports.getImportRun, { params: { id: run } });
      expect(finished.result).toMatchObject({ phase: 'done', error: null, kind: 'plan' });
      expect(finished.result.done).toBe(finished.result.total);

      expect(second.statusCode).toBe(409);
      expect((second.data as { error: { code: string } }).error.code).toBe('import_in_progress');

      const { rows } = await sql<{ n: string }>`
        SELECT count(*) AS n FROM matrix_items i JOIN x_matrices m ON m.id = i.matrix_id
        JOIN units u ON u.id = m.unit_id WHERE u.organisation_id = 'big'`.execute(t.store.db);
      expect(Number(rows[0]?.n)).toBe(ITEMS);

      // Every row written has its one audit row, in its own unit and organisation (migration
      // 0020 resolves an insert statement's scopes once per matrix, not per row).
      for (const table of [
        'matrix_items',
        'correlations',
        'ownerships',
        'initiative_impacts',
        'initiative_efforts',
      ]) {
        const { rows: audited } = await sql<{ rows: string; audited: string }>`
          SELECT (SELECT count(*) FROM ${sql.table(table)} WHERE matrix_id LIKE 'big-%') AS rows,
                 count(*) AS audited
          FROM ${sql.table(table)} r JOIN x_matrices m ON m.id = r.matrix_id
          JOIN audit_events a ON a.entity_table = ${table} AND a.entity_id = r.id AND a.action = 'insert'
          WHERE a.unit_id = m.unit_id AND a.organisation_id = 'big'`.execute(t.store.db);
        expect(audited[0]?.audited, table).toBe(audited[0]?.rows);
        expect(Number(audited[0]?.rows), table).toBeGreaterThan(0);
      }
    },
    LONG,
  );
});

describe('a big plan import that fails while writing', () => {
  const t = useTestApp();

  it(
    'leaves nothing written: no organisation, no item, no audit row',
    async () => {
      // The very last row the import writes is refused by the database, after every check passed.
      await sql
        .raw(
          `CREATE FUNCTION test_refuse_effort() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN IF NEW.initiative_id = 'fail-u199-m-h23' THEN RAISE EXCEPTION 'refused by the test'; END IF;
           RETURN NEW; END $$`,
        )
        .execute(t.store.db);
      await sql
        .raw(
          `CREATE TRIGGER test_refuse_effort BEFORE INSERT ON initiative_efforts
           FOR EACH ROW EXECUTE FUNCTION test_refuse_effort()`,
        )
        .execute(t.store.db);
      const run = randomUUID();
      const response = await t.call(endpoints.plan.importPlan, {
        query: { replace: 'false', run },
        body: generateBigPlan(ITEMS, 'fail'),
      });
      expect(response.statusCode).toBe(500);
      const failed = await t.call(endpoints.imports.getImportRun, { params: { id: run } });
      expect(failed.result).toMatchObject({ phase: 'failed', error: { code: 'internal' } });

      const count = async (query: string) =>
        Number((await sql.raw<{ n: string }>(query).execute(t.store.db)).rows[0]?.n);
      expect(await count(`SELECT count(*) AS n FROM organisations WHERE id = 'fail'`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM units WHERE id LIKE 'fail-%'`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM matrix_items WHERE id LIKE 'fail-%'`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM correlations WHERE matrix_id LIKE 'fail-%'`)).toBe(0);
      expect(await count(`SELECT count(*) AS n FROM audit_events WHERE entity_id LIKE 'fail-%'`)).toBe(0);

      // The organisation's lock went with the failure: the same plan imports once the fault is gone.
      await sql.raw(`DROP TRIGGER test_refuse_effort ON initiative_efforts`).execute(t.store.db);
      const again = await t.call(endpoints.plan.importPlan, {
        query: { replace: 'false' },
        body: generateBigPlan(1_000, 'fail'),
      });
      expect(again.statusCode).toBe(201);
    },
    LONG,
  );
});
