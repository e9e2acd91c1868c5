// Runs one pressure test off the request thread. Started by pressure-test-runner.ts with plain
// data (the model, trials, seed); posts progress messages, then the result.
import { parentPort, workerData } from 'node:worker_threads';
import type { FeasibilityModel } from '../../core/feasibility';
import { runPressureTest } from '../../core/pressure-test';
import { mulberry32 } from '../../core/random';
import type { WorkerMessage } from './pressure-test-runner';

const { model, trials, seed } = workerData as { model: FeasibilityModel; trials: number; seed: number };
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
try {
  const result = runPressureTest(model, mulberry32(seed), {
    trials,
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'done', result });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
