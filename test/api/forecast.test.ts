import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIns, forecast as endpoints } from '../../src/contracts/endpoints';
import type { TargetForecast } from '../../src/contracts';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

/**
 * The forecast from actuals, recorded monthly (issue 13, item 5): a KPI check-in records this
 * month's figure, a later one in the same month replaces it, and the history lists the months.
 * The KPI is the CSO's mean time to detect (from 24 h down to 8 h); its key result is the CIO's.
 */
describe('forecast from actuals', () => {
  let t: TestApp;
  let today = '2026-03-20';
  let plan: (number | null)[] = [];
  const mttd = (history: { targets: TargetForecast[] }) =>
    history.targets.find((target) => target.kpiId === 'cso-k2' && target.kind === 'kpi');
  const checkIn = async (date: string, value: number) => {
    const response = await t.call(checkIns.createCheckIn, { body: { kpiId: 'cso-k2', date, value } });
    expect(response.statusCode).toBe(201);
    // The forecast is recorded in the background; the check-in's answer does not wait for it.
    await t.services.forecast.settled();
  };
  const history = async () => {
    const response = await t.call(endpoints.forecastHistory, { params: { id: 'cso-2026' } });
    expect(response.statusCode).toBe(200);
    return response.result;
  };

  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => today } });
    await t.services.planImport.importPlan(demoPlan());
    const item = await t.store.db
      .selectFrom('matrixItems')
      .select('monthlyPlan')
      .where('id', '=', 'cso-k2')
      .executeTakeFirstOrThrow();
    plan = item.monthlyPlan ?? [];
  });
  afterAll(() => t.close());

  it('has no history before anything was recorded', async () => {
    expect((await history()).targets).toEqual([]);
  });

  it('records the month when a KPI checks in, and a check-in behind plan lowers that month’s figure', async () => {
    await checkIn('2026-03-15', plan[2] ?? 0);
    const march = mttd(await history());
    expect(march?.points.map((p) => p.month)).toEqual([3]);
    expect(march?.points[0]?.actual).toBe(plan[2]);

    today = '2026-06-20';
    await checkIn('2026-06-10', plan[5] ?? 0);
    const onPlan = mttd(await history())?.points.find((p) => p.month === 6)?.probability ?? NaN;
    // Detection takes 40 % longer than planned in June: the same month's figure, now lower.
    await checkIn('2026-06-18', (plan[5] ?? 0) * 1.4);
    const after = mttd(await history());
    expect(after?.points.map((p) => p.month)).toEqual([3, 6]);
    const behind = after?.points[1]?.probability ?? NaN;
    expect(behind).toBeLessThan(onPlan - 0.1);
    expect(after?.points[1]?.actual).toBeCloseTo((plan[5] ?? 0) * 1.4);
    expect(after?.sentence).toMatch(
      /^Chance of reaching 8 h by December, now: \d+ % \(was \d+ % in March\)$/,
    );
    // The key result it measures (the CIO's, 4 h) is forecast from the same actuals.
    const cio = (await history()).targets.find((target) => target.targetId === 'cio-kr2-1');
    expect(cio?.points.map((p) => p.month)).toEqual([3, 6]);
  });

  it('records now on request, replacing this month only; months stay in order', async () => {
    today = '2026-04-30';
    const response = await t.call(endpoints.recordForecast, { params: { id: 'cso-2026' } });
    expect(response.statusCode).toBe(200);
    expect(mttd(response.result)?.points.map((p) => p.month)).toEqual([3, 4, 6]);
    // April as it stood then: the June check-ins are not seen.
    expect(mttd(response.result)?.points[1]?.actual).toBe(plan[2]);
    const again = await t.call(endpoints.recordForecast, { params: { id: 'cso-2026' } });
    expect(mttd(again.result)?.points).toEqual(mttd(response.result)?.points);
  });

  it("lists a key result's forecast from the matrices whose KPIs measure it", async () => {
    const response = await t.call(endpoints.keyResultForecast, { params: { id: 'cio-kr2-1' } });
    expect(response.statusCode).toBe(200);
    expect(response.result.map((h) => h.matrixId)).toEqual(['cso-2026']);
    expect(response.result[0]?.targets.map((target) => target.targetId)).toEqual(['cio-kr2-1']);
    expect(response.result[0]?.targets[0]?.points.map((p) => p.month)).toEqual([3, 4, 6]);
    const unknown = await t.call(endpoints.keyResultForecast, { params: { id: 'no-such-kr' } });
    expect(unknown.statusCode).toBe(404);
  });

  it('groups the targets that test one outcome, the key result first, in KPI order', async () => {
    const { targets } = await history();
    const ai = targets.find((target) => target.kpiId === 'cso-k1');
    expect(ai?.kind).toBe('key_result');
    expect(ai?.sameOutcome.map((m) => m.kind)).toEqual(['key_result', 'kpi', 'annual_objective']);
  });
});
