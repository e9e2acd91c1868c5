import { describe, expect, it } from 'vitest';
import { checkKpi, linearMonthlyPlan, MONTHS_IN_YEAR } from './monthly-plan';

describe('linearMonthlyPlan', () => {
  it('steps evenly from baseline and ends at the target', () => {
    expect(linearMonthlyPlan(0, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('steps down for a decrease and rounds to two decimals', () => {
    const plan = linearMonthlyPlan(24, 4);
    expect(plan).toHaveLength(MONTHS_IN_YEAR);
    expect(plan[0]).toBe(22.33);
    expect(plan[5]).toBe(14);
    expect(plan[11]).toBe(4);
  });

  it('ends exactly at targets that do not divide evenly', () => {
    expect(linearMonthlyPlan(5, 60).at(-1)).toBe(60);
    expect(linearMonthlyPlan(0.1, 0.7).at(-1)).toBe(0.7);
  });
});

describe('checkKpi', () => {
  const plan = linearMonthlyPlan(5, 60);

  it('accepts a KPI with twelve months and a target on the right side', () => {
    expect(checkKpi({ direction: 'increase', baseline: 5, target: 60, monthlyPlan: plan })).toEqual([]);
    expect(
      checkKpi({ direction: 'decrease', baseline: 24, target: 4, monthlyPlan: linearMonthlyPlan(24, 4) }),
    ).toEqual([]);
    expect(checkKpi({ direction: 'band', baseline: 9, target: 2, targetHigh: 5, monthlyPlan: plan })).toEqual(
      [],
    );
  });

  it('refuses a plan that is not twelve months long', () => {
    expect(
      checkKpi({ direction: 'increase', baseline: 5, target: 60, monthlyPlan: plan.slice(0, 11) }),
    ).toEqual([{ path: 'monthlyPlan', message: 'needs 12 monthly values, got 11' }]);
    expect(
      checkKpi({ direction: 'increase', baseline: null, target: null, monthlyPlan: [...plan, 61] }),
    ).toHaveLength(1);
  });

  it('accepts months without a plan (null)', () => {
    const partial = [null, null, ...plan.slice(2)];
    expect(checkKpi({ direction: 'increase', baseline: 5, target: 60, monthlyPlan: partial })).toEqual([]);
  });

  it('refuses a target on the wrong side of the baseline for its direction', () => {
    expect(checkKpi({ direction: 'increase', baseline: 60, target: 5, monthlyPlan: plan })).toEqual([
      { path: 'target', message: 'an increasing KPI needs a target above its baseline (60), got 5' },
    ]);
    expect(checkKpi({ direction: 'decrease', baseline: 4, target: 24, monthlyPlan: plan })).toEqual([
      { path: 'target', message: 'a decreasing KPI needs a target below its baseline (4), got 24' },
    ]);
    expect(checkKpi({ direction: 'decrease', baseline: 4, target: 4, monthlyPlan: plan })).toHaveLength(1);
  });

  it('refuses a reversed band and reports every problem at once', () => {
    expect(
      checkKpi({ direction: 'band', baseline: 9, target: 5, targetHigh: 2, monthlyPlan: [] }).map(
        (i) => i.path,
      ),
    ).toEqual(['monthlyPlan', 'targetHigh']);
  });
});
