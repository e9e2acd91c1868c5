import { describe, expect, it } from 'vitest';
import { fitScale, MIN_HEIGHT_SCALE } from './matrix-layout';

describe('fitScale', () => {
  it('draws a matrix that fits at its own size', () => {
    expect(fitScale({ width: 800, height: 600 }, { width: 1000, height: 700 })).toBe(1);
  });

  it('always fits the width', () => {
    expect(fitScale({ width: 2000, height: 500 }, { width: 1000, height: 700 })).toBe(0.5);
  });

  it('fits the height only down to a readable size, then leaves it to the page to scroll', () => {
    expect(fitScale({ width: 1000, height: 1000 }, { width: 1000, height: 800 })).toBe(0.8);
    expect(fitScale({ width: 1000, height: 2000 }, { width: 1000, height: 800 })).toBe(MIN_HEIGHT_SCALE);
  });

  it('leaves the scale alone before anything is measured', () => {
    expect(fitScale({ width: 0, height: 0 }, { width: 1000, height: 800 })).toBe(1);
    expect(fitScale({ width: 1000, height: 800 }, { width: 0, height: 0 })).toBe(1);
  });
});
