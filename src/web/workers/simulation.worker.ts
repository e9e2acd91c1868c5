// A module Web Worker (started by hooks/use-simulation.ts): runs core's pressure test or its
// sensitivity on the model it is sent and posts the answer back with the time it took.
import { runSeededPressureTest } from '../../core/pressure-test-chunks';
import { computeSensitivity } from '../../core/sensitivity';
import type { SimulationRequest, SimulationResponse } from './simulation-protocol';

/** The part of a dedicated worker's global scope used here (the web program has DOM types only). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null;
  postMessage(message: SimulationResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data: request }) => {
  const started = performance.now();
  try {
    if (request.kind === 'simulate') {
      const result = runSeededPressureTest(request.model, request.seed, { trials: request.trials });
      scope.postMessage({ id: request.id, kind: 'simulate', result, ms: performance.now() - started });
    } else {
      const sensitivity = computeSensitivity(request.model, { trials: request.trials, seed: request.seed });
      scope.postMessage({
        id: request.id,
        kind: 'sensitivity',
        sensitivity,
        ms: performance.now() - started,
      });
    }
  } catch (error) {
    scope.postMessage({
      id: request.id,
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
