import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PressureTestJob } from '../../src/contracts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/auth/principal';
import { createSession } from '../../src/server/auth/sessions';
import { migrate } from '../../src/server/db/migrate';
import { openStore, type StoreConfig } from '../../src/server/db/store';
import { DEMO_PLAN_PATH } from '../../src/server/demo';
import { createServices } from '../../src/server/services';
import { parsePlanText } from '../../src/server/services/plan/plan-format';
import { runSeededPressureTest } from '../../src/core/pressure-test-chunks';
import { freshChildStore, killServer, startServer, type ChildServer } from '../support/child-server';

/**
 * Pressure tests are durable jobs: a real `catchball serve` is SIGKILLed while it runs them, and
 * the next server on the same store finishes every one (the one cut off is run again, its
 * attempts counted) with the numbers the seed gives anywhere. On PostgreSQL (DATABASE_URL) the
 * second server starts beside the first's corpse and takes the job over through pg-boss once the
 * dead one's heartbeat is missed; on the embedded store it reopens the data directory.
 */
const JOBS = 12;
const TRIALS = 200_000;
const scratch = mkdtempSync(join(tmpdir(), 'catchball-jobs-'));
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** The demo plan and a signed-in site administrator. */
async function seed(config: StoreConfig): Promise<Record<string, string>> {
  const store = await openStore(config);
  try {
    await migrate(store);
    await createServices(store.db).planImport.importPlan(parsePlanText(readFileSync(DEMO_PLAN_PATH, 'utf8')));
    await store.db
      .insertInto('users')
      .values({
        id: 'usr_jobs',
        email: 'jobs@example.test',
        name: 'Jobs',
        isSiteAdmin: true,
        passwordHash: null,
      })
      .execute();
    const session = await createSession(store.db, 'usr_jobs');
    return {
      cookie: `${SESSION_COOKIE}=${session.secret}`,
      [CSRF_HEADER]: session.csrfToken,
      'content-type': 'application/json',
    };
  } finally {
    await store.close();
  }
}

/** A server with one simulation thread, so each job runs long enough to be cut off, and pg-boss's shortest heartbeat. */
async function serve(flags: string[]): Promise<ChildServer> {
  const server = await startServer(['--no-demo', ...flags], {
    ...process.env,
    LOG_LEVEL: 'silent',
    CATCHBALL_SIMULATION_THREADS: '1',
    CATCHBALL_JOB_HEARTBEAT_SECONDS: '10',
  });
  cleanups.unshift(() => killServer(server));
  return server;
}

async function job(
  server: ChildServer,
  headers: Record<string, string>,
  id: string,
): Promise<PressureTestJob> {
  const response = await fetch(`${server.url}/api/pressure-tests/${id}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as PressureTestJob;
}

/**
 * The runs the store holds as started and unfinished (running, or queued again after a failed
 * attempt): read straight from it, once the server holding it is dead.
 */
async function cutOffRuns(config: StoreConfig): Promise<string[]> {
  const store = await openStore(config);
  try {
    const rows = await store.db
      .selectFrom('jobRuns')
      .select('id')
      .where('status', 'in', ['running', 'queued'])
      .where('attempts', '>=', 1)
      .execute();
    return rows.map((row) => row.id);
  } finally {
    await store.close();
  }
}

/** Each job's status and progress, for a failure's message. */
function describeJobs(jobs: PressureTestJob[]): string {
  return jobs
    .map((j) => `${j.status} ${String(Math.round(j.progress * 100))} % (${String(j.attempts)})`)
    .join(', ');
}

async function until<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
  last: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${last()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('pressure-test jobs across a killed server', () => {
  it('are finished by the next server, the cut-off one run again, with the seed’s numbers', async () => {
    const store = await freshChildStore('jobs', scratch, cleanups);
    const headers = await seed(store.config);
    const first = await serve(store.flags);
    const ids: string[] = [];
    for (let n = 0; n < JOBS; n++) {
      const response = await fetch(`${first.url}/api/matrices/cso-2026/pressure-test`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ trials: TRIALS, seed: 100 + n }),
      });
      expect(response.status).toBe(202);
      ids.push(((await response.json()) as PressureTestJob).id);
    }
    // Kill while a job is under way, with others waiting behind it (a queued job reads as running
    // with no attempt yet). A job can finish in the
    // moment between being seen running and the signal (the machine may be busy), so the store
    // itself says which jobs were cut off; a kill that cut none is tried again on a new server.
    let server = first;
    let cutOff: string[] = [];
    const rounds: string[] = [];
    for (let round = 0; round < 3 && cutOff.length === 0; round++) {
      const current = server;
      let seen: PressureTestJob[] = [];
      const isUnderWay = await until(
        async () => {
          seen = await Promise.all(ids.map((id) => job(current, headers, id)));
          const isWaiting = (j: PressureTestJob) => j.status === 'running' && j.attempts === 0;
          const isStarted = (j: PressureTestJob) => j.status === 'running' && j.attempts > 0;
          if (seen.some(isStarted) && seen.filter(isWaiting).length >= 2) return true;
          return seen.every((j) => j.status === 'done') ? false : undefined;
        },
        120_000,
        'a job to be under way',
        () => describeJobs(seen),
      );
      if (!isUnderWay) break;
      await killServer(current);
      cutOff = await cutOffRuns(store.config);
      rounds.push(`round ${String(round + 1)}: saw ${describeJobs(seen)}; cut off ${String(cutOff.length)}`);
      server = await serve(store.flags);
    }
    expect(
      cutOff.length,
      `a job was running when a server was killed (${rounds.join(' | ')})`,
    ).toBeGreaterThan(0);

    expect(cutOff.length, 'a job was running when a server was killed').toBeGreaterThan(0);

    const second = server;
    let last: PressureTestJob[] = [];
    const finished = await until(
      async () => {
        last = await Promise.all(ids.map((id) => job(second, headers, id)));
        return last.every((j) => j.status === 'done' || j.status === 'failed') ? last : undefined;
      },
      120_000,
      'every job to finish on the last server',
      () => describeJobs(last),
    );
    expect(finished.map((j) => [j.status, j.error])).toEqual(ids.map(() => ['done', null]));
    expect(
      finished.filter((j) => cutOff.includes(j.id)).map((j) => j.attempts),
      'the job cut off by the kill ran again',
    ).toEqual(cutOff.map(() => 2));

    const basis = await fetch(`${second.url}/api/matrices/cso-2026/what-if-basis`, { headers });
    const { model } = (await basis.json()) as { model: Parameters<typeof runSeededPressureTest>[0] };
    const local = runSeededPressureTest(model, 100, { trials: TRIALS });
    expect(finished[0]?.result?.targets).toEqual(local.targets);
  }, 480_000);
});
