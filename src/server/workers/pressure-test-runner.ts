import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FeasibilityModel } from '../../core/feasibility';
import type { PressureTestResult } from '../../core/pressure-test';

export type WorkerMessage =
  | { type: 'progress'; progress: number }
  | { type: 'done'; result: PressureTestResult }
  | { type: 'failed'; message: string };

const WORKER_SCRIPT = new URL('./pressure-test.worker.ts', import.meta.url).href;
// tsx's ESM entry sits beside the CommonJS one that require.resolve finds.
const TSX_API = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
).href;

// The server and CLI run from TypeScript through tsx without a build step. A worker thread does
// not inherit the main thread's loader, so a tiny CommonJS bootstrap registers tsx first and then
// imports the TypeScript worker.
const BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
import(workerData.tsx)
  .then((tsx) => { tsx.register(); return import(workerData.script); })
  .catch((error) => parentPort.postMessage({ type: 'failed', message: String((error && error.message) || error) }));
`;

/**
 * Runs a pressure test in a worker thread so the caller's event loop stays free; `onProgress`
 * hears the share of trials done (0-1) as the worker reports it.
 * @throws Error when the worker fails or exits without a result.
 */
export function runPressureTestInWorker(
  model: FeasibilityModel,
  options: { trials: number; seed: number; onProgress?: (progress: number) => void },
): Promise<PressureTestResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { tsx: TSX_API, script: WORKER_SCRIPT, model, trials: options.trials, seed: options.seed },
    });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.progress);
          break;
        case 'done':
          settled = true;
          resolve(message.result);
          void worker.terminate();
          break;
        case 'failed':
          settled = true;
          reject(new Error(`The pressure test failed: ${message.message}`));
          void worker.terminate();
          break;
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled)
        reject(new Error(`The pressure-test worker stopped (exit code ${code}) without a result`));
    });
  });
}
