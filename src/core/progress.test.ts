import { describe, expect, it } from 'vitest';
import { keyResultProgress, objectiveProgress } from './progress';

describe('keyResultProgress', () => {
  it('measures an increase from baseline to target, clamped to 0..1', () => {
    const kr = { kind: 'increase' as const, baseline: 45, target: 60 };
    expect(keyResultProgress({ ...kr, current: 51 })).toBeCloseTo(0.4);
    expect(keyResultProgress({ ...kr, current: 40 })).toBe(0);
    expect(keyResultProgress({ ...kr, current: 75 })).toBe(1);
  });

  it('measures a decrease with the sign: 24 h → 6 h at 12 h is two thirds done', () => {
    expect(keyResultProgress({ kind: 'decrease', baseline: 24, target: 6, current: 12 })).toBeCloseTo(2 / 3);
    expect(keyResultProgress({ kind: 'decrease', baseline: 24, target: 6, current: 30 })).toBe(0);
  });

  it('handles a baseline equal to the target without dividing by zero', () => {
    expect(keyResultProgress({ kind: 'increase', baseline: 50, target: 50, current: 50 })).toBe(1);
    expect(keyResultProgress({ kind: 'increase', baseline: 50, target: 50, current: 49 })).toBe(0);
    expect(keyResultProgress({ kind: 'decrease', baseline: 8, target: 8, current: 7 })).toBe(1);
    expect(keyResultProgress({ kind: 'decrease', baseline: 8, target: 8, current: 9 })).toBe(0);
  });

  it('gives a band 1 inside it and the share of the distance closed outside it', () => {
    const band = { kind: 'band' as const, baseline: 9, target: 2, targetHigh: 5 };
    expect(keyResultProgress({ ...band, current: 3 })).toBe(1);
    expect(keyResultProgress({ ...band, current: 7 })).toBeCloseTo(0.5);
    expect(keyResultProgress({ ...band, current: 12 })).toBe(0);
    // Below the band counts as a miss too; with a baseline inside, the band's width is the yardstick.
    expect(keyResultProgress({ ...band, baseline: 4, current: 0.5 })).toBeCloseTo(0.5);
  });

  it('scores binary and milestone results', () => {
    expect(keyResultProgress({ kind: 'binary', baseline: 0, target: 1, current: 1 })).toBe(1);
    expect(keyResultProgress({ kind: 'binary', baseline: 0, target: 1, current: 0 })).toBe(0);
    expect(keyResultProgress({ kind: 'milestone', baseline: 0, target: 3, current: 2 })).toBeCloseTo(2 / 3);
    expect(
      keyResultProgress({ kind: 'milestone', baseline: 0, target: null, milestoneCount: 4, current: 1 }),
    ).toBe(0.25);
  });

  it('shows no progress without a baseline, instead of measuring from 0', () => {
    // Counting a missing baseline as 0 would show 45 → 50 on a 45 → 60 target as 83 % done.
    expect(keyResultProgress({ kind: 'increase', baseline: null, target: 60, current: 50 })).toBe(0);
    expect(keyResultProgress({ kind: 'decrease', baseline: null, target: 4, current: 6 })).toBe(0);
  });

  it('is 0 before the first check-in', () => {
    expect(keyResultProgress({ kind: 'increase', baseline: 0, target: 10, current: null })).toBe(0);
  });
});

describe('objectiveProgress', () => {
  const term = (id: string, progress: number, weight: number) => ({
    kind: 'key_result' as const,
    id,
    title: id,
    progress,
    weight,
  });

  it('is the weighted average, and the contributions add up to it', () => {
    const result = objectiveProgress([term('a', 1, 2), term('b', 0.4, 1), term('c', 0, 1)]);
    expect(result.progress).toBeCloseTo(0.6);
    expect(result.rule).toBe('weighted');
    expect(result.terms.map((t) => t.share)).toEqual([0.5, 0.25, 0.25]);
    expect(result.terms.reduce((sum, t) => sum + t.contribution, 0)).toBeCloseTo(result.progress);
  });

  it('ignores a 0-weight term but falls back to equal weights when all weights sum to zero', () => {
    expect(objectiveProgress([term('a', 1, 0), term('b', 0.5, 1)]).progress).toBe(0.5);
    const allZero = objectiveProgress([term('a', 1, 0), term('b', 0.5, 0)]);
    expect(allZero.rule).toBe('equal');
    expect(allZero.progress).toBe(0.75);
    expect(allZero.summary).toContain('count equally');
  });

  it('is 0 with nothing to roll up', () => {
    expect(objectiveProgress([])).toMatchObject({ progress: 0, rule: 'empty' });
  });
});
