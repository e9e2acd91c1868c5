import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointRequest } from '../../src/contracts/endpoint';
import * as endpoints from '../../src/contracts/endpoints';
import { grantRole } from '../support/builders';
import { body, createTestApp, demoPlan, type ErrorResponse, type TestApp } from '../support/test-app';

type CheckInBody = EndpointRequest<typeof endpoints.checkIns.createCheckIn>['body'];
type HistoryQuery = EndpointRequest<typeof endpoints.checkIns.listHistory>['query'];

describe('check-ins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-11-20' } });
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const checkIn = (input: CheckInBody) => t.call(endpoints.checkIns.createCheckIn, { body: input });
  /** A body the contract refuses (a wrong type), sent as it is. */
  const malformedCheckIn = (payload: Record<string, unknown>) =>
    t.request({ method: 'POST', url: endpoints.checkIns.createCheckIn.path, payload });
  const history = async (query: HistoryQuery) =>
    (await t.call(endpoints.checkIns.listHistory, { query })).result;
  const keyResult = async (id: string) =>
    (await t.call(endpoints.okrs.keyResults.get, { params: { id } })).result;

  it('records a check-in on a key result and moves its current value and confidence', async () => {
    const response = await checkIn({
      keyResultId: 'cso-kr1-1',
      value: 22,
      confidence: 0.7,
      comment: 'Assistant live on two shifts',
      date: '2026-04-30',
      authorId: 'lukas-meyer',
    });
    expect(response.statusCode).toBe(201);
    expect(response.data).toMatchObject({
      keyResultId: 'cso-kr1-1',
      value: 22,
      date: '2026-04-30',
      source: 'manual',
    });
    const kr = await keyResult('cso-kr1-1');
    expect(kr).toMatchObject({ current: 22, confidence: 0.7 });
  });

  it('records a check-in on a KPI', async () => {
    const response = await checkIn({ kpiId: 'cso-k1', value: 13, date: '2026-04-30' });
    expect(response.statusCode).toBe(201);
    expect(await history({ kpiId: 'cso-k1' })).toHaveLength(1);
  });

  it('corrects a past check-in and keeps the original in the history', async () => {
    const [original] = await history({ keyResultId: 'cso-kr1-1' });
    const response = await t.call(endpoints.checkIns.correctCheckIn, {
      params: { id: original!.id },
      body: { value: 20, comment: 'Recounted: two alert sources were double-counted' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.data).toMatchObject({ correctsId: original!.id, value: 20, date: '2026-04-30' });
    expect(await history({ keyResultId: 'cso-kr1-1' })).toHaveLength(1);
    const all = await history({ keyResultId: 'cso-kr1-1', includeCorrected: 'true' });
    expect(all.map((c) => c.value).sort()).toEqual([20, 22]);
    expect(all.find((c) => c.value === 22)?.correctedById).toBe(response.result.id);
    expect((await keyResult('cso-kr1-1')).current).toBe(20);
    const again = await t.call(endpoints.checkIns.correctCheckIn, {
      params: { id: original!.id },
      body: { value: 1 },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a value of the wrong type, naming the field, and writes nothing', async () => {
    const response = await malformedCheckIn({
      keyResultId: 'cso-kr2-1',
      value: 'twelve',
      date: '2026-05-31',
    });
    expect(response.statusCode).toBe(400);
    expect(body<ErrorResponse>(response).error.details?.issues?.[0]?.path).toBe('body.value');
    expect(await history({ keyResultId: 'cso-kr2-1' })).toHaveLength(0);
  });

  it('refuses a check-in dated outside the cycle or in the future', async () => {
    const outside = await checkIn({ keyResultId: 'cso-kr2-1', value: 12, date: '2025-12-31' });
    expect(outside.statusCode).toBe(400);
    expect(body<ErrorResponse>(outside).error.message).toContain('outside cycle FY2026');
    const future = await checkIn({ keyResultId: 'cso-kr2-1', value: 12, date: '2026-12-01' });
    expect(future.statusCode).toBe(400);
    expect(body<ErrorResponse>(future).error.message).toContain('in the future');
    expect(await history({ keyResultId: 'cso-kr2-1' })).toHaveLength(0);
  });

  it('refuses an unknown item and a check-in naming both a key result and a KPI', async () => {
    const unknown = await checkIn({ keyResultId: 'nope', value: 1, date: '2026-03-01' });
    expect(unknown.statusCode).toBe(400);
    expect(body<ErrorResponse>(unknown).error.details?.issues?.[0]?.path).toBe('body.keyResultId');
    expect(
      (await checkIn({ keyResultId: 'cso-kr2-1', kpiId: 'cso-k1', value: 1, date: '2026-03-01' })).statusCode,
    ).toBe(400);
  });

  it('refuses check-ins in a locked cycle until an admin reopens it', async () => {
    const lock = await t.call(endpoints.execution.lockCycle, {
      params: { id: 'fy2026' },
      body: { by: 'daniel-kovacs' },
    });
    expect(lock.data).toMatchObject({ locked: true, lockedBy: 'daniel-kovacs' });
    const refused = await checkIn({ keyResultId: 'cso-kr2-1', value: 12, date: '2026-10-31' });
    expect(refused.statusCode).toBe(409);
    expect(body<ErrorResponse>(refused).error).toMatchObject({ code: 'cycle_locked' });
    expect(await history({ keyResultId: 'cso-kr2-1' })).toHaveLength(0);

    // A member who is no admin of the organisation (a viewer) is refused with 403.
    const viewer = await t.signIn({ id: 'usr-not-admin' });
    await grantRole(t.store.db, 'usr-not-admin', { unitId: null, role: 'viewer' });
    const notAdmin = await t.call(
      endpoints.execution.reopenCycle,
      { params: { id: 'fy2026' }, body: { reason: 'late data' } },
      { headers: viewer },
    );
    expect(notAdmin.statusCode).toBe(403);
    expect(body<ErrorResponse>(notAdmin).error.code).toBe('forbidden');
    const reopened = await t.call(endpoints.execution.reopenCycle, {
      params: { id: 'fy2026' },
      body: { admin: true, by: 'margaret-osei', reason: 'October data arrived late' },
    });
    expect(reopened.data).toMatchObject({ locked: false });
    expect((await checkIn({ keyResultId: 'cso-kr2-1', value: 12, date: '2026-10-31' })).statusCode).toBe(201);
  });

  it('moves the key result to its latest check-in by date, then by entry, keeping a confidence left out', async () => {
    const version = (await keyResult('cso-kr1-1')).version;
    const sent = (input: CheckInBody) => checkIn(input).then((response) => response.statusCode);
    expect(await sent({ keyResultId: 'cso-kr1-1', value: 31, confidence: 0.6, date: '2026-11-19' })).toBe(
      201,
    );
    expect(await keyResult('cso-kr1-1')).toMatchObject({ current: 31, confidence: 0.6 });
    // An earlier date than the latest does not move the current value.
    expect(await sent({ keyResultId: 'cso-kr1-1', value: 5, date: '2026-03-31' })).toBe(201);
    expect(await keyResult('cso-kr1-1')).toMatchObject({ current: 31, confidence: 0.6 });
    // The same date as the latest does (the later entry wins); no confidence keeps the one there.
    expect(await sent({ keyResultId: 'cso-kr1-1', value: 33, date: '2026-11-19' })).toBe(201);
    expect(await keyResult('cso-kr1-1')).toMatchObject({
      current: 33,
      confidence: 0.6,
      version: version + 3,
    });
  });
});

describe('check-in authors', () => {
  let t: TestApp;
  let contributor: Record<string, string>;
  let editor: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-11-20' } });
    await t.services.planImport.importPlan(demoPlan());
    // Lukas Meyer contributes in the CSO's unit and owns cso-kr1-1; the editor is nobody in the plan.
    contributor = await t.signIn({ id: 'u-lukas' });
    await grantRole(t.store.db, 'u-lukas', { unitId: 'cso', role: 'contributor' });
    await t.store.db
      .updateTable('people')
      .set({ userId: 'u-lukas' })
      .where('id', '=', 'lukas-meyer')
      .execute();
    editor = await t.signIn({ id: 'u-editor' });
    await grantRole(t.store.db, 'u-editor', { unitId: 'cso', role: 'editor' });
  });
  afterAll(() => t.close());

  const checkIn = (headers: Record<string, string>, extra: Partial<CheckInBody>) =>
    t.call(
      endpoints.checkIns.createCheckIn,
      { body: { keyResultId: 'cso-kr1-1', value: 30, date: '2026-06-30', ...extra } },
      { headers },
    );

  it("refuses a contributor's check-in in someone else's name, naming the field, and writes nothing", async () => {
    const response = await checkIn(contributor, { authorId: 'hannah-fischer' });
    expect(response.statusCode).toBe(403);
    expect(body<ErrorResponse>(response).error.details?.issues?.[0]?.path).toBe('body.authorId');
    const history = await t.call(endpoints.checkIns.listHistory, { query: { keyResultId: 'cso-kr1-1' } });
    expect(history.result).toEqual([]);
  });

  it("files a contributor's check-in and correction as their own", async () => {
    const own = await checkIn(contributor, {});
    expect(own.statusCode).toBe(201);
    expect(own.result.authorId).toBe('lukas-meyer');
    const named = await checkIn(contributor, { authorId: 'lukas-meyer', date: '2026-07-31' });
    expect(named.statusCode).toBe(201);
    const byEditor = await checkIn(editor, { authorId: 'hannah-fischer', date: '2026-08-31' });
    const correction = await t.call(
      endpoints.checkIns.correctCheckIn,
      { params: { id: byEditor.result.id }, body: { value: 31 } },
      { headers: contributor },
    );
    expect(correction.statusCode).toBe(201);
    expect(correction.result.authorId).toBe('lukas-meyer');
  });

  it('lets an editor file a check-in for someone of the team', async () => {
    const response = await checkIn(editor, { authorId: 'hannah-fischer', date: '2026-09-30' });
    expect(response.statusCode).toBe(201);
    expect(response.result.authorId).toBe('hannah-fischer');
    // Only people of the item's organisation can author it: an unknown one is the field's fault.
    const unknown = await checkIn(editor, { authorId: 'no-such-person', date: '2026-10-31' });
    expect(unknown.statusCode).toBe(400);
    expect(body<ErrorResponse>(unknown).error.details?.issues?.[0]?.path).toBe('body.authorId');
  });
});
