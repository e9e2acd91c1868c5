import { PgBoss } from 'pg-boss';
import type { Db } from '../db/store';
import {
  errorText,
  JOB_ATTEMPTS,
  jobRuns,
  PROGRESS_WRITE_MS,
  waitForRun,
  type JobHandler,
  type JobQueue,
  type JobRun,
} from './job-queue';

export interface PgBossQueueOptions {
  /**
   * Seconds without a heartbeat after which pg-boss takes a job from a server that stopped and
   * gives it to another (pg-boss's minimum is 10). CATCHBALL_JOB_HEARTBEAT_SECONDS, default 30.
   */
  heartbeatSeconds?: number;
  /** How often pg-boss's monitor looks for such jobs. */
  monitorSeconds?: number;
  log?: (message: string) => void;
}

const SCHEMA = 'pgboss';

function envSeconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Jobs on PostgreSQL through pg-boss (its tables in the `pgboss` schema, created on first start):
 * any app server on the database may take a queued job; a worker sends heartbeats while it runs,
 * and a job whose server died is retried by another once its heartbeat is missed. job_runs keeps
 * the state every server reports; a job pg-boss gave up on is reported failed from pg-boss's own row.
 */
export function createPgBossQueue(
  db: Db,
  connectionString: string,
  options: PgBossQueueOptions = {},
): JobQueue {
  const runs = jobRuns(db);
  const handlers = new Map<string, JobHandler>();
  const heartbeatSeconds = Math.max(
    10,
    options.heartbeatSeconds ?? envSeconds('CATCHBALL_JOB_HEARTBEAT_SECONDS', 30),
  );
  const monitorSeconds = options.monitorSeconds ?? Math.max(1, Math.floor(heartbeatSeconds / 5));
  const log = options.log ?? (() => undefined);
  const boss = new PgBoss({
    connectionString,
    schema: SCHEMA,
    max: 4,
    superviseIntervalSeconds: monitorSeconds,
    monitorIntervalSeconds: monitorSeconds,
  });
  boss.on('error', (error: unknown) => log(`job queue: ${errorText(error)}`));
  let started = false;

  async function work(handler: JobHandler, id: string, retryCount: number) {
    const attempt = await runs.started(id);
    let lastWrite = 0;
    try {
      const result = await handler((await runs.get(id))?.payload ?? {}, {
        runId: id,
        attempt,
        progress(share) {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_WRITE_MS) return;
          lastWrite = now;
          void runs.progress(id, share).catch(() => undefined);
        },
      });
      await runs.done(id, result);
    } catch (error) {
      await runs.failed(id, errorText(error), retryCount + 1 >= JOB_ATTEMPTS);
      throw error;
    }
  }

  /** A run still marked unfinished whose pg-boss job has failed for good: its server died on the last attempt. */
  async function reconcile(run: JobRun): Promise<JobRun> {
    if (run.status === 'done' || run.status === 'failed' || !started) return run;
    const queueJobId = await runs.queueJobId(run.id);
    if (!queueJobId) return run;
    const [job] = await boss.findJobs(run.kind, { id: queueJobId });
    if (job?.state !== 'failed' && job?.state !== 'cancelled') return run;
    const message = `The server running the job stopped (${String(run.attempts)} attempts); start it again`;
    await runs.failed(run.id, run.error ?? message, true);
    return { ...run, status: 'failed', error: run.error ?? message };
  }

  const get = async (id: string) => {
    const run = await runs.get(id);
    return run ? reconcile(run) : undefined;
  };

  return {
    kind: 'pg-boss',
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    async start() {
      await boss.start();
      started = true;
      for (const [kind, handler] of handlers) {
        if (!(await boss.getQueue(kind)))
          await boss.createQueue(kind, {
            retryLimit: JOB_ATTEMPTS - 1,
            retryDelay: 1,
            heartbeatSeconds,
            expireInSeconds: 60 * 60,
          });
        await boss.work<{ runId: string }>(
          kind,
          { pollingIntervalSeconds: 0.5, batchSize: 1, localConcurrency: 1 },
          async ([job]) => {
            if (job) await work(handler, job.data.runId, job.retryCount);
          },
        );
      }
    },
    async enqueue(kind, payload) {
      const id = await runs.insert(kind, payload);
      const queueJobId = await boss.send(kind, { runId: id });
      if (queueJobId) await runs.setQueueJobId(id, queueJobId);
      return id;
    },
    get,
    wait: (id, timeoutMs) => waitForRun(get, id, timeoutMs),
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
