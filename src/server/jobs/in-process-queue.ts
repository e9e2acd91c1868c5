import type { Db } from '../db/store';
import {
  errorText,
  JOB_ATTEMPTS,
  jobRuns,
  PROGRESS_WRITE_MS,
  waitForRun,
  type JobHandler,
  type JobQueue,
} from './job-queue';

/**
 * Jobs on the embedded store, which only this process opens (db/data-dir-lock.ts): jobs run in
 * this process one at a time in the order queued, their state kept in job_runs. `start` takes up what a
 * stopped process left behind: a job it left unfinished runs again while it has attempts left,
 * else it is reported failed, never forgotten.
 */
export function createInProcessQueue(db: Db): JobQueue {
  const runs = jobRuns(db);
  const handlers = new Map<string, JobHandler>();
  // One job at a time, in the order queued: a pressure test already spreads over the whole pool.
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  async function execute(id: string, kind: string, payload: Record<string, unknown>): Promise<void> {
    const handler = handlers.get(kind);
    if (!handler) return runs.failed(id, `No handler for jobs of kind ${kind}`, true);
    const attempt = await runs.started(id);
    let lastWrite = 0;
    try {
      const result = await handler(payload, {
        runId: id,
        attempt,
        progress(share) {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_WRITE_MS || stopped) return;
          lastWrite = now;
          void runs.progress(id, share).catch(() => undefined);
        },
      });
      if (!stopped) await runs.done(id, result);
    } catch (error) {
      if (!stopped) await runs.failed(id, errorText(error), attempt >= JOB_ATTEMPTS);
    }
  }

  function launch(id: string, kind: string, payload: Record<string, unknown>) {
    chain = chain.then(() => (stopped ? undefined : execute(id, kind, payload).catch(() => undefined)));
  }

  return {
    kind: 'in-process',
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    async start() {
      for (const run of await runs.unfinished()) {
        if (run.attempts >= JOB_ATTEMPTS)
          await runs.failed(
            run.id,
            `The server stopped while the job ran (${String(run.attempts)} attempts); start it again`,
            true,
          );
        else launch(run.id, run.kind, run.payload);
      }
    },
    async enqueue(kind, payload) {
      const id = await runs.insert(kind, payload);
      launch(id, kind, payload);
      return id;
    },
    get: (id) => runs.get(id),
    wait: (id, timeoutMs) => waitForRun((runId) => runs.get(runId), id, timeoutMs),
    async stop() {
      stopped = true;
      await chain;
    },
  };
}
