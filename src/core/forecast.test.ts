import { describe, expect, it } from 'vitest';
import type { FeasibilityModel } from './feasibility';
import {
  conditionModel,
  deliveryStateOf,
  forecastFromActuals,
  forecastSentence,
  monthlyDrift,
  type ForecastConditions,
} from './forecast';
import { runPressureTest } from './pressure-test';
import { mulberry32 } from './random';

/** Detection coverage from 40 % to 60 %: one initiative ramping up over the year, one quick win. */
const model: FeasibilityModel = {
  kpis: [
    {
      id: 'k1',
      title: 'Detection coverage',
      unitOfMeasure: '%',
      direction: 'increase',
      baseline: 40,
      target: 60,
      targetHigh: null,
    },
  ],
  initiatives: [
    {
      id: 'ramp',
      title: 'EDR rollout',
      deliveryProbability: 0.9,
      impacts: [
        { kpi: 'k1', low: 12, likely: 16, high: 20, basis: 'absolute', startMonth: 1, rampMonths: 12 },
      ],
    },
    {
      id: 'quick',
      title: 'Log sources',
      deliveryProbability: 0.9,
      impacts: [{ kpi: 'k1', low: 3, likely: 5, high: 7, basis: 'absolute', startMonth: 1, rampMonths: 0 }],
    },
  ],
  targets: [
    {
      id: 'k1',
      kind: 'kpi',
      title: 'Detection coverage',
      kpiId: 'k1',
      unitId: 'u',
      keyResultId: null,
      direction: 'increase',
      target: 60,
      targetHigh: null,
    },
  ],
};

const forecast = (conditions: ForecastConditions, seed = 7) =>
  forecastFromActuals(model, conditions, mulberry32(seed), { trials: 4000 });
const chance = (conditions: ForecastConditions, seed = 7) =>
  forecast(conditions, seed).targets[0]?.probability ?? NaN;

describe('forecast from actuals', () => {
  it('without actuals is the pressure test itself', () => {
    const plain = runPressureTest(model, mulberry32(7), { trials: 4000 });
    expect(forecast({ asOfMonth: 0, actuals: [], initiatives: {} })).toEqual(plain);
  });

  it('drops when the actuals fall behind plan', () => {
    // By June the plan expects 40 + 5 + half of 16 = 53.
    const onPlan = chance({ asOfMonth: 6, actuals: [{ kpiId: 'k1', value: 53, month: 6 }], initiatives: {} });
    const behind = chance({ asOfMonth: 6, actuals: [{ kpiId: 'k1', value: 47, month: 6 }], initiatives: {} });
    expect(onPlan).toBeGreaterThan(0.5);
    expect(behind).toBeLessThan(onPlan - 0.3);
  });

  it('counts what is already in the actuals once: only the rest of a ramp is still to come', () => {
    const conditioned = conditionModel(model, {
      asOfMonth: 6,
      actuals: [{ kpiId: 'k1', value: 53, month: 6 }],
      initiatives: { quick: 'done' },
    });
    const quick = conditioned.initiatives.find((i) => i.id === 'quick');
    const ramp = conditioned.initiatives.find((i) => i.id === 'ramp');
    expect(quick?.deliveryProbability).toBe(1);
    expect(quick?.impacts[0]?.likely).toBe(0);
    expect(ramp?.impacts[0]?.likely).toBeCloseTo(8);
  });

  it('does not count a delivered initiative again on top of the actuals that show it', () => {
    // Both delivered and fully in the June actual: the year ends where the actual stands.
    const result = forecast({
      asOfMonth: 12,
      actuals: [{ kpiId: 'k1', value: 59, month: 12 }],
      initiatives: { quick: 'done', ramp: 'done' },
    });
    expect(result.kpis[0]?.p50).toBe(59);
    expect(result.targets[0]?.probability).toBe(0);
  });

  it('lowers the odds of late initiatives and shifts their effect past today', () => {
    const base = { asOfMonth: 6, actuals: [{ kpiId: 'k1', value: 50, month: 6 }] };
    // Planned for August, still to come: late, it keeps half its odds.
    const later: FeasibilityModel = {
      ...model,
      initiatives: model.initiatives.map((i) =>
        i.id === 'quick' ? { ...i, impacts: i.impacts.map((impact) => ({ ...impact, startMonth: 8 })) } : i,
      ),
    };
    const chanceOf = (initiatives: ForecastConditions['initiatives']) =>
      forecastFromActuals(later, { ...base, initiatives }, mulberry32(7), { trials: 4000 }).targets[0]
        ?.probability ?? NaN;
    expect(chanceOf({ quick: 'late' })).toBeLessThan(chanceOf({}) - 0.1);
    // Planned for January and not delivered: none of it is in the actual, all of it still to come from July.
    const conditioned = conditionModel(model, { ...base, initiatives: { quick: 'late', ramp: 'cancelled' } });
    expect(conditioned.initiatives[1]?.deliveryProbability).toBeCloseTo(0.45);
    expect(conditioned.initiatives[1]?.impacts[0]?.likely).toBe(5);
    expect(conditioned.initiatives[0]?.deliveryProbability).toBe(0);
  });

  it('is deterministic for a seed', () => {
    const conditions: ForecastConditions = {
      asOfMonth: 6,
      actuals: [{ kpiId: 'k1', value: 50, month: 6 }],
      initiatives: {},
      drift: { k1: 1.5 },
    };
    expect(forecast(conditions, 11)).toEqual(forecast(conditions, 11));
    expect(forecast(conditions, 11).kpis[0]?.mean).not.toBe(forecast(conditions, 12).kpis[0]?.mean);
  });

  it('lets the months still to come wander as the actuals have', () => {
    expect(monthlyDrift([40, 42, 41, null, 45], [40, 41, 42, 43, 44])).toBeCloseTo(Math.sqrt((1 + 4) / 2));
    expect(monthlyDrift([40], [40])).toBe(0);
    const conditioned = conditionModel(model, {
      asOfMonth: 9,
      actuals: [{ kpiId: 'k1', value: 50, month: 9 }],
      initiatives: {},
      drift: { k1: 2 },
    });
    const drift = conditioned.initiatives.find((i) => i.id === 'drift:k1');
    expect(drift?.impacts[0]?.high).toBeCloseTo(2 * Math.sqrt(3) * Math.sqrt(6));
  });
});

describe('delivery state', () => {
  it('is done only from its end date, late past it', () => {
    const done = { status: 'done' as const, startDate: '2026-01-01', endDate: '2026-05-31' };
    expect(deliveryStateOf(done, '2026-06-30')).toBe('done');
    expect(deliveryStateOf(done, '2026-03-31')).toBe('open');
    const running = { status: 'in_progress' as const, startDate: '2026-01-01', endDate: '2026-05-31' };
    expect(deliveryStateOf(running, '2026-06-30')).toBe('late');
    expect(deliveryStateOf(running, '2026-04-30')).toBe('open');
  });
});

describe('forecast sentence', () => {
  it('says now and what it was', () => {
    const target = { target: 60, targetHigh: null, direction: 'increase', unitOfMeasure: '%' };
    expect(
      forecastSentence(target, [
        { month: 3, probability: 0.61 },
        { month: 9, probability: 0.34 },
      ]),
    ).toBe('Chance of reaching 60 % by December, now: 34 % (was 61 % in March)');
    expect(forecastSentence(target, [{ month: 9, probability: 0.34 }])).toBe(
      'Chance of reaching 60 % by December, now: 34 %',
    );
    expect(forecastSentence(target, [])).toBeNull();
  });
});
