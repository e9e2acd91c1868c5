import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { FeasibilityModel } from '../../core/feasibility';
import type { PressureTestResult } from '../../core/pressure-test';
import { summariseChunks, trialChunks } from '../../core/pressure-test-chunks';

/** What the pool runs: core's chunked, seeded pressure test, its chunks spread over the threads. */
export interface SimulationPool {
  readonly size: number;
  /**
   * The pressure test of `model`, equal to core's `runSeededPressureTest` with the same trials and
   * seed at any pool size; `onProgress` hears the share of trials done as chunks finish.
   */
  run(
    model: FeasibilityModel,
    options: { trials: number; seed: number; onProgress?: (progress: number) => void },
  ): Promise<PressureTestResult>;
  close(): Promise<void>;
}

/** Threads by default: CATCHBALL_SIMULATION_THREADS, else the cores (at most four). */
export function defaultPoolSize(): number {
  const fromEnv = Number(process.env.CATCHBALL_SIMULATION_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * A bounded pool of worker threads, started on first use and kept: many pressure tests at once
 * queue for its threads instead of each starting a thread of its own. The chunks of one run are
 * summarised on the calling thread (a sort per KPI: milliseconds for 200 KPIs × 10,000 trials).
 */
export function createSimulationPool(size: number = defaultPoolSize()): SimulationPool {
  let pool: Tinypool | null = null;
  const threads = () =>
    (pool ??= new Tinypool({
      filename: new URL('./simulation-pool.worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: size,
      idleTimeout: 30_000,
    }));
  return {
    size,
    async run(model, options) {
      const trials = Math.max(1, Math.floor(options.trials));
      let done = 0;
      const chunks = await Promise.all(
        trialChunks(trials).map(async (chunk) => {
          const values = (await threads().run({ model, seed: options.seed, chunk })) as Float64Array;
          done += chunk.to - chunk.from;
          options.onProgress?.(done / trials);
          return values;
        }),
      );
      return summariseChunks(model, chunks, trials);
    },
    async close() {
      const closing = pool;
      pool = null;
      await closing?.destroy();
    },
  };
}

let shared: SimulationPool | null = null;

/** The process's one pool (CLI commands and tests that build services without an app). */
export function sharedSimulationPool(): SimulationPool {
  return (shared ??= createSimulationPool());
}
