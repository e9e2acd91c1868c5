import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIns, dashboard, execution, okrs } from '../../src/contracts/endpoints';
import { startChangeFeed, type Change } from '../../src/server/live/change-feed';
import { signInWithRole } from '../support/builders';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

const krEndpoints = okrs.keyResults;

/**
 * Issue 13: a KPI check-in in a child unit moves the parent's key result it measures, its
 * objective, the parent's dashboard and the organisation overview; a measured key result refuses
 * a manual value unless it is an override; the owner of a key result may check in on it.
 */
describe('key results measured by KPIs', () => {
  let t: TestApp;
  const today = '2026-06-15';
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => today } });
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const cioProgress = async () => {
    const response = await t.call(execution.getUnitProgress, {
      params: { id: 'cio' },
      query: { cycleId: 'fy2026' },
    });
    expect(response.statusCode).toBe(200);
    return response.result;
  };
  const kr = async (id: string) => {
    const progress = await cioProgress();
    const found = progress.objectives.flatMap((o) => o.keyResults).find((entry) => entry.id === id);
    if (!found) throw new Error(`no key result ${id}`);
    return found;
  };
  const checkInKpi = (kpiId: string, value: number, date: string) =>
    t.call(checkIns.createCheckIn, { body: { kpiId, value, date } });

  it('moves the parent key result, objective, dashboard and overview when the child checks in a KPI', async () => {
    const before = await cioProgress();
    const objectiveBefore = before.objectives.find((o) => o.id === 'cio-o1')!;
    const dashboardBefore = (
      await t.call(dashboard.getUnitDashboard, { params: { id: 'cio' }, query: { cycleId: 'fy2026' } })
    ).result;
    const overviewBefore = (
      await t.call(dashboard.getOrganisationOverview, {
        params: { id: 'acme' },
        query: { cycleId: 'fy2026' },
      })
    ).result;

    const response = await checkInKpi('cso-k1', 38, '2026-05-31');
    expect(response.statusCode).toBe(201);

    const measured = await kr('cio-kr1-1');
    expect(measured.current).toBe(38);
    expect(measured.valueSource).toBe('kpis');
    expect(measured.lastCheckIn).toBe('2026-05-31');
    expect(measured.measure?.contributions).toEqual([
      expect.objectContaining({
        id: 'cso-k1',
        title: 'Share of L1 alerts triaged by AI',
        unitId: 'cso',
        unitName: 'Security (CSO)',
        value: 38,
        date: '2026-05-31',
      }),
    ]);
    const after = await cioProgress();
    const objectiveAfter = after.objectives.find((o) => o.id === 'cio-o1')!;
    expect(objectiveAfter.progress).toBeGreaterThan(objectiveBefore.progress);

    const stored = await t.call(krEndpoints.get, { params: { id: 'cio-kr1-1' } });
    expect(stored.result.current).toBe(38);

    const dashboardAfter = (
      await t.call(dashboard.getUnitDashboard, { params: { id: 'cio' }, query: { cycleId: 'fy2026' } })
    ).result;
    const progressOf = (d: typeof dashboardAfter) => d.objectives.find((o) => o.id === 'cio-o1')!.progress;
    expect(progressOf(dashboardAfter)).toBeGreaterThan(progressOf(dashboardBefore));
    const overviewAfter = (
      await t.call(dashboard.getOrganisationOverview, {
        params: { id: 'acme' },
        query: { cycleId: 'fy2026' },
      })
    ).result;
    const cioScore = (o: typeof overviewAfter) =>
      o.quarters.at(-1)!.units.find((unit) => unit.unitId === 'cio')!.averageScore ?? 0;
    expect(cioScore(overviewAfter)).toBeGreaterThan(cioScore(overviewBefore));
  });

  it("notifies the parent's key result views when a child checks in a KPI", async () => {
    const feed = await startChangeFeed(t.store);
    const heard: Change[] = [];
    const stop = feed.subscribe({}, (change) => heard.push(change));
    try {
      // The same value again: the key result's date moves, so its viewers hear of it all the same.
      expect((await checkInKpi('cso-k1', 38, '2026-06-01')).statusCode).toBe(201);
      expect(await feed.settle()).toBe(true);
      expect(heard).toContainEqual(
        expect.objectContaining({
          table: 'key_results',
          op: 'update',
          within: expect.objectContaining({ unitId: 'cio' }) as unknown,
        }),
      );
    } finally {
      stop();
      await feed.close();
    }
  });

  it('refuses a manual check-in on a measured key result, naming its KPIs, and writes nothing', async () => {
    const response = await t.call(checkIns.createCheckIn, {
      body: { keyResultId: 'cio-kr1-1', value: 50, date: '2026-06-01' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.data as {
      error: { code: string; details: { issues: { path: string; message: string }[] } };
    };
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues.map((issue) => issue.path)).toEqual(['body.keyResultId']);
    expect(error.details.issues[0]?.message).toContain('Share of L1 alerts triaged by AI (Security (CSO))');
    const history = await t.call(checkIns.listHistory, { query: { keyResultId: 'cio-kr1-1' } });
    expect(history.result).toEqual([]);
  });

  it('accepts the manual value as an explicit override, shown in history, until a KPI reports later', async () => {
    const response = await t.call(checkIns.createCheckIn, {
      body: {
        keyResultId: 'cio-kr1-1',
        value: 50,
        date: '2026-06-01',
        override: true,
        comment: 'SOC feed late',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.result.override).toBe(true);
    expect((await kr('cio-kr1-1')).current).toBe(50);
    expect((await kr('cio-kr1-1')).valueSource).toBe('override');
    const history = await t.call(checkIns.listHistory, { query: { keyResultId: 'cio-kr1-1' } });
    expect(history.result.map((entry) => [entry.value, entry.override])).toEqual([[50, true]]);

    await checkInKpi('cso-k1', 41, '2026-06-10');
    expect((await kr('cio-kr1-1')).current).toBe(41);
    expect((await kr('cio-kr1-1')).valueSource).toBe('kpis');
  });

  it('combines several KPIs by the rule set on the key result: sum, average, min, max, weighted', async () => {
    // cio-kr2-1 (MTTD) is measured by the CSO's KPI cso-k2 and the CIO's own cio-k2.
    await checkInKpi('cso-k2', 10, '2026-05-31');
    await checkInKpi('cio-k2', 20, '2026-05-31');
    const setRule = async (
      rule: 'sum' | 'average' | 'weighted_average' | 'min' | 'max',
      weights?: Record<string, number>,
    ) => {
      const current = await t.call(krEndpoints.get, { params: { id: 'cio-kr2-1' } });
      const response = await t.call(krEndpoints.update, {
        params: { id: 'cio-kr2-1' },
        body: {
          version: current.result.version,
          measureRule: rule,
          ...(weights ? { measureWeights: weights } : {}),
        },
      });
      expect(response.statusCode).toBe(200);
      return (await kr('cio-kr2-1')).current;
    };
    expect((await kr('cio-kr2-1')).measure?.contributions.map((entry) => entry.id).sort()).toEqual([
      'cio-k2',
      'cso-k2',
    ]);
    expect(await setRule('sum')).toBe(30);
    expect(await setRule('average')).toBe(15);
    expect(await setRule('min')).toBe(10);
    expect(await setRule('max')).toBe(20);
    expect(await setRule('weighted_average', { 'cso-k2': 3, 'cio-k2': 1 })).toBe(12.5);
    expect((await kr('cio-kr2-1')).measure?.rule).toBe('weighted_average');
  });

  it('refuses an unknown rule, naming the field', async () => {
    const current = await t.call(krEndpoints.get, { params: { id: 'cio-kr2-1' } });
    const response = await t.request({
      method: 'PATCH',
      url: '/api/key-results/cio-kr2-1',
      payload: { version: current.result.version, measureRule: 'median' },
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.data)).toContain('measureRule');
  });

  it('lets the owner of a key result check in on it, wherever it lives', async () => {
    // Daniel Kovacs heads the CSO unit (editor there, no role on the CIO's unit) and owns cio-kr2-2.
    const headers = await signInWithRole(t, 'usr_cso', { role: 'editor', unitId: 'cso' });
    await t.store.db
      .updateTable('people')
      .set({ userId: 'usr_cso' })
      .where('id', '=', 'daniel-kovacs')
      .execute();
    const own = await t.call(
      checkIns.createCheckIn,
      { body: { keyResultId: 'cio-kr2-2', value: 60, date: '2026-06-01', override: true } },
      { headers },
    );
    expect(own.statusCode).toBe(201);
    // A key result of the CIO he does not own stays refused.
    const other = await t.call(
      checkIns.createCheckIn,
      { body: { keyResultId: 'cio-kr3-1', value: 1, date: '2026-06-01' } },
      { headers },
    );
    expect(other.statusCode).toBe(403);
    // Hannah Fischer, contributor in the CSO unit, owns the CIO's unmeasured cio-kr3-1.
    const hannah = await signInWithRole(t, 'usr_hannah', { role: 'contributor', unitId: 'cso' });
    await t.store.db
      .updateTable('people')
      .set({ userId: 'usr_hannah' })
      .where('id', '=', 'hannah-fischer')
      .execute();
    const hers = await t.call(
      checkIns.createCheckIn,
      { body: { keyResultId: 'cio-kr3-1', value: 1, date: '2026-06-01' } },
      { headers: hannah },
    );
    expect(hers.statusCode).toBe(201);
  });
});

describe('the unit dashboard counts what the X-matrix tracks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-11-24' } });
    await t.services.planImport.importPlan(demoPlan());
    await t.services.demo.recordYear();
  });
  afterAll(() => t.close());

  it('counts red and amber KPI months, late initiatives and overdue countermeasures', async () => {
    const cso = await t.call(dashboard.getUnitDashboard, {
      params: { id: 'cso' },
      query: { cycleId: 'fy2026' },
    });
    expect(cso.statusCode).toBe(200);
    const attention = cso.result.attention;
    expect(attention.kpiMonthsRed).toBeGreaterThan(0);
    expect(attention.kpiMonthsRed + attention.kpiMonthsAmber).toBeGreaterThanOrEqual(attention.kpiMonthsRed);
    const chart = await t.services.bowling.chart('cso', 2026);
    const red = chart.rows.flatMap((row) => row.frames).filter((frame) => frame.colour === 'red').length;
    expect(attention.kpiMonthsRed).toBe(red);
  });

  it("moves the CIO's dashboard with the CSO's KPIs", async () => {
    const cio = await t.call(dashboard.getUnitDashboard, {
      params: { id: 'cio' },
      query: { cycleId: 'fy2026' },
    });
    const measured = cio.result.objectives
      .flatMap((o) => o.keyResults)
      .find((entry) => entry.id === 'cio-kr1-1')!;
    expect(measured.valueSource).toBe('kpis');
    expect(measured.lastCheckIn).toBe('2026-10-31');
    expect(measured.progress).toBeGreaterThan(0);
  });
});
