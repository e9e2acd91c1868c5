import { test as base, expect, type APIRequestContext, type BrowserContextOptions } from '@playwright/test';

/**
 * Every page of the app needs a session. Specs import `test` and `expect` from here instead of
 * `@playwright/test`: each worker signs in once through the API as the demo administrator and
 * every test's browser context starts with that session cookie (`storageState`). Writes made with
 * `page.request` must echo the session's CSRF token: pass `headers: { 'x-csrf-token': csrfToken }`.
 */

/** The demo's password, shared by its four accounts (src/server/demo/demo-users.ts). */
export const DEMO_PASSWORD = 'catchball-demo';

export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@northwind.example', name: 'Margaret Osei (demo admin)' },
  editor: { email: 'editor@northwind.example', name: 'Daniel Kovacs (demo editor)' },
  contributor: { email: 'contributor@northwind.example', name: 'Hannah Fischer (demo contributor)' },
  viewer: { email: 'viewer@northwind.example', name: 'Demo viewer' },
} as const;

export type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/** A signed-in session: the cookie jar to start browser contexts with and its CSRF token. */
export interface Session {
  storageState: StorageState;
  csrfToken: string;
}

/**
 * Signs in through `POST /api/auth/sign-in` on `request` (whose cookie jar keeps the session).
 * @returns the session's CSRF token.
 */
export async function signInThroughApi(
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const response = await request.post('/api/auth/sign-in', { data: { email, password } });
  expect(response.status(), `sign-in as ${email}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in as `email` on a fresh request context against `baseURL` and returns the session. */
export async function newSession(
  playwright: {
    request: {
      newContext: (options: { baseURL?: string; storageState?: StorageState }) => Promise<APIRequestContext>;
    };
  },
  baseURL: string | undefined,
  email: string,
): Promise<Session> {
  // Empty cookie jar on purpose: inside a test the runner would otherwise start the context with
  // the test's `storageState` (the admin session), and a signed-in sign-in needs a CSRF token.
  const request = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  try {
    const csrfToken = await signInThroughApi(request, email);
    return { storageState: await request.storageState(), csrfToken };
  } finally {
    await request.dispose();
  }
}

/** The admin session of each server a spec runs against (specs may `test.use({ baseURL })`). */
const sessions = new Map<string, Promise<Session>>();

export const test = base.extend<{ csrfToken: string; adminSession: Session }>({
  adminSession: async ({ playwright, baseURL }, use) => {
    const key = baseURL ?? '';
    let session = sessions.get(key);
    if (!session) {
      session = newSession(playwright, baseURL, DEMO_ACCOUNTS.admin.email);
      sessions.set(key, session);
    }
    await use(await session);
  },
  storageState: async ({ adminSession }, use) => {
    await use(adminSession.storageState);
  },
  csrfToken: async ({ adminSession }, use) => {
    await use(adminSession.csrfToken);
  },
});

export { expect };
