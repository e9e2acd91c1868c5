import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DomainError, isDomainError } from '../../../core/errors';
import type { ImportPhase, ImportRun } from '../../../contracts';
import type { Db } from '../../db/store';

/** Progress of a long import, for a progress bar: a phase and how far through it. */
export interface ImportProgress {
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
}
export type ProgressListener = (progress: ImportProgress) => void;

/** One import in flight: report its progress, then end it (the outcome is kept for a while). */
export interface ImportRunHandle {
  readonly id: string | null;
  report: ProgressListener;
  /**
   * Takes the import's lock for the rest of `trx`: across app servers on PostgreSQL a second
   * import of the same subject is refused while this one's transaction is open.
   */
  lockWithin(trx: Db): Promise<void>;
  end(error?: unknown): void;
}

/** How long a finished run stays readable, so a poller sees how it ended. */
const KEEP_FINISHED_MS = 10 * 60_000;

/**
 * Import runs in this server's memory: their progress for `GET /api/import-runs/:id`, and one
 * import at a time per subject (an organisation for a plan document, a unit's matrix of a year for
 * a workbook). A second import of a subject that is being imported is refused at once with
 * `import_in_progress` (409, naming the running one) instead of queueing behind it: every
 * replace-import would delete and rewrite the same rows, and the last would win anyway.
 */
export function createImportRuns(now: () => Date = () => new Date()) {
  const runs = new Map<string, ImportRun>();
  /** Subject → the run (or an anonymous token) importing it now. */
  const busy = new Map<string, string>();

  const sweep = () => {
    const at = now().getTime();
    for (const [id, run] of runs)
      if (run.finishedAt && at - new Date(run.finishedAt).getTime() > KEEP_FINISHED_MS) runs.delete(id);
  };

  const refuse = (subject: string, elsewhere = false) =>
    new DomainError(
      'import_in_progress',
      `Another import of ${subject} is running${elsewhere ? ' on another server' : ''}; try again when it has finished`,
      {
        subject,
        runId: elsewhere || busy.get(subject)?.startsWith('anon:') ? null : (busy.get(subject) ?? null),
      },
    );
  /** Subjects each handle holds, released when it ends. */
  const held = new WeakMap<ImportRunHandle, { token: string; subjects: string[] }>();

  return {
    /**
     * Starts a run of `kind` on `subject` (`runId` is the caller's UUID, or none to follow).
     * @throws `import_in_progress` while another import of the same subject runs on this server.
     */
    start(kind: ImportRun['kind'], subject: string, runId?: string): ImportRunHandle {
      sweep();
      if (busy.has(subject)) throw refuse(subject);
      if (runId && runs.has(runId))
        throw new DomainError('already_exists', `Import run ${runId} exists already; choose a new id`, {
          path: 'query.run',
        });
      const token = runId ?? `anon:${randomUUID()}`;
      busy.set(subject, token);
      const run: ImportRun | null = runId
        ? {
            id: runId,
            kind,
            phase: 'read',
            done: 0,
            total: 0,
            startedAt: now().toISOString(),
            finishedAt: null,
            error: null,
          }
        : null;
      if (run) runs.set(run.id, run);
      const holding = { token, subjects: [subject] };
      let isEnded = false;
      const handle: ImportRunHandle = {
        id: runId ?? null,
        report(progress) {
          if (!run || isEnded) return;
          run.phase = progress.phase;
          run.done = progress.done;
          run.total = progress.total;
        },
        async lockWithin(trx) {
          for (const name of holding.subjects) {
            const { rows } = await sql<{ locked: boolean }>`
              SELECT pg_try_advisory_xact_lock(hashtextextended(${`import:${name}`}, 0)) AS locked`.execute(
              trx,
            );
            if (!rows[0]?.locked) throw refuse(name, true);
          }
        },
        end(error) {
          if (isEnded) return;
          isEnded = true;
          for (const name of holding.subjects) if (busy.get(name) === token) busy.delete(name);
          if (!run) return;
          run.finishedAt = now().toISOString();
          const phase: ImportPhase = error === undefined ? 'done' : 'failed';
          run.phase = phase;
          if (phase === 'done') run.done = run.total;
          run.error =
            error === undefined
              ? null
              : isDomainError(error)
                ? { code: error.code, message: error.message }
                : { code: 'internal', message: 'The import failed; nothing was written' };
        },
      };
      held.set(handle, holding);
      return handle;
    },

    /**
     * Adds `subject` to what `handle` holds, once the import knows it (a workbook names its unit
     * and year inside the file); `lockWithin` then takes its lock too.
     * @throws `import_in_progress` while another import holds it on this server.
     */
    claim(handle: ImportRunHandle, subject: string): void {
      const holding = held.get(handle);
      if (!holding) return;
      const holder = busy.get(subject);
      if (holder !== undefined && holder !== holding.token) throw refuse(subject);
      busy.set(subject, holding.token);
      holding.subjects.push(subject);
    },

    /** @throws `not_found` for a run this server does not know (never started, or long finished). */
    get(id: string): ImportRun {
      sweep();
      const run = runs.get(id);
      if (!run) throw new DomainError('not_found', `No import run ${id} on this server`);
      return { ...run };
    },
  };
}

export type ImportRuns = ReturnType<typeof createImportRuns>;

/**
 * Runs `work` as the run `handle`, ending it with the outcome (so its lock is released on every
 * path) and passing the outcome on.
 */
export async function asRun<T>(handle: ImportRunHandle, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    handle.end();
    return result;
  } catch (error) {
    handle.end(error);
    throw error;
  }
}
