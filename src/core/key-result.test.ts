import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { assertTargetConsistent, checkTargetConsistency, effectiveWeight, impliedTarget } from './key-result';

const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path);

describe('checkTargetConsistency', () => {
  it('accepts an increase with a target above its baseline', () => {
    expect(checkTargetConsistency({ kind: 'increase', baseline: 5, target: 60 })).toEqual([]);
    expect(checkTargetConsistency({ kind: 'increase', baseline: null, target: 60 })).toEqual([]);
  });

  it('refuses an increase with a target at or below its baseline, or none', () => {
    expect(paths(checkTargetConsistency({ kind: 'increase', baseline: 60, target: 5 }))).toEqual(['target']);
    expect(paths(checkTargetConsistency({ kind: 'increase', baseline: 5, target: 5 }))).toEqual(['target']);
    expect(checkTargetConsistency({ kind: 'increase', baseline: 5, target: null })[0]?.message).toContain(
      'needs a target',
    );
  });

  it('accepts a decrease with a target below its baseline', () => {
    expect(checkTargetConsistency({ kind: 'decrease', baseline: 24, target: 4 })).toEqual([]);
  });

  it('refuses a decrease with a target at or above its baseline', () => {
    const [issue] = checkTargetConsistency({ kind: 'decrease', baseline: 24, target: 30 });
    expect(issue?.path).toBe('target');
    expect(issue?.message).toContain('below its baseline (24), got 30');
    expect(paths(checkTargetConsistency({ kind: 'decrease', baseline: 24, target: 24 }))).toEqual(['target']);
    expect(paths(checkTargetConsistency({ kind: 'decrease', baseline: 24, target: null }))).toEqual([
      'target',
    ]);
  });

  it('accepts a band with ordered bounds, including equal ones', () => {
    expect(checkTargetConsistency({ kind: 'band', baseline: 9, target: 2, targetHigh: 5 })).toEqual([]);
    expect(checkTargetConsistency({ kind: 'band', baseline: null, target: 3, targetHigh: 3 })).toEqual([]);
  });

  it('refuses a band with reversed or missing bounds', () => {
    const [reversed] = checkTargetConsistency({ kind: 'band', baseline: 9, target: 5, targetHigh: 2 });
    expect(reversed).toEqual({
      path: 'targetHigh',
      message: "the band's upper bound (2) is below its lower bound (5)",
    });
    expect(paths(checkTargetConsistency({ kind: 'band', baseline: 9, target: 2 }))).toEqual(['targetHigh']);
    expect(paths(checkTargetConsistency({ kind: 'band', baseline: 9, target: null, targetHigh: 5 }))).toEqual(
      ['targetHigh'],
    );
  });

  it('accepts a binary result going from 0 to 1, or with the target left out', () => {
    expect(checkTargetConsistency({ kind: 'binary', baseline: 0, target: 1 })).toEqual([]);
    expect(checkTargetConsistency({ kind: 'binary', baseline: null, target: null })).toEqual([]);
  });

  it('refuses a binary target other than 1 and a baseline other than 0 or 1', () => {
    expect(checkTargetConsistency({ kind: 'binary', baseline: 0, target: 2 })).toEqual([
      { path: 'target', message: 'a binary key result has target 1 (done), got 2' },
    ]);
    expect(paths(checkTargetConsistency({ kind: 'binary', baseline: 0.5, target: 1 }))).toEqual(['baseline']);
    expect(paths(checkTargetConsistency({ kind: 'binary', baseline: 3, target: 0 }))).toEqual([
      'target',
      'baseline',
    ]);
  });

  it('accepts a milestone result whose target is its number of steps', () => {
    const milestones = ['Pilot', 'Three teams', 'All teams'];
    expect(checkTargetConsistency({ kind: 'milestone', baseline: 0, target: 3, milestones })).toEqual([]);
    expect(checkTargetConsistency({ kind: 'milestone', baseline: 0, target: null, milestones })).toEqual([]);
  });

  it('refuses a milestone result without steps or with a mismatched count', () => {
    expect(
      paths(checkTargetConsistency({ kind: 'milestone', baseline: 0, target: 3, milestones: [] })),
    ).toEqual(['milestones']);
    expect(paths(checkTargetConsistency({ kind: 'milestone', baseline: 0, target: null }))).toEqual([
      'milestones',
    ]);
    const [mismatch] = checkTargetConsistency({
      kind: 'milestone',
      baseline: 0,
      target: 4,
      milestones: ['a', 'b', 'c'],
    });
    expect(mismatch).toEqual({
      path: 'target',
      message: "a milestone key result's target is its number of steps (3), got 4",
    });
  });
});

describe('assertTargetConsistent', () => {
  it('passes a consistent target', () => {
    expect(() => assertTargetConsistent({ kind: 'decrease', baseline: 72, target: 12 })).not.toThrow();
  });

  it('throws inconsistent_target with every issue', () => {
    let caught: unknown;
    try {
      assertTargetConsistent({ kind: 'binary', baseline: 3, target: 2 }, 'KPI');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe('inconsistent_target');
    expect(error.message).toMatch(/^The KPI's target does not fit its kind: /);
    expect(error.details).toEqual({
      issues: checkTargetConsistency({ kind: 'binary', baseline: 3, target: 2 }),
    });
  });
});

describe('impliedTarget', () => {
  it('gives a binary result baseline 0 and target 1', () => {
    expect(impliedTarget({ kind: 'binary', baseline: null, target: null })).toEqual({
      baseline: 0,
      target: 1,
    });
    expect(impliedTarget({ kind: 'binary', baseline: 1, target: null })).toEqual({ baseline: 1, target: 1 });
  });

  it('gives a milestone result its number of steps as target', () => {
    expect(
      impliedTarget({ kind: 'milestone', baseline: null, target: null, milestones: ['a', 'b', 'c'] }),
    ).toEqual({
      baseline: 0,
      target: 3,
    });
    expect(impliedTarget({ kind: 'milestone', baseline: 1, target: null })).toEqual({
      baseline: 1,
      target: 0,
    });
  });

  it('keeps metric targets as they are', () => {
    expect(impliedTarget({ kind: 'increase', baseline: 5, target: 60 })).toEqual({ baseline: 5, target: 60 });
    expect(impliedTarget({ kind: 'decrease', baseline: null, target: 4 })).toEqual({
      baseline: null,
      target: 4,
    });
    expect(impliedTarget({ kind: 'band', baseline: 9, target: 2, targetHigh: 5 })).toEqual({
      baseline: 9,
      target: 2,
    });
  });
});

describe('effectiveWeight', () => {
  it('defaults a missing weight to 1', () => {
    expect(effectiveWeight(null)).toBe(1);
    expect(effectiveWeight(undefined)).toBe(1);
  });

  it('keeps an explicit weight, including 0', () => {
    expect(effectiveWeight(2)).toBe(2);
    expect(effectiveWeight(0)).toBe(0);
  });
});
