import { describe, expect, it } from 'vitest';
import { checkItem, defaultMonthlyPlan, findForeignFields, type ItemFields } from './matrix-item';

const empty: ItemFields = {
  startDate: null,
  endDate: null,
  direction: null,
  baseline: null,
  target: null,
  targetHigh: null,
  monthlyPlan: null,
  personId: null,
  teamUnitId: null,
};

describe('matrix items', () => {
  it('names fields that belong to another part, ignoring empty ones', () => {
    expect(findForeignFields('what', { direction: 'increase', requiredSkills: [], startDate: null })).toEqual(
      [{ path: 'direction', message: 'does not apply to what items' }],
    );
    expect(findForeignFields('how_much', { direction: 'decrease', sourceKeyResultId: 'kr1' })).toEqual([]);
    expect(findForeignFields('how_far', { sourceKeyResultId: 'kr1', sourceObjectiveId: 'o1' })).toEqual([
      { path: 'sourceObjectiveId', message: 'does not apply to how_far items' },
    ]);
  });

  it('refuses an initiative that ends before it starts', () => {
    expect(checkItem('how', { ...empty, startDate: '2026-06-01', endDate: '2026-01-31' })).toEqual([
      { path: 'endDate', message: 'ends (2026-01-31) before it starts (2026-06-01)' },
    ]);
    expect(checkItem('how', { ...empty, startDate: '2026-01-01', endDate: '2026-01-01' })).toEqual([]);
  });

  it('checks a KPI target against its direction', () => {
    expect(checkItem('how_much', { ...empty, direction: 'decrease', baseline: 24, target: 30 })).toHaveLength(
      1,
    );
    expect(checkItem('how_much', { ...empty, direction: 'decrease', baseline: 24, target: 4 })).toEqual([]);
  });

  it('needs exactly one of person or team on a Who item', () => {
    expect(checkItem('who', empty)).toHaveLength(1);
    expect(checkItem('who', { ...empty, personId: 'p', teamUnitId: 'u' })).toHaveLength(1);
    expect(checkItem('who', { ...empty, teamUnitId: 'u' })).toEqual([]);
  });

  it('starts a KPI on an even path when baseline and target are known', () => {
    expect(defaultMonthlyPlan(0, 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(defaultMonthlyPlan(null, 12)).toBeNull();
  });
});
