import { describe, expect, it } from 'vitest';
import { mulberry32, quantileOfSorted, triangular } from './random';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it('stays in [0, 1) with a mean near 0.5', () => {
    const random = mulberry32(1);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random();
      if (u < 0 || u >= 1) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});

describe('triangular', () => {
  it('maps the ends of [0, 1) to the ends of the range and the split point to the mode', () => {
    expect(triangular(0, 1, 3, 7)).toBe(1);
    expect(triangular(1 / 3, 1, 3, 7)).toBeCloseTo(3, 10);
    expect(triangular(0.999999999, 1, 3, 7)).toBeCloseTo(7, 3);
  });

  it('has the mean (low + likely + high) / 3', () => {
    const random = mulberry32(3);
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum += triangular(random(), 0, 2, 10);
    expect(sum / 200_000).toBeCloseTo(4, 1);
  });

  it('returns the mode for a degenerate range', () => {
    expect(triangular(0.3, 5, 5, 5)).toBe(5);
  });
});

describe('quantileOfSorted', () => {
  it('interpolates between neighbours', () => {
    const sorted = [1, 2, 3, 4, 5];
    expect(quantileOfSorted(sorted, 0)).toBe(1);
    expect(quantileOfSorted(sorted, 0.5)).toBe(3);
    expect(quantileOfSorted(sorted, 0.9)).toBeCloseTo(4.6, 10);
    expect(quantileOfSorted(sorted, 1)).toBe(5);
  });
});
