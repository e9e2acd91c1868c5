import type { FeasibilityModel } from './feasibility';
import { compileModel, simulate, summarise, type PressureTestResult } from './pressure-test';
import { mulberry32 } from './random';

/**
 * Trials are split into this many chunks whatever the number of workers, each drawing from its
 * own stream seeded from the run's seed and the chunk's index: a seed then gives the same numbers
 * on one core, on a pool of eight, or in the browser.
 */
export const PRESSURE_TEST_CHUNKS = 8;

export interface TrialChunk {
  index: number;
  /** Trials from ≤ t < to of the whole run. */
  from: number;
  to: number;
}

/** The run's trials cut into {@link PRESSURE_TEST_CHUNKS} contiguous chunks (fewer when there are fewer trials). */
export function trialChunks(trials: number): TrialChunk[] {
  const total = Math.max(1, Math.floor(trials));
  const count = Math.min(PRESSURE_TEST_CHUNKS, total);
  return Array.from({ length: count }, (_, index) => ({
    index,
    from: Math.floor((index * total) / count),
    to: Math.floor(((index + 1) * total) / count),
  }));
}

/**
 * The seed of one chunk's stream: the run's seed and the chunk index mixed by a 32-bit finaliser
 * (murmur3's), so neighbouring chunks and neighbouring seeds get unrelated streams.
 */
export function chunkSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * One chunk's year-end values, trial-major (trial t of the chunk holds values[t·K … t·K+K), K the
 * KPI count), from the chunk's own stream. O(chunk trials × (initiatives + impacts)).
 */
export function simulateChunk(model: FeasibilityModel, seed: number, chunk: TrialChunk): Float64Array {
  const compiled = compileModel(model);
  const kpis = compiled.kpiCount;
  const trials = chunk.to - chunk.from;
  const values = new Float64Array(kpis * trials);
  for (let t = 0; t < trials; t++) values.set(compiled.baselines, t * kpis);
  simulate(compiled, mulberry32(chunkSeed(seed, chunk.index)), values, 0, trials);
  return values;
}

/** Joins the chunks' trial-major values (in chunk order) KPI-major and summarises them. */
export function summariseChunks(
  model: FeasibilityModel,
  chunks: readonly Float64Array[],
  trials: number,
): PressureTestResult {
  const kpis = model.kpis.length;
  const byKpi = new Float64Array(kpis * trials);
  let t = 0;
  for (const values of chunks) {
    const rows = kpis === 0 ? 0 : values.length / kpis;
    for (let r = 0; r < rows; r++, t++) {
      const row = r * kpis;
      for (let k = 0; k < kpis; k++) byKpi[k * trials + t] = values[row + k] as number;
    }
  }
  return summarise(model, byKpi, trials);
}

/**
 * The seeded pressure test as the server's worker pool runs it, chunk by chunk in this thread:
 * the same result for the same model, trials and seed as the pool gives at any size.
 */
export function runSeededPressureTest(
  model: FeasibilityModel,
  seed: number,
  options: { trials: number; onProgress?: (done: number) => void },
): PressureTestResult {
  const trials = Math.max(1, Math.floor(options.trials));
  const chunks = trialChunks(trials).map((chunk) => {
    const values = simulateChunk(model, seed, chunk);
    options.onProgress?.(chunk.to / trials);
    return values;
  });
  return summariseChunks(model, chunks, trials);
}
