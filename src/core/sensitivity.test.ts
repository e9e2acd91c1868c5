import { describe, expect, it } from 'vitest';
import type { FeasibilityModel } from './feasibility';
import { computeSensitivity } from './sensitivity';

const impact = (kpi: string, low: number, likely: number, high: number) => ({
  kpi,
  low,
  likely,
  high,
  basis: 'absolute' as const,
  startMonth: 1,
  rampMonths: 0,
});

const model: FeasibilityModel = {
  kpis: [
    {
      id: 'k',
      title: 'K',
      unitOfMeasure: '',
      direction: 'increase',
      baseline: 0,
      target: 10,
      targetHigh: null,
    },
  ],
  initiatives: [
    { id: 'big', title: 'Big', deliveryProbability: 0.9, impacts: [impact('k', 2, 8, 14)] },
    { id: 'small', title: 'Small', deliveryProbability: 1, impacts: [impact('k', 1, 1.5, 2)] },
    { id: 'idle', title: 'Idle', deliveryProbability: 1, impacts: [] },
  ],
  targets: [
    {
      id: 'k',
      kind: 'kpi',
      title: 'K',
      kpiId: 'k',
      unitId: 'u',
      keyResultId: null,
      direction: 'increase',
      target: 10,
      targetHigh: null,
    },
  ],
};

describe('computeSensitivity', () => {
  const [result] = computeSensitivity(model, { trials: 2000, seed: 7 });

  it('names the initiatives acting on the KPI, the one that matters most first', () => {
    expect(result?.drivers.map((d) => d.initiativeId)).toEqual(['big', 'small']);
  });

  it('pins the range at its ends and leaves the initiative out or in for sure', () => {
    const big = result!.drivers[0]!;
    // Low: 2 + 2 < 10, never; high: 14 + something ≥ 10 whenever delivered (90 %).
    expect(big.atLow).toBe(0);
    expect(big.atHigh).toBeCloseTo(0.9, 1);
    expect(big.without).toBe(0);
    expect(big.delivered).toBeGreaterThan(result!.probability);
    expect(big.swing).toBe(Math.max(big.atHigh, big.delivered));
  });

  it('is deterministic with the seed', () => {
    expect(computeSensitivity(model, { trials: 2000, seed: 7 })).toEqual(
      computeSensitivity(model, { trials: 2000, seed: 7 }),
    );
  });
});
