import { afterAll, describe, expect, it } from 'vitest';
import type { FeasibilityModel } from '../../src/core/feasibility';
import {
  runSeededPressureTest,
  trialChunks,
  PRESSURE_TEST_CHUNKS,
} from '../../src/core/pressure-test-chunks';
import { createSimulationPool, type SimulationPool } from '../../src/server/workers/simulation-pool';

const model: FeasibilityModel = {
  kpis: [0, 1, 2].map((k) => ({
    id: `k${k}`,
    title: `KPI ${k}`,
    unitOfMeasure: '',
    direction: k === 1 ? ('decrease' as const) : ('increase' as const),
    baseline: 100,
    target: k === 1 ? 90 : 110,
    targetHigh: null,
  })),
  initiatives: [0, 1, 2, 3].map((i) => ({
    id: `i${i}`,
    title: `Initiative ${i}`,
    deliveryProbability: 0.5 + i / 10,
    impacts: [0, 1].map((j) => ({
      kpi: `k${(i + j) % 3}`,
      low: 1,
      likely: 2 + j,
      high: 5 + i,
      basis: 'absolute' as const,
      startMonth: 1 + i,
      rampMonths: j * 2,
    })),
  })),
  targets: [0, 1, 2].map((k) => ({
    id: `t${k}`,
    kind: 'kpi' as const,
    title: `Target ${k}`,
    kpiId: `k${k}`,
    unitId: 'u',
    keyResultId: null,
    direction: k === 1 ? ('decrease' as const) : ('increase' as const),
    target: k === 1 ? 92 : 108,
    targetHigh: null,
  })),
};

const pools: SimulationPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

describe('the simulation pool', () => {
  it('cuts the trials into a fixed number of chunks, whatever the pool', () => {
    expect(trialChunks(10_001)).toHaveLength(PRESSURE_TEST_CHUNKS);
    expect(trialChunks(10_001).reduce((sum, c) => sum + c.to - c.from, 0)).toBe(10_001);
    expect(trialChunks(3)).toHaveLength(3);
  });

  it('gives the same numbers for a seed on 1, 2 and 3 threads as core in this thread', async () => {
    const expected = runSeededPressureTest(model, 42, { trials: 5000 });
    for (const size of [1, 2, 3]) {
      const pool = createSimulationPool(size);
      pools.push(pool);
      const progress: number[] = [];
      const result = await pool.run(model, { trials: 5000, seed: 42, onProgress: (p) => progress.push(p) });
      expect(result, `pool of ${String(size)}`).toEqual(expected);
      expect(progress.at(-1)).toBe(1);
    }
    const other = runSeededPressureTest(model, 43, { trials: 5000 });
    expect(other.targets.map((t) => t.probability)).not.toEqual(expected.targets.map((t) => t.probability));
  });
});
