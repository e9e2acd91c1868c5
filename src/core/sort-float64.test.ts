import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import { sortFloat64 } from './sort-float64';

const sample = (n: number, draw: (u: number) => number, seed = 7): Float64Array => {
  const random = mulberry32(seed);
  return Float64Array.from({ length: n }, () => draw(random()));
};

describe('sortFloat64', () => {
  it('orders as the built-in sort does: negatives, −0 before +0, duplicates, extremes', () => {
    const random = mulberry32(3);
    const values = sample(5000, (u) => (u - 0.5) * 1e6);
    for (let i = 0; i < 500; i++) values[Math.floor(random() * values.length)] = 42;
    values.set([-0, 0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, 5e-324, -5e-324], 10);
    const expected = values.slice().sort();
    const sorted = sortFloat64(values);
    expect(sorted).toBe(values);
    expect(Array.from(sorted, (v) => (Object.is(v, -0) ? '-0' : v))).toEqual(
      Array.from(expected, (v) => (Object.is(v, -0) ? '-0' : v)),
    );
  });

  it('sorts all-equal, already sorted and reversed runs, and small arrays', () => {
    for (const values of [
      new Float64Array(1000).fill(38.5),
      Float64Array.from({ length: 1000 }, (_v, i) => i / 7),
      Float64Array.from({ length: 1000 }, (_v, i) => 1000 - i * 1.5),
      sample(10, (u) => u * 100 - 50),
      new Float64Array(0),
    ]) {
      const expected = values.slice().sort();
      expect(Array.from(sortFloat64(values))).toEqual(Array.from(expected));
    }
  });
});
