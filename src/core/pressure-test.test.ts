import { describe, expect, it } from 'vitest';
import type { FeasibilityModel, Impact } from './feasibility';
import { runPressureTest } from './pressure-test';
import { mulberry32 } from './random';

const impact = (overrides: Partial<Impact> = {}): Impact => ({
  kpi: 'k',
  low: 10,
  likely: 10,
  high: 10,
  basis: 'absolute',
  startMonth: 1,
  rampMonths: 0,
  ...overrides,
});

function model(
  impacts: Impact[],
  options: { probability?: number; direction?: 'increase' | 'decrease'; target?: number } = {},
): FeasibilityModel {
  const direction = options.direction ?? 'increase';
  const target = options.target ?? (direction === 'increase' ? 110 : 90);
  return {
    kpis: [{ id: 'k', title: 'K', unitOfMeasure: '', direction, baseline: 100, target, targetHigh: null }],
    initiatives: [{ id: 'i', title: 'I', deliveryProbability: options.probability ?? 1, impacts }],
    targets: [
      {
        id: 'k',
        kind: 'kpi',
        title: 'K',
        kpiId: 'k',
        unitId: 'u',
        keyResultId: null,
        direction,
        target,
        targetHigh: null,
      },
    ],
  };
}

const run = (m: FeasibilityModel, seed = 1, trials = 10_000) =>
  runPressureTest(m, mulberry32(seed), { trials });

describe('runPressureTest', () => {
  it('gives probability 1 for a certain plan that meets its target exactly', () => {
    const result = run(model([impact()]));
    expect(result.targets[0]).toMatchObject({ probability: 1, expectedShortfall: 0 });
    expect(result.kpis[0]).toMatchObject({ mean: 110, p10: 110, p90: 110 });
  });

  it('gives probability 0 and the exact shortfall for a certain plan that falls short', () => {
    const result = run(model([impact({ low: 4, likely: 4, high: 4 })]));
    expect(result.targets[0]).toMatchObject({ probability: 0, expectedShortfall: 6 });
    expect(result.targets[0]!.reachable).toEqual({ p50: 104, p80: 104, p90: 104 });
  });

  it('gives probability 0 when nothing is ever delivered', () => {
    expect(run(model([impact()], { probability: 0 })).targets[0]!.probability).toBe(0);
  });

  it('moves a decrease KPI down by the improvement', () => {
    const result = run(model([impact({ low: 12, likely: 12, high: 12 })], { direction: 'decrease' }));
    expect(result.kpis[0]!.mean).toBe(88);
    expect(result.targets[0]!.probability).toBe(1);
  });

  it('gives about 0.5 for a symmetric range centred on the target (tolerance ±0.02 at 10,000 trials)', () => {
    const result = run(model([impact({ low: 0, likely: 10, high: 20 })]));
    expect(Math.abs(result.targets[0]!.probability - 0.5)).toBeLessThan(0.02);
    expect(result.kpis[0]!.p50).toBeCloseTo(110, 0);
  });

  it('matches the delivery probability when delivery alone decides (tolerance ±0.02)', () => {
    const result = run(model([impact()], { probability: 0.3 }));
    expect(Math.abs(result.targets[0]!.probability - 0.3)).toBeLessThan(0.02);
  });

  it('reads percent impacts against the baseline and scales a late start by its ramp', () => {
    const percent = run(model([impact({ basis: 'percent', low: 5, likely: 5, high: 5 })]));
    expect(percent.kpis[0]!.mean).toBe(105);
    // Starts in October (3 months left), ramps over 6: half the impact by year end.
    const late = run(model([impact({ startMonth: 10, rampMonths: 6 })]));
    expect(late.kpis[0]!.mean).toBe(105);
  });

  it('gives the same numbers for the same seed and different ones for another seed', () => {
    const m = model([impact({ low: 0, likely: 8, high: 20 })], { probability: 0.7 });
    expect(run(m, 42)).toEqual(run(m, 42));
    expect(run(m, 42).kpis[0]!.mean).not.toBe(run(m, 43).kpis[0]!.mean);
  });

  it('reports confidence values ordered from optimistic to cautious', () => {
    const result = run(model([impact({ low: 0, likely: 8, high: 20 })], { probability: 0.8 }));
    const { p50, p80, p90 } = result.targets[0]!.reachable;
    expect(p50).toBeGreaterThanOrEqual(p80);
    expect(p80).toBeGreaterThanOrEqual(p90);
    expect(result.kpis[0]!.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(10_000);
  });

  it('reports progress in chunks up to 1', () => {
    const seen: number[] = [];
    runPressureTest(model([impact()]), mulberry32(1), {
      trials: 1000,
      chunk: 250,
      onProgress: (p) => seen.push(p),
    });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });
});
