// One thread of the simulation pool (simulation-pool.ts): simulates one chunk of a pressure test's
// trials from the chunk's own seeded stream. Plain JavaScript because a worker thread does not
// inherit the main thread's tsx loader: it registers tsx itself, then loads core's TypeScript.
import { register } from 'tsx/esm/api';
import Tinypool from 'tinypool';

register();
const { simulateChunk } = await import('../../core/pressure-test-chunks.ts');

/** @param {{ model: unknown, seed: number, chunk: { index: number, from: number, to: number } }} task */
export default function simulate(task) {
  const values = simulateChunk(task.model, task.seed, task.chunk);
  return Tinypool.move(values);
}
