import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth } from '../../src/contracts/endpoints';
import { buildApp } from '../../src/server/app';
import { windowOf } from '../../src/server/auth/rate-limit';
import { buildPasswordUser } from '../support/builders';
import { body, createTestApp, type ErrorResponse, type TestApp } from '../support/test-app';
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
