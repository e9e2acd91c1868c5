import { describe, expect, it } from 'vitest';
import {
  agreementEffects,
  agreementMonthIndex,
  agreementSettles,
  repathMonthlyPlan,
  type AgreementBasis,
} from './agreement-effects';
import { linearMonthlyPlan } from './monthly-plan';
import { titleNumberMismatch } from './title-numbers';

const basis = (monthIndex: number): AgreementBasis => ({
  keyResult: { id: 'kr', title: 'Reduce MTTD from 24 h to 4 h', target: 4, targetHigh: null },
  kpi: {
    id: 'kpi',
    title: 'Mean time to detect',
    baseline: 24,
    target: 4,
    targetHigh: null,
    monthlyPlan: linearMonthlyPlan(24, 4),
  },
  followers: [
    { id: 'af', part: 'how_far', title: 'Cut MTTD to 4 h', matrixId: 'm' },
    { id: 'kpi', part: 'how_much', title: 'Mean time to detect', matrixId: 'm' },
    { id: 'other-kpi', part: 'how_much', title: 'MTTD, 4 h', matrixId: 'p' },
  ],
  monthIndex,
});

describe('agreementEffects', () => {
  it('lists the targets, the plan months that change and the stale titles', () => {
    const effects = agreementEffects(basis(9), 8);
    expect(effects.targets).toEqual([
      { kind: 'key_result', id: 'kr', title: 'Reduce MTTD from 24 h to 4 h', from: 4, to: 8 },
      { kind: 'kpi', id: 'kpi', title: 'Mean time to detect', from: 4, to: 8 },
    ]);
    // September planned 9 h; October to December step evenly from there to 8 h.
    expect(effects.plan).toMatchObject({ kpiId: 'kpi', fromMonth: 10 });
    expect(effects.plan?.changes).toEqual([
      { month: 10, from: 7.33, to: 8.67 },
      { month: 11, from: 5.67, to: 8.33 },
      { month: 12, from: 4, to: 8 },
    ]);
    expect(effects.plan?.next.slice(0, 9)).toEqual(linearMonthlyPlan(24, 4).slice(0, 9));
    // A KPI whose target the agreement does not set is not the agreement's to flag.
    expect(effects.titles.map((t) => t.id)).toEqual(['kr', 'af']);
  });

  it('from January re-paths the whole year from the baseline, as an even plan would', () => {
    expect(agreementEffects(basis(0), 8).plan?.next).toEqual(linearMonthlyPlan(24, 8));
  });

  it('changes nothing when the agreed value is the target already', () => {
    const effects = agreementEffects(basis(5), 4);
    expect(effects.targets).toEqual([]);
    expect(effects.plan?.changes).toEqual([]);
    expect(effects.titles).toEqual([]);
  });

  it('leaves a plan without a starting point as it is', () => {
    expect(repathMonthlyPlan(null, null, 8, 3)).toBeNull();
    expect(repathMonthlyPlan(null, 24, 8, 10)).toEqual([...Array<null>(10).fill(null), 16, 8]);
  });
});

describe('agreementMonthIndex', () => {
  it('is the month of the date inside the plan year, clamped outside it', () => {
    expect(agreementMonthIndex('2026-07-15', 2026)).toBe(6);
    expect(agreementMonthIndex('2025-11-01', 2026)).toBe(0);
    expect(agreementMonthIndex('2027-02-01', 2026)).toBe(11);
  });
});

describe('agreementSettles', () => {
  it('settles How Far items, and KPIs whose target is the agreed one', () => {
    expect(agreementSettles({ part: 'how_far', target: null }, 8)).toBe(true);
    expect(agreementSettles({ part: 'how_much', target: 8 }, 8)).toBe(true);
    expect(agreementSettles({ part: 'how_much', target: 4 }, 8)).toBe(false);
  });
});

describe('titleNumberMismatch', () => {
  it.each([
    ['Reduce MTTD from 24 h to 4 h', 8, null, true],
    ['Reduce MTTD from 24 h to 8 h', 8, null, false],
    ['Grow revenue', 8, null, false],
    ['AI triages 60 % of L1 alerts', 60, null, false],
    ['AI triages 60 % of L1 alerts', 0.6, null, false],
    ['False positives held at 2-5 %', 2, 5, false],
    ['FY2026: 1,200 customers by 2027', 1200, null, false],
    ['FY2026: 1,200 customers by 2027', 1500, null, true],
    ['Raise NPS to 4,5', 4.5, null, false],
  ] as const)('%s against %s', (title, target, targetHigh, mismatch) => {
    expect(titleNumberMismatch(title, target, targetHigh)).toBe(mismatch);
  });
});
