import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, MatrixItem } from '../../src/contracts';
import type { EndpointRequest } from '../../src/contracts/endpoint';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type ErrorResponse, type TestApp } from '../support/test-app';

/**
 * The audit trail end to end: changes made through the API as two users and as an API token
 * land in `audit_events` (written by the database's triggers) with the right actor, scope and
 * before/after, and the API reads them back per unit, per item and per organisation.
 */
type AuditQuery = EndpointRequest<typeof endpoints.audit.listEvents>['query'];

describe('the audit trail', () => {
  let t: TestApp;
  let ada: Record<string, string>;
  let bob: Record<string, string>;
  let stranger: Record<string, string>;
  let token: { id: string; secret: string };

  const rows = (where: { entityId?: string; entityTable?: string; tx?: string }) => {
    let query = t.store.db.selectFrom('auditEvents').selectAll();
    if (where.entityId) query = query.where('entityId', '=', where.entityId);
    if (where.entityTable) query = query.where('entityTable', '=', where.entityTable);
    if (where.tx) query = query.where('tx', '=', where.tx);
    return query.orderBy('id', 'asc').execute();
  };
  const latest = async (entityTable: string, entityId: string) => {
    const found = await rows({ entityTable, entityId });
    return found.at(-1)!;
  };
  const audit = (query: AuditQuery, headers: Record<string, string> = bob) =>
    t.call(endpoints.audit.listEvents, { query }, { headers });
  const page = async (query: AuditQuery, headers: Record<string, string> = bob) =>
    (await audit(query, headers)).result;

  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-11-20' } });
    ada = await t.signIn({ id: 'usr_ada', name: 'Ada Lovelace' });
    bob = await t.signIn({ id: 'usr_bob', name: 'Bob Hope', isSiteAdmin: true });
    stranger = await t.signIn({ id: 'usr_eve', name: 'Eve Outsider' });
    const imported = await t.request({
      method: 'POST',
      url: '/api/plan',
      payload: demoPlan() as object,
      headers: bob,
    });
    expect(imported.statusCode).toBe(201);
    await t.store.db
      .insertInto('roleAssignments')
      .values({ id: 'ra-ada', organisationId: 'acme', unitId: 'cso', userId: 'usr_ada', role: 'editor' })
      .execute();
    const created = await t.call(
      endpoints.checkIns.createApiToken,
      { params: { id: 'cso' }, body: { name: 'SIEM feed' } },
      { headers: bob },
    );
    expect(created.statusCode).toBe(201);
    token = { id: created.result.id, secret: created.result.token ?? '' };
  });
  afterAll(() => t.close());

  it('records a plan import as one transaction of inserts by the user who sent it', async () => {
    const unit = await latest('units', 'cso');
    const imported = await rows({ tx: unit.tx });
    expect(imported.length).toBeGreaterThan(100);
    for (const row of imported)
      expect(row).toMatchObject({
        actorKind: 'user',
        actorId: 'usr_bob',
        actorName: 'Bob Hope',
        action: 'insert',
      });
    expect(imported.every((row) => row.organisationId === 'acme')).toBe(true);
    expect(unit).toMatchObject({
      unitId: 'cso',
      before: null,
      after: { name: 'Security (CSO)' },
    });
    expect(await latest('organisations', 'acme')).toMatchObject({
      organisationId: 'acme',
      unitId: null,
      tx: unit.tx,
    });
    expect(await latest('matrix_items', 'cso-k1')).toMatchObject({ unitId: 'cso', tx: unit.tx });
    expect(await latest('key_results', 'cso-kr1-1')).toMatchObject({ unitId: 'cso', tx: unit.tx });
    const tables = new Set(imported.map((row) => row.entityTable));
    for (const table of [
      'units',
      'people',
      'cycles',
      'objectives',
      'key_results',
      'x_matrices',
      'matrix_items',
      'correlations',
      'ownerships',
    ])
      expect(tables).toContain(table);
  });

  it("records a matrix item's rename by its editor, with only the changed field in the API", async () => {
    const item = body<MatrixItem>(await t.request({ method: 'GET', url: '/api/matrix-items/cso-k2' }));
    const renamed = await t.request({
      method: 'PATCH',
      url: '/api/matrix-items/cso-k2',
      payload: { title: 'MTTD, critical alerts', version: item.version },
      headers: ada,
    });
    expect(renamed.statusCode).toBe(200);
    const row = await latest('matrix_items', 'cso-k2');
    expect(row).toMatchObject({
      actorKind: 'user',
      actorId: 'usr_ada',
      actorName: 'Ada Lovelace',
      action: 'update',
      organisationId: 'acme',
      unitId: 'cso',
      before: { title: item.title, version: item.version },
      after: { title: 'MTTD, critical alerts', version: item.version + 1 },
    });
    const [event] = (await page({ entityId: 'cso-k2', limit: 1 }, ada)).events;
    expect(event).toMatchObject({
      actor: { kind: 'user', id: 'usr_ada', name: 'Ada Lovelace' },
      action: 'update',
      entity: { table: 'matrix_items', kind: 'matrix item', id: 'cso-k2', label: 'MTTD, critical alerts' },
      changes: [{ field: 'title', before: item.title, after: 'MTTD, critical alerts' }],
      unitId: 'cso',
      organisationId: 'acme',
    });
    expect(event!.after).toMatchObject({ unitOfMeasure: 'h', title: 'MTTD, critical alerts' });
  });

  it('records a correlation cell set, labelled by the two items it joins', async () => {
    const set = await t.request({
      method: 'PUT',
      url: '/api/matrices/cso-2026/correlations',
      payload: { aId: 'cso-bo1', bId: 'cso-k2', strength: 'weak', version: null },
      headers: ada,
    });
    expect(set.statusCode).toBe(200);
    const id = body<{ correlation: { id: string } }>(set).correlation.id;
    expect(await latest('correlations', id)).toMatchObject({
      actorId: 'usr_ada',
      action: 'insert',
      unitId: 'cso',
      organisationId: 'acme',
      before: null,
      after: { strength: 'weak', matrix_id: 'cso-2026' },
    });
    const [event] = (await page({ entityId: id }, ada)).events;
    expect(event!.entity.kind).toBe('correlation');
    expect(event!.entity.label).toContain('MTTD, critical alerts');
  });

  it("records a key result's target change by the second user", async () => {
    const { result: kr } = await t.call(endpoints.okrs.keyResults.get, { params: { id: 'cso-kr1-1' } });
    const changed = await t.call(
      endpoints.okrs.keyResults.update,
      { params: { id: 'cso-kr1-1' }, body: { target: 70, version: kr.version } },
      { headers: bob },
    );
    expect(changed.statusCode).toBe(200);
    const row = await latest('key_results', 'cso-kr1-1');
    expect(row).toMatchObject({
      actorId: 'usr_bob',
      action: 'update',
      unitId: 'cso',
      organisationId: 'acme',
    });
    expect(row.before).toMatchObject({ target: 60 });
    expect(row.after).toMatchObject({ target: 70 });
    const [event] = (await page({ entityId: 'cso-kr1-1', entityTable: 'key_results', limit: 1 }, ada)).events;
    expect(event!.changes).toEqual([{ field: 'target', before: 60, after: 70 }]);
  });

  it('records a check-in sent with an API token as the token, and its key result moving in the same transaction', async () => {
    const sent = await t.call(
      endpoints.checkIns.createCheckIn,
      { body: { keyResultId: 'cso-kr1-1', value: 30, date: '2026-10-31' } },
      { headers: { authorization: `Bearer ${token.secret}` } },
    );
    expect(sent.statusCode).toBe(201);
    const checkIn = await latest('check_ins', sent.result.id);
    const actor = { actorKind: 'token', actorId: token.id, actorName: 'API token "SIEM feed"' };
    expect(checkIn).toMatchObject({ ...actor, action: 'insert', unitId: 'cso', organisationId: 'acme' });
    expect(checkIn.after).toMatchObject({ value: 30, key_result_id: 'cso-kr1-1' });
    const kr = await latest('key_results', 'cso-kr1-1');
    expect(kr).toMatchObject({ ...actor, action: 'update', tx: checkIn.tx });
    expect(kr.after).toMatchObject({ current: 30 });
    const [event] = (await page({ entityId: checkIn.entityId }, ada)).events;
    expect(event).toMatchObject({ actor: { kind: 'token', id: token.id }, entity: { kind: 'check-in' } });
    expect(event!.entity.label).toMatch(/Triage 60 %/);
  });

  it('records a delete and its whole cascade in one transaction, every row still in its unit', async () => {
    const kpiCheckIn = await t.call(
      endpoints.checkIns.createCheckIn,
      { body: { kpiId: 'cso-k1', value: 40, date: '2026-10-31' } },
      { headers: { authorization: `Bearer ${token.secret}` } },
    );
    expect(kpiCheckIn.statusCode).toBe(201);
    const item = body<MatrixItem>(await t.request({ method: 'GET', url: '/api/matrix-items/cso-k1' }));
    const deleted = await t.request({
      method: 'DELETE',
      url: `/api/matrix-items/cso-k1?version=${item.version}`,
      headers: ada,
    });
    expect(deleted.statusCode).toBe(204);
    const gone = await latest('matrix_items', 'cso-k1');
    expect(gone).toMatchObject({ actorId: 'usr_ada', action: 'delete', unitId: 'cso', after: null });
    expect(gone.before).toMatchObject({ title: 'Share of L1 alerts triaged by AI' });
    const cascade = (await rows({ tx: gone.tx })).filter((row) => row.id !== gone.id);
    const tables = new Set(cascade.map((row) => row.entityTable));
    expect(tables).toContain('correlations');
    expect(tables).toContain('check_ins');
    for (const row of cascade)
      expect(row).toMatchObject({
        actorId: 'usr_ada',
        action: 'delete',
        unitId: 'cso',
        organisationId: 'acme',
        after: null,
      });
    expect(cascade.find((row) => row.entityId === body<{ id: string }>(kpiCheckIn).id)).toBeDefined();

    const history = await page({ entityId: 'cso-k1', entityTable: 'matrix_items' }, ada);
    expect(history.events[0]).toMatchObject({
      action: 'delete',
      entity: { label: 'Share of L1 alerts triaged by AI' },
    });
    expect(history.events.at(-1)).toMatchObject({ action: 'insert', actor: { id: 'usr_bob' } });
  });

  it('never records password or token hashes', async () => {
    await t.store.db
      .updateTable('users')
      .set({ passwordHash: '$argon2id$v=19$secret' })
      .where('id', '=', 'usr_ada')
      .execute();
    const all = await t.store.db.selectFrom('auditEvents').selectAll().execute();
    const text = JSON.stringify(all);
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('token_hash');
    expect(text).not.toContain('$argon2id$');
    expect(text).not.toContain(token.secret);
    expect(all.some((row) => row.entityTable === 'unit_api_tokens')).toBe(true);
    expect(all.some((row) => row.entityTable === 'users' && row.action === 'update')).toBe(false);
    // Bookkeeping alone (a token's last use, above) is not a change.
    expect(all.filter((row) => row.entityTable === 'unit_api_tokens').map((row) => row.action)).toEqual([
      'insert',
    ]);
  });

  it("reads a unit's history, newest first, page by page, with filters", async () => {
    const first = await page({ unitId: 'cso', limit: 3 }, ada);
    expect(first.events).toHaveLength(3);
    expect(first.events.every((event) => event.unitId === 'cso')).toBe(true);
    expect(Number(first.events[0]!.id)).toBeGreaterThan(Number(first.events[2]!.id));
    expect(first.nextCursor).toBe(first.events[2]!.id);
    const second = await page({ unitId: 'cso', limit: 3, cursor: first.nextCursor! }, ada);
    expect(Number(second.events[0]!.id)).toBeLessThan(Number(first.nextCursor));

    const byAda = await page({ unitId: 'cso', actorId: 'usr_ada', limit: 200 }, ada);
    expect(byAda.events.length).toBeGreaterThan(3);
    expect(byAda.events.every((event) => event.actor.id === 'usr_ada')).toBe(true);
    const deletes = await page({ unitId: 'cso', action: 'delete', entityTable: 'matrix_items' }, ada);
    expect(deletes.events.map((event) => event.entity.id)).toEqual(['cso-k1']);
    const found = await page({ unitId: 'cso', q: 'mttd, critical' }, ada);
    expect(found.events.map((event) => event.entity.id)).toContain('cso-k2');
    expect(found.events.every((event) => /mttd, critical/i.test(event.entity.label))).toBe(true);
    expect((await page({ unitId: 'cso', from: '2000-01-01', to: '2000-12-31' }, ada)).events).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await page({ unitId: 'cso', from: today, to: today, limit: 1 }, ada)).events).toHaveLength(1);

    const own = await page({ unitId: 'cio', limit: 200 });
    const below = await page({ unitId: 'cio', includeBelow: 'true', limit: 200 });
    expect(own.events.every((event) => event.unitId === 'cio')).toBe(true);
    expect(new Set(below.events.map((event) => event.unitId))).toContain('cso');
  });

  it('guards the history: read on the unit or item, admin on the whole organisation', async () => {
    // Someone with no standing in the organisation is answered as if the unit or item did not exist.
    expect((await audit({ unitId: 'cso' }, stranger)).statusCode).toBe(404);
    expect((await audit({ entityId: 'cso-k1' }, stranger)).statusCode).toBe(404);
    expect((await audit({ unitId: 'cso' }, stranger)).data).toMatchObject({ error: { code: 'not_found' } });
    expect((await audit({ organisationId: 'acme' }, ada)).statusCode).toBe(403);
    expect((await audit({ organisationId: 'acme' }, bob)).statusCode).toBe(200);
    expect(
      (await t.call(endpoints.audit.listEvents, { query: { unitId: 'cso' } }, { anonymous: true }))
        .statusCode,
    ).toBe(401);
    const unknown = await audit({ entityId: 'nothing-here' }, bob);
    expect(unknown.statusCode).toBe(404);
    const missing = await audit({ limit: 5 }, bob);
    expect(missing.statusCode).toBe(400);
    expect(body<ErrorResponse>(missing).error.details?.issues?.[0]?.path).toBe('query.organisationId');
    expect((await audit({ unitId: 'cso', limit: 500 }, ada)).statusCode).toBe(400);
    // The token reads its own unit's history with a read scope only through its subtree.
    const asToken = await audit({ unitId: 'cio' }, { authorization: `Bearer ${token.secret}` });
    expect(asToken.statusCode).toBe(403);
  });

  it('exports every matching event as CSV (formulas neutralised) or JSON, as a download', async () => {
    const item = body<MatrixItem>(await t.request({ method: 'GET', url: '/api/matrix-items/cso-k2' }));
    await t.request({
      method: 'PATCH',
      url: '/api/matrix-items/cso-k2',
      payload: { title: '=HYPERLINK("http://evil.example","MTTD")', version: item.version },
      headers: ada,
    });
    const csv = await t.call(
      endpoints.audit.exportEvents,
      { query: { unitId: 'cso', format: 'csv' } },
      { headers: ada },
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-cso-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,at,tx,organisationId,unitId,actorKind,actorId,actorName,action,entityKind/);
    const count = async (unitId: string | null) => {
      let query = t.store.db.selectFrom('auditEvents').select((eb) => eb.fn.countAll<string>().as('n'));
      query = unitId ? query.where('unitId', '=', unitId) : query.where('organisationId', '=', 'acme');
      return Number((await query.executeTakeFirstOrThrow()).n);
    };
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""MTTD"")"`);
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv.body.match(/\r\n\d+,/g)?.length).toBe(await count('cso'));
    const whole = await t.call(
      endpoints.audit.exportEvents,
      { query: { organisationId: 'acme' } },
      { headers: bob },
    );
    expect(whole.body.match(/\r\n\d+,/g)?.length).toBe(await count(null));
    // Paged reads (the export's) see every row once, in order.
    const paged: string[] = [];
    for await (const event of t.services.audit.all({ organisationId: 'acme', includeBelow: false }, 7))
      paged.push(event.id);
    expect(paged).toHaveLength(await count(null));
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.map(Number)).toEqual([...paged.map(Number)].sort((a, b) => b - a));

    const json = await t.call(
      endpoints.audit.exportEvents,
      { query: { entityId: 'cso-k2', format: 'json' } },
      { headers: ada },
    );
    expect(json.headers['content-disposition']).toMatch(/filename="audit-cso-k2-.*\.json"/);
    const events = JSON.parse(json.body) as AuditEvent[];
    expect(events[0]).toMatchObject({
      entity: { id: 'cso-k2', label: '=HYPERLINK("http://evil.example","MTTD")' },
    });
    expect(events.at(-1)).toMatchObject({ action: 'insert' });
    expect(
      (await t.call(endpoints.audit.exportEvents, { query: { unitId: 'cso' } }, { headers: stranger }))
        .statusCode,
    ).toBe(404);
  });
});
