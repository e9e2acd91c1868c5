import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bowling as endpoints } from '../../src/contracts/endpoints';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

describe('bowling chart and countermeasures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-11-24' } });
    await t.services.planImport.importPlan(demoPlan());
    await t.services.demo.recordYear();
  });
  afterAll(() => t.close());

  const chart = async () => (await t.call(endpoints.getChart, { params: { id: 'cso', year: 2026 } })).result;
  const updateCountermeasure = (
    id: string,
    input: { version: number; status: 'do' | 'closed'; effect?: string },
  ) => t.call(endpoints.countermeasures.update, { params: { id }, body: input });

  it("shows each KPI's twelve months of plan and actual, coloured by direction, with quarters, YTD and trend", async () => {
    const { rows } = await chart();
    expect(rows.map((row) => row.kpiId)).toEqual([
      'cso-k1',
      'cso-k2',
      'cso-k3',
      'cso-k4',
      'cso-k5',
      'cso-k6',
    ]);
    const mttd = rows.find((row) => row.kpiId === 'cso-k2')!;
    expect(mttd).toMatchObject({ direction: 'decrease', ownerName: 'Aisha Bello', baseline: 24 });
    expect(mttd.frames).toHaveLength(12);
    expect(mttd.frames[3]).toMatchObject({ month: 4, plan: 20, actual: 23, colour: 'red' });
    expect(mttd.frames[5]?.colour).toBe('yellow');
    expect(mttd.frames[9]?.colour).toBe('green');
    expect(mttd.frames[10]).toMatchObject({ actual: null, colour: 'none' });
    expect(mttd.quarters.map((q) => q.label)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(mttd.ytd).toMatchObject({ actual: 9.5, plan: 10, colour: 'green' });
    expect(mttd.trend).toBe('improving');
    // Band KPI: no plan and no actual in January and February (missing months).
    const fp = rows.find((row) => row.kpiId === 'cso-k4')!;
    expect(fp.tolerancePercent).toBe(10);
    expect(fp.frames.slice(0, 2).map((f) => f.colour)).toEqual(['none', 'none']);
    expect(fp.frames[2]?.colour).toBe('red');
  });

  it('marks which red cells have a countermeasure', async () => {
    const { rows } = await chart();
    const reds = rows.flatMap((row) => row.frames.filter((f) => f.colour === 'red').map((f) => ({ row, f })));
    expect(reds.length).toBeGreaterThanOrEqual(8);
    expect(reds.filter(({ f }) => f.countermeasureIds.length > 0).length).toBe(6);
    const k5 = rows.find((row) => row.kpiId === 'cso-k5')!;
    expect(k5.frames[4]).toMatchObject({ colour: 'red', countermeasureIds: [] });
    expect(k5.frames[5]?.countermeasureIds).toEqual(['demo-cm-k5-jun']);
  });

  it('changes colours when a KPI tolerance changes', async () => {
    const response = await t.call(endpoints.setKpiThreshold, {
      params: { id: 'cso-k1' },
      body: { tolerancePercent: 15 },
    });
    expect(response.data).toMatchObject({ kpiId: 'cso-k1', tolerancePercent: 15 });
    const k1 = (await chart()).rows.find((row) => row.kpiId === 'cso-k1')!;
    expect(k1.frames[5]?.colour).toBe('yellow');
    const notKpi = await t.call(endpoints.setKpiThreshold, {
      params: { id: 'cso-i1' },
      body: { tolerancePercent: 5 },
    });
    expect(notKpi.statusCode).toBe(400);
  });

  it('opens a countermeasure on a red month, runs it through PDCA and asks for the effect when closing', async () => {
    const created = await t.call(endpoints.countermeasures.create, {
      body: {
        kpiId: 'cso-k5',
        year: 2026,
        month: 5,
        problem: 'Containment covers 7 incident types against 8 planned',
        rootCause: 'Playbook reviews queue behind change board',
        action: 'Pre-approved standard change for playbooks',
        ownerId: 'kenji-watanabe',
        dueDate: '2026-07-31',
      },
    });
    expect(created.statusCode).toBe(201);
    const cm = created.result;
    expect(cm).toMatchObject({ status: 'plan', kpiId: 'cso-k5', month: 5, effect: null });
    expect((await chart()).rows.find((row) => row.kpiId === 'cso-k5')!.frames[4]?.countermeasureIds).toEqual([
      cm.id,
    ]);

    const { result: doing } = await updateCountermeasure(cm.id, { version: cm.version, status: 'do' });
    const noEffect = await updateCountermeasure(cm.id, { version: doing.version, status: 'closed' });
    expect(noEffect.statusCode).toBe(400);
    expect(noEffect.body).toContain('what effect was seen');
    const stale = await updateCountermeasure(cm.id, { version: cm.version, status: 'closed', effect: 'x' });
    expect(stale.statusCode).toBe(409);
    const closed = await updateCountermeasure(cm.id, {
      version: doing.version,
      status: 'closed',
      effect: 'Back on plan in August',
    });
    expect(closed.data).toMatchObject({ status: 'closed', effect: 'Back on plan in August' });
    expect(closed.result.closedAt).not.toBeNull();

    const { result: open } = await t.call(endpoints.listUnitCountermeasures, {
      params: { id: 'cso' },
      query: { open: 'true' },
    });
    expect(open.map((c) => c.id)).not.toContain(cm.id);
    expect(open.every((c) => c.status !== 'closed')).toBe(true);
  });

  it('refuses a countermeasure on something that is not a KPI, or an owner of another organisation', async () => {
    const onInitiative = await t.call(endpoints.countermeasures.create, {
      body: { kpiId: 'cso-i1', year: 2026, month: 4, problem: 'x' },
    });
    expect(onInitiative.statusCode).toBe(400);
    const badMonth = await t.call(endpoints.countermeasures.create, {
      body: { kpiId: 'cso-k1', year: 2026, month: 13, problem: 'x' },
    });
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.body).toContain('body.month');
  });

  it('gives a unit without a matrix that year an empty chart', async () => {
    const response = await t.call(endpoints.getChart, { params: { id: 'secops', year: 2026 } });
    expect(response.data).toMatchObject({ rows: [], matrixId: null });
  });
});
