import { describe, expect, it } from 'vitest';
import { defaultCycleDates, isOrderedRange, quartersOf } from './cycle';

describe('defaultCycleDates', () => {
  it('spans a calendar year from 1 January to 31 December', () => {
    expect(defaultCycleDates(2026)).toEqual({ startDate: '2026-01-01', endDate: '2026-12-31' });
  });

  it('spans a fiscal year starting in April into the next calendar year', () => {
    expect(defaultCycleDates(2026, 4)).toEqual({ startDate: '2026-04-01', endDate: '2027-03-31' });
  });

  it('ends a fiscal year starting in March on the last day of February, leap years included', () => {
    expect(defaultCycleDates(2027, 3)).toEqual({ startDate: '2027-03-01', endDate: '2028-02-29' });
    expect(defaultCycleDates(2026, 3)).toEqual({ startDate: '2026-03-01', endDate: '2027-02-28' });
  });
});

describe('quartersOf', () => {
  it('splits a calendar year into Q1-Q4', () => {
    expect(quartersOf(defaultCycleDates(2026))).toEqual([
      { name: 'Q1', startDate: '2026-01-01', endDate: '2026-03-31' },
      { name: 'Q2', startDate: '2026-04-01', endDate: '2026-06-30' },
      { name: 'Q3', startDate: '2026-07-01', endDate: '2026-09-30' },
      { name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31' },
    ]);
  });

  it('starts the quarters of a fiscal year at its first month', () => {
    expect(quartersOf({ startDate: '2026-04-01', endDate: '2027-03-31' })).toEqual([
      { name: 'Q1', startDate: '2026-04-01', endDate: '2026-06-30' },
      { name: 'Q2', startDate: '2026-07-01', endDate: '2026-09-30' },
      { name: 'Q3', startDate: '2026-10-01', endDate: '2026-12-31' },
      { name: 'Q4', startDate: '2027-01-01', endDate: '2027-03-31' },
    ]);
  });
});

describe('isOrderedRange', () => {
  it('accepts ordered, equal and open ranges', () => {
    expect(isOrderedRange('2026-02-01', '2026-09-30')).toBe(true);
    expect(isOrderedRange('2026-02-01', '2026-02-01')).toBe(true);
    expect(isOrderedRange(null, '2026-09-30')).toBe(true);
    expect(isOrderedRange('2026-02-01', null)).toBe(true);
  });

  it('refuses a range that ends before it starts', () => {
    expect(isOrderedRange('2026-09-30', '2026-02-01')).toBe(false);
    expect(isOrderedRange('2026-12-31', '2026-01-01')).toBe(false);
  });
});
