import { describe, expect, it } from 'vitest';
import { effortMonths, effortRanges, monthsOfYear, spreadEvenly } from './effort-months';

describe('effort months', () => {
  it('merges runs of equal months into ranges and reads them back', () => {
    const months = [0, 4, 4, 4, 2, 0, 0, 3, 3, 0, 0, 1];
    const ranges = effortRanges(months);
    expect(ranges).toEqual([
      { personDaysPerMonth: 4, fromMonth: 2, toMonth: 4 },
      { personDaysPerMonth: 2, fromMonth: 5, toMonth: 5 },
      { personDaysPerMonth: 3, fromMonth: 8, toMonth: 9 },
      { personDaysPerMonth: 1, fromMonth: 12, toMonth: 12 },
    ]);
    expect(effortMonths(ranges)).toEqual(months);
  });

  it('sums overlapping rows', () => {
    expect(
      effortMonths([
        { personDaysPerMonth: 2, fromMonth: 1, toMonth: 3 },
        { personDaysPerMonth: 1.5, fromMonth: 3, toMonth: 4 },
      ]).slice(0, 5),
    ).toEqual([2, 2, 3.5, 1.5, 0]);
  });

  it('spreads a total evenly, the remainder on the last month', () => {
    const spread = spreadEvenly(10, [3, 4, 5]);
    expect(spread.slice(1, 6)).toEqual([0, 3.33, 3.33, 3.34, 0]);
    expect(spread.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 10);
    expect(spreadEvenly(5, [])).toEqual(Array(12).fill(0));
  });

  it('finds the months of the year an initiative runs', () => {
    expect(monthsOfYear('2026-03-15', '2026-06-01', 2026)).toEqual([3, 4, 5, 6]);
    expect(monthsOfYear('2025-11-01', '2026-02-28', 2026)).toEqual([1, 2]);
    expect(monthsOfYear('2026-10-01', null, 2026)).toEqual([10, 11, 12]);
    expect(monthsOfYear(null, null, 2026)).toHaveLength(12);
    expect(monthsOfYear('2027-01-01', '2027-03-01', 2026)).toHaveLength(12);
  });
});
