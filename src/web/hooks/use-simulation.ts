/**
 * Runs core's pressure test (or its sensitivity) in a Web Worker of its own, in the browser: the
 * answer for the latest model, recomputed whenever the model changes. At most one run is in
 * flight; changes made meanwhile collapse into one run of the newest model, so typing never
 * queues stale work. `ms` is the round trip as the page sees it.
 */
import { useEffect, useRef, useState } from 'react';
import type { FeasibilityModel } from '../../core/feasibility';
import type { PressureTestResult } from '../../core/pressure-test';
import type { TargetSensitivity } from '../../core/sensitivity';
import type { SimulationRequest, SimulationResponse } from '../workers/simulation-protocol';

type Kind = SimulationRequest['kind'];
type Answer<K extends Kind> = K extends 'simulate' ? PressureTestResult : TargetSensitivity[];

export interface Simulation<T> {
  data: T | null;
  /** Round trip of the last answer, in milliseconds. */
  ms: number | null;
  /** True while the answer shown is not yet for the latest model. */
  pending: boolean;
  error: string | null;
}

export function useSimulation<K extends Kind>(
  kind: K,
  model: FeasibilityModel | null,
  options: { trials: number; seed: number },
): Simulation<Answer<K>> {
  const [state, setState] = useState<Simulation<Answer<K>>>({
    data: null,
    ms: null,
    pending: true,
    error: null,
  });
  const sendRef = useRef<((request: SimulationRequest) => void) | null>(null);
  const inFlight = useRef<{ id: number; started: number } | null>(null);
  const next = useRef<SimulationRequest | null>(null);
  const counter = useRef(0);

  useEffect(() => {
    const w = new Worker(new URL('../workers/simulation.worker.ts', import.meta.url), { type: 'module' });
    const send = (request: SimulationRequest) => {
      inFlight.current = { id: request.id, started: performance.now() };
      w.postMessage(request);
    };
    w.onmessage = ({ data }: MessageEvent<SimulationResponse>) => {
      const sent = inFlight.current;
      inFlight.current = null;
      const queued = next.current;
      next.current = null;
      if (queued) send(queued);
      if (!sent || sent.id !== data.id) return;
      const ms = performance.now() - sent.started;
      if (data.kind === 'failed') setState((s) => ({ ...s, pending: queued !== null, error: data.message }));
      else
        setState({
          data: (data.kind === 'simulate' ? data.result : data.sensitivity) as Answer<K>,
          ms,
          pending: queued !== null,
          error: null,
        });
    };
    sendRef.current = send;
    return () => {
      w.terminate();
      sendRef.current = null;
      inFlight.current = null;
      next.current = null;
    };
  }, []);

  useEffect(() => {
    const send = sendRef.current;
    if (!send || !model) return;
    counter.current += 1;
    const request: SimulationRequest = {
      id: counter.current,
      kind,
      model,
      trials: options.trials,
      seed: options.seed,
    };
    setState((s) => ({ ...s, pending: true }));
    if (inFlight.current) next.current = request;
    else send(request);
  }, [kind, model, options.trials, options.seed]);

  return state;
}
