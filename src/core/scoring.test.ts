import { describe, expect, it } from 'vitest';
import { grade, isAchieved, score, scoreDistribution } from './scoring';

describe('scoring', () => {
  it('rounds progress to one decimal on 0.0-1.0', () => {
    expect(score(0.66)).toBe(0.7);
    expect(score(1.4)).toBe(1);
    expect(score(-1)).toBe(0);
  });

  it('treats 0.7 as the sweet spot for aspirational objectives only', () => {
    expect(grade(0.7, 'aspirational')).toBe('sweet_spot');
    expect(grade(0.7, 'committed')).toBe('progress');
    expect(grade(1, 'committed')).toBe('achieved');
    expect(grade(0.2, 'committed')).toBe('missed');
    expect(isAchieved(0.7, 'aspirational')).toBe(true);
    expect(isAchieved(0.9, 'committed')).toBe(false);
  });

  it('buckets scores into ten bins, 1.0 in the last', () => {
    expect(scoreDistribution([0, 0.05, 0.7, 1])).toEqual([2, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
  });
});
