import { createSession } from '../src/server/auth/sessions';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/auth/principal';
import { migrate } from '../src/server/db/migrate';
import { openStore, type StoreConfig } from '../src/server/db/store';

/** A signed-in site administrator for a benchmark's requests: a session cookie and its CSRF token. */
export interface BenchCredentials {
  headers: Record<string, string>;
  cookie: { name: string; value: string };
}

/**
 * Opens the store (before the server under test starts, for PGlite's single-process data dir),
 * makes a site administrator and a session for it, and closes the store again. Benchmarks then
 * pay for authentication exactly as users do.
 */
export async function benchCredentials(config: StoreConfig): Promise<BenchCredentials> {
  const store = await openStore(config);
  try {
    await migrate(store);
    await store.db
      .insertInto('users')
      .values({
        id: 'usr_bench',
        email: 'bench@catchball.test',
        name: 'Benchmark',
        passwordHash: null,
        isSiteAdmin: true,
        oidcIssuer: null,
        oidcSubject: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const session = await createSession(store.db, 'usr_bench');
    return {
      headers: { cookie: `${SESSION_COOKIE}=${session.secret}`, [CSRF_HEADER]: session.csrfToken },
      cookie: { name: SESSION_COOKIE, value: session.secret },
    };
  } finally {
    await store.close();
  }
}
