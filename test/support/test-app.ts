import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import {
  toHttpRequest,
  type Endpoint,
  type EndpointRequest,
  type EndpointResponse,
} from '../../src/contracts/endpoint';
import { buildApp, servicesOf } from '../../src/server/app';
import { openStore, PGLITE_OPTIONS, wrapPGlite, type Store } from '../../src/server/db/store';
import type { ServiceOptions, Services } from '../../src/server/services';
import { DEMO_PLAN_PATH } from '../../src/server/demo';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/server/auth/principal';
import { createSession } from '../../src/server/auth/sessions';
import { parsePlanText } from '../../src/server/services/plan/plan-format';
import { createDatabase, dropDatabase } from './postgres';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  services: Services;
  /**
   * In-process request; the JSON body (if any) is parsed into `data`. It is sent as the test's
   * site administrator (session cookie and CSRF header) unless it carries its own `cookie` or
   * `authorization` header, or `anonymous: true`.
   */
  request(options: TestRequest): Promise<LightMyRequestResponse & { data: unknown }>;
  /**
   * Calls one declared endpoint through the typed client (path, query and body from the
   * endpoint's contract), with `request`'s credentials rules. `result` is the body typed as the
   * endpoint's response: read it only after checking the status; `data` is the same body untyped.
   * `options.payload` replaces the JSON body (a raw upload, with its content-type header).
   */
  call<E extends Endpoint>(
    endpoint: E,
    input: EndpointRequest<E>,
    options?: CallOptions,
  ): Promise<LightMyRequestResponse & { data: unknown; result: EndpointResponse<E> }>;
  /** Creates a user (site administrator or not) and signs them in: the headers to send as them. */
  signIn(user: { id: string; name?: string; isSiteAdmin?: boolean }): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export type TestRequest = InjectOptions & { anonymous?: boolean };

/** Extra request settings of `TestApp.call`. */
export interface CallOptions {
  headers?: Record<string, string>;
  anonymous?: boolean;
  payload?: InjectOptions['payload'];
}

export const TEST_ADMIN_ID = 'usr_test_admin';

/**
 * A fresh, migrated, empty store and an app over it: a copy of the PGlite template, or, when
 * DATABASE_URL is set, a new PostgreSQL database copied from the migrated template database.
 */
export async function openTestStore(): Promise<{ store: Store; drop: () => Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  const template = inject('postgresTemplate');
  if (databaseUrl && template) {
    const name = `catchball_test_${randomBytes(5).toString('hex')}`;
    const store = await openStore({ databaseUrl: await createDatabase(databaseUrl, name, template) });
    return {
      store,
      drop: async () => {
        await store.close();
        await dropDatabase(databaseUrl, name);
      },
    };
  }
  const tarball = readFileSync(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: new Blob([tarball]) });
  const store = wrapPGlite(pglite);
  return { store, drop: () => store.close() };
}

/** An app over a fresh store; `services` fixes the clock or SMTP settings for tests that need them. */
export async function createTestApp(options: { services?: ServiceOptions } = {}): Promise<TestApp> {
  const { store, drop } = await openTestStore();
  const app = await buildApp({
    store,
    webDir: '/nonexistent',
    services: { smtp: null, ...options.services },
    // Reminders and webhook retries run when a test ticks a scheduler of its own (fake clock).
    schedules: false,
  });
  const signIn: TestApp['signIn'] = async (user) => {
    await store.db
      .insertInto('users')
      .values({
        id: user.id,
        email: `${user.id}@example.test`,
        name: user.name ?? user.id,
        passwordHash: null,
        isSiteAdmin: user.isSiteAdmin ?? false,
        oidcIssuer: null,
        oidcSubject: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const session = await createSession(store.db, user.id);
    return { cookie: `${SESSION_COOKIE}=${session.secret}`, [CSRF_HEADER]: session.csrfToken };
  };
  const adminHeaders = await signIn({ id: TEST_ADMIN_ID, name: 'Test Admin', isSiteAdmin: true });
  const request: TestApp['request'] = async ({ anonymous, ...options }) => {
    const headers = { ...(options.headers ?? {}) } as Record<string, string>;
    const hasOwnCredential = 'cookie' in headers || 'authorization' in headers || 'Authorization' in headers;
    const response = await app.inject({
      ...options,
      headers: anonymous || hasOwnCredential ? headers : { ...adminHeaders, ...headers },
    });
    const isJson =
      (response.headers['content-type'] ?? '').includes('json') &&
      response.body !== '' &&
      response.headers['content-encoding'] === undefined;
    return Object.assign(response, { data: isJson ? (JSON.parse(response.body) as unknown) : undefined });
  };
  return {
    app,
    store,
    services: servicesOf(app),
    signIn,
    request,
    async call(endpoint, input, options = {}) {
      const http = toHttpRequest(endpoint, input);
      const payload = options.payload ?? (http.body as InjectOptions['payload']);
      const response = await request({
        method: http.method,
        url: http.url,
        ...(payload === undefined ? {} : { payload }),
        ...(options.headers ? { headers: options.headers } : {}),
        ...(options.anonymous ? { anonymous: true } : {}),
      });
      return Object.assign(response, { result: response.data as EndpointResponse<typeof endpoint> });
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

export function demoPlan(): unknown {
  return parsePlanText(readFileSync(DEMO_PLAN_PATH, 'utf8'));
}

/** Reads a typed field path from a JSON body in tests without `any`. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed view of a parsed JSON body
export function body<T>(response: { data: unknown }): T {
  return response.data as T;
}

/** The API's error body, for reading codes, messages and issue paths in tests. */
export interface ErrorResponse {
  error: { code: string; message: string; details?: { issues?: { path: string; message: string }[] } };
}
