import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CapacityReportView,
  EffortView,
  ImpactView,
  LintReport,
  MatrixItem,
  PressureTestJob,
} from '../../src/contracts';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

type ErrorJson = { error: { code: string; message: string; details?: { issues?: { path: string }[] } } };

describe('pressure test, capacity and lint on the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  it('finds a CIO key result the CSO plan cannot reach, with the value it can reach instead', async () => {
    const started = await t.call(endpoints.feasibility.startPressureTest, {
      params: { id: 'cso-2026' },
      body: { trials: 10_000, seed: 7, wait: true },
    });
    // Waited for, the job has finished: 200, not "accepted, still running".
    expect(started.statusCode).toBe(200);
    const job = body<PressureTestJob>(started);
    expect(job).toMatchObject({ status: 'done', progress: 1 });
    const mttd = job.result!.targets.find((x) => x.targetId === 'cio-kr2-1' && x.kind === 'key_result')!;
    expect(mttd).toMatchObject({ unitId: 'cio', kpiId: 'cso-k2', target: 4 });
    expect(mttd.probability).toBeLessThan(0.05);
    expect(mttd.reachable.p80).toBeGreaterThan(8);
    expect(mttd.reachable.p80).toBeLessThan(12);
    const ownKpi = job.result!.targets.find((x) => x.targetId === 'cso-k2' && x.kind === 'kpi')!;
    expect(ownKpi.probability).toBeGreaterThan(0.4);
    const distribution = job.result!.kpis.find((k) => k.kpiId === 'cso-k2')!;
    expect(distribution.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(10_000);
  });

  it('gives the same numbers for the same seed, and reports progress while a job runs', async () => {
    const run = async () =>
      body<PressureTestJob>(
        await t.call(endpoints.feasibility.startPressureTest, {
          params: { id: 'cso-2026' },
          body: { trials: 2000, seed: 3, wait: true },
        }),
      ).result;
    expect(await run()).toEqual(await run());
    const accepted = await t.call(endpoints.feasibility.startPressureTest, {
      params: { id: 'cso-2026' },
      body: { trials: 50_000 },
    });
    expect(accepted.statusCode).toBe(202);
    const started = body<PressureTestJob>(accepted);
    expect(started.status).toBe('running');
    // The server answers other requests while the worker runs.
    expect((await t.request({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    let job = started;
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = body<PressureTestJob>(
        await t.call(endpoints.feasibility.getPressureTest, { params: { id: started.id } }),
      );
      expect(job.progress).toBeGreaterThanOrEqual(0);
    }
    expect(job).toMatchObject({ status: 'done', progress: 1 });
    expect(job.result!.trials).toBe(50_000);
    expect(
      (await t.call(endpoints.feasibility.getPressureTest, { params: { id: 'ptj_nothing' } })).statusCode,
    ).toBe(404);
  });

  it('finds the resource gap: LLM ops held by nobody, ML engineering short, Ravi over capacity', async () => {
    const report = body<CapacityReportView>(
      await t.call(endpoints.feasibility.capacity, { params: { id: 'cso-2026' } }),
    );
    expect(report.missingSkills).toEqual(['LLM ops']);
    expect(report.gaps.map((gap) => [gap.skill, gap.reason])).toEqual([
      ['LLM ops', 'nobody_holds'],
      ['ML engineering', 'demand_exceeds_supply'],
    ]);
    expect(report.people.find((p) => p.personId === 'ravi-menon')!.overMonths).toEqual([4, 5, 6, 7, 8, 9]);
    expect(report.verdicts.find((v) => v.targetId === 'cio-kr2-1')!.verdict).toBe('exceeds');
  });

  it('lints the matrix: the skill gaps and the over-allocated owner are gates', async () => {
    const report = body<LintReport>(await t.call(endpoints.feasibility.lint, { params: { id: 'cso-2026' } }));
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => f.code).sort()).toEqual([
      'owner_over_allocated',
      'skill_gap',
      'skill_gap',
    ]);
  });

  it('edits impacts and efforts with versions and feeds them to the pressure test', async () => {
    const created = await t.call(endpoints.feasibility.impacts.create, {
      body: {
        initiativeId: 'cso-i4',
        kpiId: 'cso-k2',
        low: 0.5,
        likely: 1,
        high: 2,
        startMonth: 6,
        rampMonths: 3,
      },
    });
    expect(created.statusCode).toBe(201);
    const impact = body<ImpactView>(created);
    expect(impact).toMatchObject({ matrixId: 'cso-2026', basis: 'absolute', version: 1 });
    const updated = await t.call(endpoints.feasibility.impacts.update, {
      params: { id: impact.id },
      body: { version: 1, high: 3 },
    });
    expect(body<ImpactView>(updated)).toMatchObject({ high: 3, version: 2 });
    const stale = await t.call(endpoints.feasibility.impacts.update, {
      params: { id: impact.id },
      body: { version: 1, high: 4 },
    });
    expect(stale.statusCode).toBe(409);
    const list = body<ImpactView[]>(
      await t.call(endpoints.feasibility.listImpacts, { params: { id: 'cso-i4' } }),
    );
    expect(list.map((i) => i.kpiId)).toEqual(['cso-k3', 'cso-k2']);

    const effort = await t.call(endpoints.feasibility.efforts.create, {
      body: { initiativeId: 'cso-i4', skill: 'Python', personDaysPerMonth: 2, fromMonth: 5, toMonth: 6 },
    });
    expect(body<EffortView>(effort)).toMatchObject({ skill: 'Python', version: 1 });
    const deleted = await t.call(endpoints.feasibility.efforts.remove, {
      params: { id: body<EffortView>(effort).id },
      query: { version: '1' },
    });
    expect(deleted.statusCode).toBe(204);
    const item = body<MatrixItem>(
      await t.call(endpoints.matrices.updateItem, {
        params: { id: 'cso-i4' },
        body: { version: 1, deliveryProbability: 0.5 },
      }),
    );
    expect(item.deliveryProbability).toBe(0.5);
  });

  describe('refuses bad input with a 4xx naming the field, and changes nothing', () => {
    const refuse = async (url: string, payload: object, status: number, path: string) => {
      const before = await t.call(endpoints.plan.exportPlan, { params: { id: 'acme' }, query: {} });
      const response = await t.request({
        method: url.startsWith('PATCH ') ? 'PATCH' : 'POST',
        url: url.replace(/^PATCH /, ''),
        payload,
      });
      expect(response.statusCode).toBe(status);
      const error = body<ErrorJson>(response).error;
      expect(error.details?.issues?.map((issue) => issue.path)).toContain(path);
      const after = await t.call(endpoints.plan.exportPlan, { params: { id: 'acme' }, query: {} });
      expect(after.body).toBe(before.body);
    };
    const impact = { initiativeId: 'cso-i6', kpiId: 'cso-k2', low: 1, likely: 2, high: 3 };

    it('low above high', () => refuse('/api/impacts', { ...impact, low: 5 }, 400, 'likely'));
    it('likely above high', () => refuse('/api/impacts', { ...impact, likely: 4 }, 400, 'high'));
    it('a start month outside 1-12', () =>
      refuse('/api/impacts', { ...impact, startMonth: 13 }, 400, 'body.startMonth'));
    it('a KPI of another matrix', () => refuse('/api/impacts', { ...impact, kpiId: 'cio-k2' }, 400, 'kpiId'));
    it('an initiative that is not one', () =>
      refuse('/api/impacts', { ...impact, initiativeId: 'cso-k1' }, 400, 'initiativeId'));
    it('negative effort', () =>
      refuse(
        '/api/efforts',
        { initiativeId: 'cso-i6', skill: 'x', personDaysPerMonth: -2 },
        400,
        'body.personDaysPerMonth',
      ));
    it('effort ending before it starts', () =>
      refuse(
        '/api/efforts',
        { initiativeId: 'cso-i6', skill: 'x', personDaysPerMonth: 2, fromMonth: 5, toMonth: 2 },
        400,
        'toMonth',
      ));
    it('a delivery probability outside 0-1', () =>
      refuse(
        'PATCH /api/matrix-items/cso-i6',
        { version: 1, deliveryProbability: 1.5 },
        400,
        'body.deliveryProbability',
      ));
    it('a delivery probability on a KPI', () =>
      refuse(
        'PATCH /api/matrix-items/cso-k1',
        { version: 1, deliveryProbability: 0.5 },
        400,
        'deliveryProbability',
      ));
  });
});
