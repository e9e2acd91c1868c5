import { describe, expect, it } from 'vitest';
import { acceptedValues, keyResultState, sourceChanged, titleState } from './source-sync';

describe('source sync', () => {
  const kr = {
    title: 'MTTD 24 h → 4 h',
    kind: 'decrease' as const,
    unitOfMeasure: 'h',
    baseline: 24,
    target: 4,
    targetHigh: null,
    milestones: [],
  };

  it('sees a change of title or target, not of anything else', () => {
    const before = keyResultState(kr);
    expect(sourceChanged(before, keyResultState({ ...kr }))).toBe(false);
    expect(sourceChanged(before, keyResultState({ ...kr, target: 2 }))).toBe(true);
    expect(sourceChanged(titleState('a'), titleState('b'))).toBe(true);
  });

  it('gives milestone results their implied numbers', () => {
    expect(
      keyResultState({ ...kr, kind: 'milestone', baseline: null, target: null, milestones: ['a', 'b'] }),
    ).toMatchObject({ baseline: 0, target: 2 });
  });

  it('accepts text into objectives and targets into KPIs', () => {
    const after = keyResultState({ ...kr, target: 2 });
    expect(acceptedValues('how_far', after)).toEqual({ title: 'MTTD 24 h → 4 h' });
    expect(acceptedValues('how_much', after)).toMatchObject({ baseline: 24, target: 2, unitOfMeasure: 'h' });
    expect(acceptedValues('how', after)).toBeNull();
  });
});
