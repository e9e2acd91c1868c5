import { describe, expect, it } from 'vitest';
import { bowlingRow, frameColour, monthlyActuals, trendOf, type KpiRule } from './bowling';

const up: KpiRule = { direction: 'increase', target: 60, targetHigh: null, tolerancePercent: 5 };
const down: KpiRule = { direction: 'decrease', target: 8, targetHigh: null, tolerancePercent: 5 };
const band: KpiRule = { direction: 'band', target: 2, targetHigh: 5, tolerancePercent: 10 };

describe('frameColour', () => {
  it('bigger is better: green at or above plan, yellow within tolerance, red beyond', () => {
    expect(frameColour(up, 40, 41)).toBe('green');
    expect(frameColour(up, 40, 38)).toBe('yellow');
    expect(frameColour(up, 40, 37.9)).toBe('red');
  });

  it('smaller is better mirrors it', () => {
    expect(frameColour(down, 20, 19)).toBe('green');
    expect(frameColour(down, 20, 21)).toBe('yellow');
    expect(frameColour(down, 20, 22)).toBe('red');
  });

  it('band: green inside the band or as close as the plan, yellow within tolerance, red beyond', () => {
    expect(frameColour(band, 4, 3)).toBe('green');
    expect(frameColour(band, 8, 7.8)).toBe('green');
    expect(frameColour(band, 8, 8.5)).toBe('yellow');
    expect(frameColour(band, 8, 9.5)).toBe('red');
    expect(frameColour(band, null, 1)).toBe('red');
  });

  it('leaves missing months and unplanned months uncoloured', () => {
    expect(frameColour(up, 40, null)).toBe('none');
    expect(frameColour(up, null, 40)).toBe('none');
  });
});

describe('trendOf', () => {
  it('judges the slope by direction', () => {
    expect(trendOf(up, [1, 2, 3])).toBe('improving');
    expect(trendOf(down, [1, 2, 3])).toBe('worsening');
    expect(trendOf(band, [9, 8, 7])).toBe('improving');
    expect(trendOf(up, [5, 5, 5])).toBe('flat');
    expect(trendOf(up, [5, null, null])).toBe('unknown');
  });
});

describe('bowlingRow', () => {
  it('fills twelve frames, quarters and YTD from the latest actual, skipping missing months', () => {
    const plan = [5, 6, 9, 13, 18, 24, 31, 38, 45, 51, 56, 60];
    const actuals = [5, 7, 8, null, 17.5, 20, null, null, null, null, null, null];
    const row = bowlingRow(up, plan, actuals);
    expect(row.frames).toHaveLength(12);
    expect(row.frames.map((f) => f.colour).slice(0, 6)).toEqual([
      'green',
      'green',
      'red',
      'none',
      'yellow',
      'red',
    ]);
    expect(row.quarters[0]).toMatchObject({ label: 'Q1', plan: 9, actual: 8, colour: 'red' });
    expect(row.quarters[1]).toMatchObject({ actual: 20, plan: 24 });
    expect(row.quarters[2]).toMatchObject({ actual: null, colour: 'none' });
    expect(row.ytd).toMatchObject({ label: 'YTD', actual: 20, plan: 24 });
  });
});

describe('monthlyActuals', () => {
  it('takes the latest value dated in each month of the year and ignores other years', () => {
    expect(
      monthlyActuals(2026, [
        { date: '2026-01-10', value: 1 },
        { date: '2026-01-31', value: 2 },
        { date: '2026-03-01', value: 3 },
        { date: '2025-12-31', value: 9 },
      ]).slice(0, 4),
    ).toEqual([2, null, 3, null]);
  });
});
