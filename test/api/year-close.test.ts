import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type ErrorResponse, type TestApp } from '../support/test-app';

const { yearClose } = endpoints;

describe('closing the year and rolling the X-matrix over', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-12-20' } });
    await t.services.planImport.importPlan(demoPlan());
    await t.services.demo.recordYear();
    expect(await t.services.demo.recordClosedYear()).toBe(true);
  });
  afterAll(() => t.close());

  const review = async (id: string) => (await t.call(yearClose.getYearReview, { params: { id } })).result;
  const errorOf = (response: { data: unknown }) => body<ErrorResponse>(response).error;

  it("scores the demo's closed 2025: each KPI's final value, score and gap, each annual objective", async () => {
    const year = await review('cso-2025');
    expect(year.cycle).toMatchObject({
      cycleId: 'fy2025',
      name: 'FY2025',
      closed: true,
      closedBy: 'Daniel Kovacs',
    });
    expect(year.kpis.find((kpi) => kpi.itemId === 'cso25-k1')).toMatchObject({
      final: 84,
      score: 1,
      met: true,
    });
    // 36 h → 24 h of a 36 h → 20 h target: 0.75 of the way, 4 h still to go.
    expect(year.kpis.find((kpi) => kpi.itemId === 'cso25-k2')).toMatchObject({
      final: 24,
      score: 0.8,
      met: false,
      gap: 4,
    });
    const detect = year.annualObjectives.find((objective) => objective.itemId === 'cso25-af2');
    expect(detect).toMatchObject({ met: false });
    expect(detect?.reflection?.causes).toContain('SOAR playbooks slipped');
    // Written at the closing review, before the close: not stamped with the day the demo loaded.
    expect(detect?.reflection?.updatedAt).toBe('2026-01-08T15:00:00.000Z');
    expect(year.rolledInto).toEqual({ matrixId: 'cso-2026', year: 2026 });
    expect((await review('cso-2026')).rolledFrom).toEqual({ matrixId: 'cso-2025', year: 2025 });
  });

  it("refuses writes to a closed cycle's matrix and check-ins, naming the cycle; reflections stay open", async () => {
    const item = (await t.call(endpoints.matrices.getItem, { params: { id: 'cso25-af1' } })).result;
    const rename = await t.call(endpoints.matrices.updateItem, {
      params: { id: 'cso25-af1' },
      body: { title: 'Renamed after the fact', version: item.version },
    });
    expect(rename.statusCode).toBe(409);
    expect(errorOf(rename)).toMatchObject({
      code: 'cycle_closed',
      details: { cycleId: 'fy2025', cycleName: 'FY2025' },
    });
    expect(errorOf(rename).message).toContain('FY2025 is closed');
    const checkIn = await t.call(endpoints.checkIns.createCheckIn, {
      body: { kpiId: 'cso25-k2', value: 20, date: '2025-12-31' },
    });
    expect(errorOf(checkIn).code).toBe('cycle_closed');
    const mark = await t.call(endpoints.matrices.setCorrelation, {
      params: { id: 'cso-2025' },
      body: { aId: 'cso25-bo1', bId: 'cso25-af1', strength: 'weak', version: null },
    });
    expect(errorOf(mark).code).toBe('cycle_closed');
    // A row of an open year moved into the closed one is refused too: its new place is checked
    // whenever the columns deciding its cycle change (migration 0020).
    await expect(
      t.store.db
        .updateTable('matrixItems')
        .set({ matrixId: 'cso-2025' })
        .where('id', '=', 'cso-k1')
        .execute(),
    ).rejects.toThrow('FY2025 is closed');
    expect((await t.call(endpoints.matrices.getItem, { params: { id: 'cso25-af1' } })).result.title).toBe(
      item.title,
    );

    const current = (await review('cso-2025')).annualObjectives.find(
      (o) => o.itemId === 'cso25-af1',
    )?.reflection;
    const saved = await t.call(yearClose.saveReflection, {
      params: { id: 'cso25-af1' },
      body: {
        reached: 'All of it',
        causes: 'Platform help',
        learned: 'Ask early',
        version: current?.version ?? null,
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.result).toMatchObject({ reached: 'All of it', version: (current?.version ?? 0) + 1 });
    const stale = await t.call(yearClose.saveReflection, {
      params: { id: 'cso25-af1' },
      body: { reached: 'x', causes: '', learned: '', version: current?.version ?? null },
    });
    expect(errorOf(stale).code).toBe('version_conflict');
    const notAnnual = await t.call(yearClose.saveReflection, {
      params: { id: 'cso25-k1' },
      body: { reached: 'x', causes: '', learned: '', version: null },
    });
    expect(errorOf(notAnnual).details?.issues?.[0]?.path).toBe('params.id');
  });

  it('rolls over only a closed year, names bad choices, then writes next year in one go with its links', async () => {
    const open = await t.call(yearClose.rollover, { params: { id: 'cso-2026' }, body: { decisions: [] } });
    expect(errorOf(open)).toMatchObject({ code: 'invariant_violated' });
    expect(errorOf(open).message).toContain('Close FY2026');

    const closed = await t.call(yearClose.closeCycle, { params: { id: 'fy2026' } });
    expect(closed.result).toMatchObject({ cycleId: 'fy2026', closed: true });
    expect(errorOf(await t.call(yearClose.closeCycle, { params: { id: 'fy2026' } })).code).toBe(
      'cycle_closed',
    );

    const preview = (await t.call(yearClose.previewRollover, { params: { id: 'cso-2026' } })).result;
    expect(preview).toMatchObject({
      fromYear: 2026,
      toYear: 2027,
      nextCycle: null,
      nextMatrixId: null,
      cycleClosed: true,
    });
    expect(
      preview.items.filter((item) => item.part === 'what').every((item) => item.proposed === 'carry'),
    ).toBe(true);
    const mttd = preview.items.find((item) => item.itemId === 'cso-k2');
    expect(mttd?.gap).not.toBeNull();

    const bad = await t.call(yearClose.rollover, {
      params: { id: 'cso-2026' },
      body: {
        decisions: [
          { itemId: 'cso-bo1', choice: 'raise', target: 3 },
          { itemId: 'cso25-k1', choice: 'carry' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.issues?.map((issue) => issue.path)).toEqual([
      'body.decisions[0].choice',
      'body.decisions[1].itemId',
    ]);
    expect(errorOf(bad).details?.issues?.[0]?.message).toContain('cannot be raised');
    const cycles = await t.store.db.selectFrom('cycles').select('id').where('year', '=', 2027).execute();
    expect(cycles).toEqual([]);

    const rolled = await t.call(yearClose.rollover, {
      params: { id: 'cso-2026' },
      body: {
        decisions: [
          { itemId: 'cso-i1', choice: 'close' },
          { itemId: 'cso-bo3', choice: 'drop' },
        ],
      },
    });
    expect(rolled.statusCode).toBe(201);
    expect(rolled.result).toMatchObject({
      matrixId: 'cso-2027',
      year: 2027,
      cycleId: 'fy2027',
      createdCycle: true,
    });
    const next = (await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'cso', year: 2027 } }))
      .result;
    const titles = (part: 'what' | 'how' | 'who') => next.items[part].map((item) => item.title);
    expect(titles('what')).toHaveLength(2);
    expect(titles('how')).not.toContain('AI-assisted L1 alert triage in the SIEM');
    expect(titles('who')).toHaveLength(7);
    expect(next.correlations.length).toBeGreaterThan(0);
    const carriedMttd = next.items.how_much.find(
      (item) => item.title === 'Mean time to detect, critical alerts',
    );
    expect(carriedMttd?.baseline).toBe(mttd?.final);
    const links = await t.store.db
      .selectFrom('matrixItems')
      .select(['carriedFromId'])
      .where('matrixId', '=', 'cso-2027')
      .execute();
    expect(links.every((row) => row.carriedFromId !== null)).toBe(true);
    expect((await review('cso-2027')).rolledFrom).toEqual({ matrixId: 'cso-2026', year: 2026 });

    const again = await t.call(yearClose.rollover, { params: { id: 'cso-2026' }, body: { decisions: [] } });
    expect(errorOf(again).code).toBe('already_exists');

    const late = await t.call(endpoints.checkIns.createCheckIn, {
      body: { keyResultId: 'cso-kr1-1', value: 50, date: '2026-12-01' },
    });
    expect(errorOf(late)).toMatchObject({ code: 'cycle_closed' });
    expect(errorOf(late).message).toContain('FY2026');
  });
  it('lets a plan import replace an organisation that holds closed years (their rows go by cascade)', async () => {
    const plan = await t.services.planExport.exportPlan('acme');
    const summary = await t.services.planImport.importPlan(plan, { replace: true });
    expect(summary.replaced).toBe(true);
    const cso2025 = await t.store.db
      .selectFrom('matrixItems')
      .select('id')
      .where('matrixId', '=', 'cso-2025')
      .execute();
    expect(cso2025.length).toBeGreaterThan(0);
  });
});
