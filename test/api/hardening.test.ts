import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as endpoints from '../../src/contracts/endpoints';
import { auth, organisations } from '../../src/contracts/endpoints';
import { buildApp } from '../../src/server/app';
import { windowOf } from '../../src/server/auth/rate-limit';
import { buildPasswordUser } from '../support/builders';
import { body, createTestApp, demoPlan, type ErrorResponse, type TestApp } from '../support/test-app';
import { useTestApp } from '../support/use-test-app';

const PASSWORD = 'a long enough password';

describe('hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      services: {
        rateLimits: {
          signInPerEmailAndIp: { max: 3, windowMs: 60_000 },
          signInPerIp: { max: 6, windowMs: 60_000 },
          tokenFailuresPerIp: { max: 2, windowMs: 60_000 },
        },
      },
    });
    await buildPasswordUser(t.store.db, { name: 'Rita', password: PASSWORD });
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string, ip = '203.0.113.7') =>
    t.request({
      method: 'POST',
      url: auth.signIn.path,
      payload: { email, password },
      anonymous: true,
      remoteAddress: ip,
    });

  it('sends security headers on every answer; HSTS only over TLS', async () => {
    for (const url of [auth.getConfig.path, '/api/docs', '/api/no-such-route', '/healthz']) {
      const response = await t.request({ method: 'GET', url, anonymous: true });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toContain('unsafe-eval');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(response.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('marks every private API answer no-store, errors included; the shared documentation may be cached', async () => {
    for (const url of ['/api/organisations', '/api/organisations/acme/people', '/api/units/no-such-unit']) {
      const response = await t.request({ method: 'GET', url });
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const refused = await t.request({ method: 'GET', url: '/api/organisations', anonymous: true });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    for (const url of ['/api/openapi.json', '/api/docs', '/healthz']) {
      const response = await t.request({ method: 'GET', url, anonymous: true });
      expect(response.headers['cache-control'], url).not.toBe('no-store');
    }
  });

  it('serves the docs page without inline script, so the policy lets it run', async () => {
    const page = await t.request({ method: 'GET', url: '/api/docs', anonymous: true });
    expect(page.body).not.toMatch(/<script>(?!<)/);
    expect(page.body).toContain('<script src="/api/docs/init.js"></script>');
    const init = await t.request({ method: 'GET', url: '/api/docs/init.js', anonymous: true });
    expect(init.statusCode).toBe(200);
    expect(init.headers['content-type']).toContain('javascript');
    expect(init.body).toContain('SwaggerUIBundle');
  });

  it('limits failed sign-ins per e-mail address and IP: 429 with Retry-After, and a success resets it', async () => {
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await signIn('rita@example.test', 'wrong password', '198.51.100.1')).statusCode).toBe(401);
    const limited = await signIn('rita@example.test', PASSWORD, '198.51.100.1');
    expect(limited.statusCode).toBe(429);
    expect(body<ErrorResponse>(limited).error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another address is not held back by these failures.
    expect((await signIn('rita@example.test', PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    expect((await signIn('rita@example.test', 'wrong password', '198.51.100.2')).statusCode).toBe(401);
    expect((await signIn('rita@example.test', PASSWORD, '198.51.100.2')).statusCode).toBe(200);
  });

  it('limits sign-in attempts per IP across accounts, counted in the shared table', async () => {
    const ip = '198.51.100.9';
    await t.store.db
      .insertInto('rateLimitHits')
      .values({ key: `sign-in:ip:${ip}`, windowStart: windowOf(new Date(), 60_000).start, hits: 6 })
      .execute();
    const response = await signIn('someone@example.test', 'whatever password', ip);
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBeDefined();
  });

  it('limits failed API-token attempts per IP; other addresses are unaffected', async () => {
    const withToken = (ip: string) =>
      t.request({
        method: 'GET',
        url: '/api/organisations',
        headers: { authorization: 'Bearer not-a-real-token' },
        remoteAddress: ip,
      });
    expect((await withToken('192.0.2.5')).statusCode).toBe(401);
    expect((await withToken('192.0.2.5')).statusCode).toBe(401);
    const limited = await withToken('192.0.2.5');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await withToken('192.0.2.6')).statusCode).toBe(401);
  });

  it('prunes counters of long-gone windows when a new window starts', async () => {
    await t.store.db
      .insertInto('rateLimitHits')
      .values({ key: 'sign-in:ip:old', windowStart: new Date(Date.now() - 3 * 24 * 60 * 60 * 1000), hits: 5 })
      .execute();
    await signIn('rita@example.test', 'wrong password', '198.51.100.77');
    const old = await t.store.db
      .selectFrom('rateLimitHits')
      .select('key')
      .where('key', '=', 'sign-in:ip:old')
      .execute();
    expect(old).toEqual([]);
  });
});

describe('error answers and size limits', () => {
  const t = useTestApp();

  it('answers an unexpected failure with a bare 500, never a stack or the error text', async () => {
    const app = await buildApp({ store: t.store, webDir: '/nonexistent' });
    app.get('/boom', () => {
      throw new Error('secret detail at /work/src/server/thing.ts:12');
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/boom' });
      expect(response.statusCode).toBe(500);
      expect(JSON.parse(response.body)).toEqual({
        error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' },
      });
      expect(response.body).not.toContain('secret');
      expect(response.body).not.toMatch(/\bat \S+ \(/);
    } finally {
      await app.close();
    }
  });

  it('answers 503 with Retry-After when the database cannot be reached, not a 500', async () => {
    const app = await buildApp({ store: t.store, webDir: '/nonexistent' });
    const cut = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      new Error('Connection terminated unexpectedly'),
    ];
    cut.forEach((error, i) =>
      app.post(`/down/${String(i)}`, () => {
        throw error;
      }),
    );
    try {
      for (const i of cut.keys()) {
        const response = await app.inject({ method: 'POST', url: `/down/${String(i)}` });
        expect(response.statusCode, cut[i]!.message).toBe(503);
        expect(response.headers['retry-after']).toBe('5');
        expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'store_unavailable' } });
      }
    } finally {
      await app.close();
    }
  });

  it('logs a client that left mid-answer as info, without a stack, and a real failure as an error', async () => {
    const lines: { level: number; msg: string; err?: unknown }[] = [];
    const app = await buildApp({
      store: t.store,
      webDir: '/nonexistent',
      logger: {
        level: 'info',
        stream: { write: (line) => lines.push(JSON.parse(line) as (typeof lines)[0]) },
      },
    });
    app.get('/left', () => {
      throw Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
    });
    app.get('/broken', () => {
      throw new Error('a real bug');
    });
    try {
      await app.inject({ method: 'GET', url: '/left' });
      await app.inject({ method: 'GET', url: '/broken' });
      const left = lines.find((line) => line.msg.includes('client left'));
      expect(left).toMatchObject({ level: 30 });
      expect(left?.err).toBeUndefined();
      expect(lines.filter((line) => line.level >= 50).map((line) => line.msg)).toEqual(['unhandled error']);
    } finally {
      await app.close();
    }
  });

  it('refuses a JSON body over the limit with 413 before parsing it', async () => {
    const app = await buildApp({ store: t.store, webDir: '/nonexistent', bodyLimit: 1024 });
    try {
      const response = await app.inject({
        method: 'POST',
        url: auth.signIn.path,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'x@example.test', password: 'p'.repeat(4096) }),
      });
      expect(response.statusCode).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject({
        error: { code: 'payload_too_large', details: { limitBytes: 1024 } },
      });
    } finally {
      await app.close();
    }
  });
});

describe('inputs the database or the parser would choke on', () => {
  const t = useTestApp();

  it('refuses a NUL character in any text, naming the field, instead of failing at the database', async () => {
    const org = await t.call(organisations.create, { body: { id: 'nul-org', name: 'Tab\u0000Org' } });
    expect(org.statusCode).toBe(400);
    expect(body<ErrorResponse>(org).error).toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: 'body.name', message: expect.stringContaining('NUL') as unknown }] },
    });
    const key = await t.request({
      method: 'POST',
      url: organisations.create.path,
      payload: { id: 'nul-org', name: 'Fine', ['part\u0000Names']: {} },
    });
    expect(key.statusCode).toBe(400);
    const query = await t.request({ method: 'GET', url: '/api/audit?entityId=x%00y' });
    expect(query.statusCode).toBe(400);
    expect(body<ErrorResponse>(query).error.details).toMatchObject({
      issues: [{ path: 'query.entityId' }],
    });
    expect((await t.call(organisations.list, {})).result.some((o) => o.id === 'nul-org')).toBe(false);
  });

  it('refuses a YAML alias bomb as an invalid plan, with nothing written', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    const response = await t.request({
      method: 'POST',
      url: '/api/plan',
      headers: { 'content-type': 'application/yaml' },
      payload: `catchball: 1\n${levels.join('\n')}\n`,
    });
    expect(response.statusCode).toBe(400);
    expect(body<ErrorResponse>(response).error).toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ path: '(root)', message: expect.stringContaining('aliases') as unknown }] },
    });
  });

  it('refuses absurd numbers and dates by field, and answers an audit filter out of range with 400, not 500', async () => {
    const plan = demoPlan() as { objectives: { keyResults: { weight?: number; target?: number }[] }[] };
    plan.objectives[0]!.keyResults[0]!.weight = 1e308;
    plan.objectives[0]!.keyResults[1]!.target = 1e300;
    const imported = await t.call(endpoints.plan.importPlan, { query: {}, body: plan });
    expect(imported.statusCode).toBe(400);
    const paths = body<ErrorResponse>(imported).error.details as { issues: { path: string }[] };
    expect(paths.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/objectives\[0\]\.keyResults\[0\]\.weight$/),
        expect.stringMatching(/objectives\[0\]\.keyResults\[1\]\.target$/),
      ]),
    );
    await t.services.planImport.importPlan(demoPlan());
    for (const query of ['from=0001-01-01', 'to=9999-12-31']) {
      const response = await t.request({ method: 'GET', url: `/api/audit?organisationId=acme&${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(body<ErrorResponse>(response).error.message).toContain(query.split('=')[0]!);
    }
    const checkIn = await t.call(endpoints.checkIns.createCheckIn, {
      body: { kpiId: 'cso-k2', value: 1e15, date: '2026-03-01' },
    });
    expect(checkIn.statusCode).toBe(400);
    expect(body<ErrorResponse>(checkIn).error.message).toContain('body.value');
  });
});
