/**
 * Messages to and from the simulation worker (simulation.worker.ts): the pure pressure test of
 * core run off the main thread, so a what-if change recomputes without freezing the page and
 * without a request to the server.
 */
import type { FeasibilityModel } from '../../core/feasibility';
import type { PressureTestResult } from '../../core/pressure-test';
import type { TargetSensitivity } from '../../core/sensitivity';

export interface SimulationRequest {
  id: number;
  kind: 'simulate' | 'sensitivity';
  model: FeasibilityModel;
  trials: number;
  seed: number;
}

export type SimulationResponse =
  | { id: number; kind: 'simulate'; result: PressureTestResult; ms: number }
  | { id: number; kind: 'sensitivity'; sensitivity: TargetSensitivity[]; ms: number }
  | { id: number; kind: 'failed'; message: string };
