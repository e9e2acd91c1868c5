import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent, readCatalog, type CatalogTable } from '../../src/server/db/table-catalog';
import type { Db } from '../../src/server/db/store';
import { recordDemoYear } from '../../src/server/demo/demo-checkins';
import { createDemoUsers, hashDemoPassword } from '../../src/server/demo/demo-users';
import { grantRole } from '../support/builders';
import { openStream, type StreamedChange } from '../support/event-stream';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

/**
 * Live updates stay inside their organisation (issue 17): the streams of organisation B, opened
 * by B's member and by a unit API token of a B unit, hear nothing while every row of organisation
 * A in every table (the table catalogue, so a new table is covered once the fixture fills it) is
 * inserted, updated and deleted, and still hear B's own changes, a token only those of its subtree.
 */
const B = 'globex';
const B_PLAN = {
  catchball: 1,
  organisation: { id: B, name: 'Globex' },
  units: [
    { id: 'gx-hq', name: 'Globex HQ', parentId: null, ownerId: null },
    { id: 'gx-team', name: 'Globex Team', parentId: 'gx-hq', ownerId: null },
    { id: 'gx-side', name: 'Globex Side', parentId: 'gx-hq', ownerId: null },
  ],
  people: [],
  cycles: [{ id: 'gx-2026', name: 'GX 2026', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' }],
  objectives: [
    {
      id: 'gx-team-o1',
      unitId: 'gx-team',
      cycleId: 'gx-2026',
      title: 'Team objective',
      keyResults: [{ id: 'gx-team-kr1', title: 'Team KR', kind: 'increase', baseline: 0, target: 10 }],
    },
    {
      id: 'gx-side-o1',
      unitId: 'gx-side',
      cycleId: 'gx-2026',
      title: 'Side objective',
      keyResults: [{ id: 'gx-side-kr1', title: 'Side KR', kind: 'increase', baseline: 0, target: 10 }],
    },
  ],
  matrices: [],
};

/** Tables on the change feed: those with a notify trigger (whichever migration made it). */
async function notifiedTables(db: Db): Promise<CatalogTable[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND t.tgname LIKE c.relname || '\\_notify\\_%'`.execute(db);
  const names = new Set(rows.map((row) => row.name));
  return (await readCatalog(db)).filter((table) => names.has(table.name));
}

/** A row's key as text, in SQL: the primary-key columns as a JSON array. */
const keyOf = (table: CatalogTable) =>
  sql.raw(`jsonb_build_array(${table.orderBy.map(quoteIdent).join(', ')})::text`);

/** Every row's key, per table: what was there before organisation A. */
async function snapshot(db: Db, tables: CatalogTable[]): Promise<Map<string, string>> {
  const before = new Map<string, string>();
  for (const table of tables) {
    const { rows } = await sql<{ key: string }>`
      SELECT ${keyOf(table)} AS key FROM ${sql.table(table.name)}`.execute(db);
    before.set(table.name, JSON.stringify(rows.map((row) => row.key)));
  }
  return before;
}

/** The rows of `table` made since the snapshot. */
const newRows = (table: CatalogTable, before: Map<string, string>) =>
  sql`NOT (${keyOf(table)} IN (SELECT jsonb_array_elements_text(${before.get(table.name) ?? '[]'}::jsonb)))`;

/** Organisation A: the demo with its year of check-ins, accounts, and a row in every other table. */
async function buildOrganisationA(t: TestApp): Promise<void> {
  const { db } = t.store;
  const hash = hashDemoPassword();
  await t.services.planImport.importPlan(demoPlan());
  await recordDemoYear(db);
  await createDemoUsers(db, hash);
  await t.signIn({ id: 'usr-acme-member' });
  await grantRole(db, 'usr-acme-member', { role: 'viewer', unitId: 'cso', id: 'ra-acme-member' });
  const post = async (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => {
    const response = await t.request({ method, url, payload });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${String(response.statusCode)} ${response.body}`);
  };
  await post('/api/units/cso/api-tokens', { name: 'acme feed', scopes: ['read'] });
  await post('/api/impacts', { initiativeId: 'cso-i7', kpiId: 'cso-k4', low: 0, likely: 1, high: 2 });
  await post('/api/efforts', { initiativeId: 'cso-i7', skill: 'coaching', personDaysPerMonth: 1 });
  await post('/api/countermeasures', { kpiId: 'cso-k1', year: 2026, month: 4, problem: 'Behind plan' });
  await post('/api/webhooks', { organisationId: 'acme', unitId: 'cso', url: 'http://127.0.0.1:9/cso' });
  await post('/api/proposals', {
    matrixId: 'cso-2026',
    kpiItemId: 'cso-k3',
    keyResultId: 'cio-kr2-2',
    proposedTarget: 20,
    actorId: 'daniel-kovacs',
  });
  await t.services.forecast.recordMonths('cso-2026', [3]);
  // Tables no call above fills, written as rows.
  await db
    .insertInto('cycleLocks')
    .values({ id: 'acme-lock', cycleId: 'fy2026', lockReason: 'Year end' })
    .execute();
  await db
    .insertInto('digestSettings')
    .values({ organisationId: 'acme', webhookUrl: null, emailEnabled: true })
    .execute();
  await db
    .insertInto('statusOverrides')
    .values({ id: 'acme-override', keyResultId: 'cio-kr1-1', status: 'at_risk', reason: 'Late' })
    .execute();
  await db
    .insertInto('targetHistory')
    .values({
      id: 'acme-target',
      organisationId: 'acme',
      subjectKind: 'key_result',
      keyResultId: 'cio-kr1-1',
      newTarget: 70,
      reason: 'Agreed',
    })
    .execute();
  await db
    .insertInto('reflections')
    .values({
      id: 'acme-reflection',
      matrixId: 'cso-2026',
      itemId: 'cso-af1',
      reached: 'Half',
      causes: 'Late start',
      learned: 'Start early',
    })
    .execute();
  await db
    .insertInto('whatIfScenarios')
    .values({
      id: 'acme-scenario',
      matrixId: 'cso-2026',
      name: 'Faster rollout',
      changes: JSON.stringify({ impacts: [] }),
      replaced: '[]',
      summary: JSON.stringify({ targets: [] }),
    })
    .execute();
  await db
    .insertInto('kpiConnectors')
    .values({
      kpiItemId: 'cso-k1',
      kind: 'http',
      config: JSON.stringify({ url: 'http://127.0.0.1:9/k1' }),
      schedule: 'manual',
    })
    .execute();
  await db.insertInto('kpiConnectorRuns').values({ kpiItemId: 'cso-k1', nextRunAt: null }).execute();
  // A year of its own to close: a closed cycle refuses the in-place updates below on its rows.
  await db
    .insertInto('cycles')
    .values({
      id: 'acme-fy2020',
      organisationId: 'acme',
      name: 'FY2020',
      year: 2020,
      startDate: '2020-01-01',
      endDate: '2020-12-31',
      position: 9,
    })
    .execute();
  await db.insertInto('cycleClosures').values({ cycleId: 'acme-fy2020', closedBy: null }).execute();
}

describe('live updates across organisations', () => {
  let t: TestApp;
  let baseUrl: string;
  let member: Record<string, string>;
  let token: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(B_PLAN);
    member = await t.signIn({ id: 'usr-globex-viewer' });
    await grantRole(t.store.db, 'usr-globex-viewer', { role: 'viewer', unitId: null, organisationId: B });
    const made = await t.request({
      method: 'POST',
      url: '/api/units/gx-team/api-tokens',
      payload: { name: 'globex team feed', scopes: ['read'] },
    });
    token = { authorization: `Bearer ${(made.data as { token: string }).token}` };
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(() => t.close());

  it('follows only what the caller may read', async () => {
    const asOutsider = await t.signIn({ id: 'usr-no-globex' });
    const outsider = await t.request({
      method: 'GET',
      url: `/api/events?organisationId=${B}`,
      headers: asOutsider,
    });
    expect(outsider.statusCode).toBe(404);
    const sibling = await t.request({ method: 'GET', url: '/api/events?unitId=gx-side', headers: token });
    expect(sibling.statusCode).toBe(403);
  });

  it("hears nothing of organisation A's rows in any table, and B's own changes within reach", async () => {
    const { db } = t.store;
    const streams = {
      memberOfB: await openStream(baseUrl, { organisationId: B }, member),
      memberOnTeam: await openStream(baseUrl, { unitId: 'gx-team' }, member),
      tokenOnB: await openStream(baseUrl, { organisationId: B }, token),
      tokenOnTeam: await openStream(baseUrl, { unitId: 'gx-team' }, token),
    };
    try {
      const tables = await notifiedTables(db);
      const before = await snapshot(db, tables);
      await buildOrganisationA(t);

      // Every table has rows of A (a table the fixture leaves empty is not tested: fill it above).
      const untouched: string[] = [];
      for (const table of tables) {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM ${sql.table(table.name)} WHERE ${newRows(table, before)}`.execute(
          db,
        );
        if ((rows[0]?.n ?? 0) === 0) untouched.push(table.name);
      }
      expect(untouched).toEqual([]);

      // Update every row of A in place, then delete them all: the organisation (its cascade) and
      // whatever of A is left outside it (accounts, sessions).
      for (const table of tables) {
        const column = quoteIdent(
          table.columns.find((name) => !table.orderBy.includes(name)) ?? table.columns[0] ?? '',
        );
        await sql`UPDATE ${sql.table(table.name)} SET ${sql.raw(column)} = ${sql.raw(column)}
          WHERE ${newRows(table, before)}`.execute(db);
      }
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('organisations').where('id', '=', 'acme').execute();
        for (const table of tables)
          await sql`DELETE FROM ${sql.table(table.name)} WHERE ${newRows(table, before)}`.execute(tx);
      });

      // B's own changes, last: once a stream has its last one, it has had everything before it.
      const touch = (tableName: 'objectives' | 'keyResults', id: string) =>
        db
          .updateTable(tableName)
          .set({ title: sql`title || '.'` })
          .where('id', '=', id)
          .execute();
      await touch('keyResults', 'gx-side-kr1');
      await touch('objectives', 'gx-side-o1');
      await touch('keyResults', 'gx-team-kr1');
      await touch('objectives', 'gx-team-o1');
      const last: StreamedChange = { table: 'objectives', op: 'update', unitId: 'gx-team' };
      for (const stream of Object.values(streams)) await stream.waitFor((c) => c.unitId === 'gx-team', 5000);

      const sideKr: StreamedChange = { table: 'key_results', op: 'update' };
      const teamKr: StreamedChange = { table: 'key_results', op: 'update' };
      const sideObjective: StreamedChange = { table: 'objectives', op: 'update', unitId: 'gx-side' };
      expect(streams.memberOfB.changes).toEqual([sideKr, sideObjective, teamKr, last]);
      // Following a unit filters by the ids a change names; a key result names none.
      expect(streams.memberOnTeam.changes).toEqual([sideKr, teamKr, last]);
      // The token reads its unit's subtree only: nothing of the sibling branch.
      expect(streams.tokenOnB.changes).toEqual([teamKr, last]);
      expect(streams.tokenOnTeam.changes).toEqual([teamKr, last]);
    } finally {
      for (const stream of Object.values(streams)) await stream.close();
    }
  }, 120_000);
});
