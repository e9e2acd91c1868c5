import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/auth/principal';
import { createSession } from '../../src/server/auth/sessions';
import { migrate } from '../../src/server/db/migrate';
import { openStore, type StoreConfig } from '../../src/server/db/store';
import { createServices } from '../../src/server/services';
import { freshChildStore, killServer, startServer, type ChildServer } from '../support/child-server';

/**
 * Kills a real `catchball serve` with SIGKILL in the middle of concurrent writes, restarts it on
 * the same store, and checks that it opens cleanly and still has every write it acknowledged.
 * The store follows the run: PGlite in a data directory, or a fresh PostgreSQL database when
 * DATABASE_URL is set.
 */
/** Kills per run; raise CATCHBALL_CRASH_CYCLES for a longer soak. */
const CYCLES = Number(process.env.CATCHBALL_CRASH_CYCLES ?? 5);
const WORKERS = 8;
const scratch = mkdtempSync(join(tmpdir(), 'catchball-crash-'));
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** Migrates the store and gives it an organisation to write into and a signed-in editor of it. */
async function seed(config: StoreConfig): Promise<Record<string, string>> {
  const store = await openStore(config);
  try {
    await migrate(store);
    const services = createServices(store.db);
    await services.organisations.create({ id: 'crash', name: 'Crash test' });
    await services.units.create({ id: 'crash-unit', organisationId: 'crash', name: 'Crash unit' });
    await services.cycles.create({ id: 'crash-cycle', organisationId: 'crash', year: 2026 });
    await store.db
      .insertInto('users')
      .values({
        id: 'usr_crash',
        email: 'crash@example.test',
        name: 'Crash',
        isSiteAdmin: false,
        passwordHash: null,
      })
      .execute();
    await store.db
      .insertInto('roleAssignments')
      .values({ id: 'ra_crash', organisationId: 'crash', unitId: null, userId: 'usr_crash', role: 'editor' })
      .execute();
    const session = await createSession(store.db, 'usr_crash');
    return {
      cookie: `${SESSION_COOKIE}=${session.secret}`,
      [CSRF_HEADER]: session.csrfToken,
      'content-type': 'application/json',
    };
  } finally {
    await store.close();
  }
}

/**
 * WORKERS loops creating objectives until the server stops answering; returns the ids of the
 * objectives it acknowledged with 201 (a request cut off by the kill is not acknowledged).
 */
function hammer(
  server: ChildServer,
  headers: Record<string, string>,
  cycle: number,
  acknowledged: Set<string>,
): Promise<void> {
  const worker = async (w: number): Promise<void> => {
    for (let n = 0; ; n++) {
      const id = `crash-${cycle}-${w}-${n}`;
      let status: number;
      try {
        const response = await fetch(`${server.url}/api/objectives`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            id,
            unitId: 'crash-unit',
            cycleId: 'crash-cycle',
            title: `Objective ${id}`,
          }),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        return; // the server is gone
      }
      if (status === 201) acknowledged.add(id);
      else throw new Error(`POST /api/objectives answered ${status}`);
    }
  };
  return Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w))).then(() => undefined);
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function objectiveIds(server: ChildServer, headers: Record<string, string>): Promise<Set<string>> {
  const response = await fetch(`${server.url}/api/units/crash-unit/okrs`, { headers });
  expect(response.status).toBe(200);
  return new Set(((await response.json()) as { id: string }[]).map((objective) => objective.id));
}

describe('a server killed with SIGKILL under concurrent writes', () => {
  it(`reopens the store cleanly and keeps every acknowledged write (${CYCLES} kills)`, async () => {
    const store = await freshChildStore('crash', scratch, cleanups);
    const headers = await seed(store.config);
    const acknowledged = new Set<string>();
    let server = await startServer(['--no-demo', ...store.flags]);
    try {
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const acked = new Set<string>();
        const load = hammer(server, headers, cycle, acked);
        // Once writes flow (the first ones wait for a cold server), kill at a random moment.
        await until(() => acked.size >= WORKERS, 10_000);
        const delay = Math.floor(Math.random() * 800);
        await new Promise((resolve) => setTimeout(resolve, delay));
        await killServer(server);
        await load;
        expect(acked.size, `cycle ${cycle}: writes acknowledged before the kill`).toBeGreaterThan(0);
        for (const id of acked) acknowledged.add(id);

        server = await startServer(['--no-demo', ...store.flags]);
        expect(server.output()).not.toContain('migrations applied');
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        const present = await objectiveIds(server, headers);
        const lost = [...acknowledged].filter((id) => !present.has(id));
        expect(lost, `cycle ${cycle} (killed at ${delay} ms): acknowledged writes lost`).toEqual([]);
      }
    } finally {
      await killServer(server);
    }
  }, 120_000);
});
