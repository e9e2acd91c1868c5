import { hostname } from 'node:os';
import type { Db } from '../db/store';
import type { JobRunStatus } from '../db/schema';
import { newId } from '../ids';

/** A job as every app server reports it: the job_runs row (migration 0017). */
export interface JobRun {
  id: string;
  kind: string;
  status: JobRunStatus;
  payload: Record<string, unknown>;
  progress: number;
  result: unknown;
  error: string | null;
  attempts: number;
}

/** What a handler hears: its payload, and where to report progress (0-1). */
export interface JobContext {
  runId: string;
  attempt: number;
  progress(share: number): void;
}

/** Runs one job to its JSON result; a throw fails this attempt (and the job, once out of attempts). */
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<unknown>;

/**
 * One interface over the two ways jobs run: pg-boss on PostgreSQL (any app server takes a job,
 * a killed one's job is retried by another) and in process on the embedded store (a restart
 * takes up what was left). Both keep the job's state in job_runs, so `get` answers on any server.
 */
export interface JobQueue {
  readonly kind: 'pg-boss' | 'in-process';
  /** Handlers are registered before `start`. */
  register(kind: string, handler: JobHandler): void;
  start(): Promise<void>;
  enqueue(kind: string, payload: Record<string, unknown>): Promise<string>;
  get(id: string): Promise<JobRun | undefined>;
  /** Resolves with the run once it is done or failed, polling its row (it may run on another server). */
  wait(id: string, timeoutMs?: number): Promise<JobRun>;
  stop(): Promise<void>;
}

/** Attempts a job gets: the first and one retry after a server stopped under it or it threw. */
export const JOB_ATTEMPTS = 2;

/** This process, as job_runs names the runner. */
export const RUNNER_NAME = `${hostname()}:${process.pid}:${newId('run').slice(4, 10)}`;

/** The job_runs reads and writes both queues share. */
export function jobRuns(db: Db) {
  const toRun = (row: JobRun): JobRun => ({ ...row, result: row.result ?? null });
  const columns = ['id', 'kind', 'status', 'payload', 'progress', 'result', 'error', 'attempts'] as const;
  return {
    async insert(kind: string, payload: Record<string, unknown>): Promise<string> {
      const id = newId('job');
      await db
        .insertInto('jobRuns')
        .values({ id, kind, payload: JSON.stringify(payload), runner: RUNNER_NAME })
        .execute();
      return id;
    },
    async get(id: string): Promise<JobRun | undefined> {
      const row = await db.selectFrom('jobRuns').select(columns).where('id', '=', id).executeTakeFirst();
      return row ? toRun(row) : undefined;
    },
    async queueJobId(id: string): Promise<string | null> {
      const row = await db.selectFrom('jobRuns').select('queueJobId').where('id', '=', id).executeTakeFirst();
      return row?.queueJobId ?? null;
    },
    async setQueueJobId(id: string, queueJobId: string): Promise<void> {
      await db.updateTable('jobRuns').set({ queueJobId }).where('id', '=', id).execute();
    },
    /** Marks an attempt started here; returns the attempt's number. */
    async started(id: string): Promise<number> {
      const row = await db
        .updateTable('jobRuns')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          runner: RUNNER_NAME,
          progress: 0,
          updatedAt: new Date(),
        }))
        .where('id', '=', id)
        .returning('attempts')
        .executeTakeFirst();
      return row?.attempts ?? 1;
    },
    async progress(id: string, progress: number): Promise<void> {
      await db
        .updateTable('jobRuns')
        .set({ progress, updatedAt: new Date() })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute();
    },
    async done(id: string, result: unknown): Promise<void> {
      const now = new Date();
      await db
        .updateTable('jobRuns')
        .set({
          status: 'done',
          progress: 1,
          result: JSON.stringify(result),
          error: null,
          updatedAt: now,
          finishedAt: now,
        })
        .where('id', '=', id)
        .execute();
    },
    /** A failed attempt: the job is queued again while attempts remain, else failed for good. */
    async failed(id: string, error: string, final: boolean): Promise<void> {
      const now = new Date();
      await db
        .updateTable('jobRuns')
        .set((eb) => ({
          status: final ? 'failed' : 'queued',
          // A job queued again starts from nothing; a failed one keeps how far it got.
          progress: final ? eb.ref('progress') : 0,
          error,
          updatedAt: now,
          finishedAt: final ? now : null,
        }))
        .where('id', '=', id)
        .execute();
    },
    async unfinished(): Promise<JobRun[]> {
      const rows = await db
        .selectFrom('jobRuns')
        .select(columns)
        .where('status', 'in', ['queued', 'running'])
        .orderBy('createdAt')
        .execute();
      return rows.map(toRun);
    },
  };
}

export type JobRuns = ReturnType<typeof jobRuns>;

/** Polls a run's row until it has finished. @throws Error after `timeoutMs`. */
export async function waitForRun(
  get: (id: string) => Promise<JobRun | undefined>,
  id: string,
  timeoutMs = 10 * 60_000,
): Promise<JobRun> {
  const until = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(250, delay * 2)) {
    const run = await get(id);
    if (!run) throw new Error(`No job ${id}`);
    if (run.status === 'done' || run.status === 'failed') return run;
    if (Date.now() > until) throw new Error(`Job ${id} did not finish within ${String(timeoutMs)} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Progress is written at most every this many ms per run (the pool reports a chunk at a time). */
export const PROGRESS_WRITE_MS = 200;

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
