import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { openStore } from '../../src/server/db/store';
import { openStream } from '../support/event-stream';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

/** A second app server on the same PostgreSQL database as `t` (a deployment of two). */
async function openSecondServer(
  t: TestApp,
  databaseUrl: string,
): Promise<{ other: FastifyInstance; closeOther: () => Promise<void> }> {
  const rows = await t.store.withScriptSession((run) => run('SELECT current_database() AS name'));
  const url = new URL(databaseUrl);
  url.pathname = `/${String(rows[0]?.name)}`;
  const otherStore = await openStore({ databaseUrl: url.toString() });
  const other = await buildApp({ store: otherStore, webDir: '/nonexistent' });
  return {
    other,
    closeOther: async () => {
      await other.close();
      await otherStore.close();
    },
  };
}

describe('live updates', () => {
  let t: TestApp;
  let baseUrl: string;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    headers = await t.signIn({ id: 'usr-live-viewer', isSiteAdmin: true });
    await t.services.planImport.importPlan(demoPlan());
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('streams a change of the matrix being viewed, and not of another matrix', async () => {
    const stream = await openStream(baseUrl, { matrixId: 'cso-2026' }, headers);
    try {
      const response = await t.request({
        method: 'PUT',
        url: '/api/matrices/cio-2026/correlations',
        payload: { aId: 'cio-bo1', bId: 'cio-af1', strength: null, version: null },
      });
      expect(response.statusCode).toBeLessThan(500);
      const item = await t.request({
        method: 'POST',
        url: '/api/matrices/cso-2026/items',
        payload: { part: 'what', title: 'Live' },
      });
      expect(item.statusCode).toBe(201);
      const change = await stream.waitFor((c) => c.table === 'matrix_items');
      expect(change).toEqual({ table: 'matrix_items', op: 'insert', matrixId: 'cso-2026' });
      expect(stream.changes.every((c) => c.matrixId === undefined || c.matrixId === 'cso-2026')).toBe(true);
    } finally {
      await stream.close();
    }
  });

  it('delivers changes made through another app server on the same database', async (context) => {
    if (t.store.kind !== 'postgres' || !process.env.DATABASE_URL) {
      context.skip();
      return;
    }
    const { other, closeOther } = await openSecondServer(t, process.env.DATABASE_URL);
    const stream = await openStream(baseUrl, { matrixId: 'cso-2026' }, headers);
    await t.request({ method: 'GET', url: '/api/units/cso/matrices/2026' });
    try {
      const response = await other.inject({
        method: 'PUT',
        url: '/api/matrices/cso-2026/correlations',
        headers,
        payload: { aId: 'cso-bo3', bId: 'cso-af1', strength: 'weak', version: null },
      });
      expect(response.statusCode).toBe(200);
      expect(await stream.waitFor((c) => c.table === 'correlations')).toMatchObject({
        op: 'insert',
        matrixId: 'cso-2026',
      });
      // This server cached the view before; the other server's write must not leave it stale.
      const view = await t.request({ method: 'GET', url: '/api/units/cso/matrices/2026' });
      const cells = (view.data as { correlations: { fromId: string; toId: string; strength: string }[] })
        .correlations;
      expect(cells).toContainEqual(
        expect.objectContaining({ fromId: 'cso-bo3', toId: 'cso-af1', strength: 'weak' }),
      );
    } finally {
      await stream.close();
      await closeOther();
    }
  });

  it("moves the parent's open dashboard when the child checks in a KPI through another app server", async (context) => {
    if (t.store.kind !== 'postgres' || !process.env.DATABASE_URL) {
      context.skip();
      return;
    }
    const { other, closeOther } = await openSecondServer(t, process.env.DATABASE_URL);
    const dashboardOf = async () => {
      const response = await t.request({ method: 'GET', url: '/api/units/cio/dashboard?cycleId=fy2026' });
      expect(response.statusCode).toBe(200);
      const view = response.data as { objectives: { id: string; progress: number }[] };
      return view.objectives.find((o) => o.id === 'cio-o1')!.progress;
    };
    // The CIO's dashboard is open (read, so cached, on this server) and listens to its unit.
    const before = await dashboardOf();
    const stream = await openStream(baseUrl, { unitId: 'cio' }, headers);
    try {
      const response = await other.inject({
        method: 'POST',
        url: '/api/check-ins',
        headers,
        payload: { kpiId: 'cso-k1', value: 45, date: '2026-06-30' },
      });
      expect(response.statusCode).toBe(201);
      expect(await stream.waitFor((c) => c.table === 'key_results')).toMatchObject({
        op: 'update',
      });
      expect(await dashboardOf()).toBeGreaterThan(before);
    } finally {
      await stream.close();
      await closeOther();
    }
  });

  it('ends a session on every app server when it is signed out through one', async (context) => {
    if (t.store.kind !== 'postgres' || !process.env.DATABASE_URL) {
      context.skip();
      return;
    }
    const { other, closeOther } = await openSecondServer(t, process.env.DATABASE_URL);
    try {
      const session = await t.signIn({ id: 'usr-two-servers' });
      const whoAmI = () => t.request({ method: 'GET', url: '/api/auth/session', headers: session });
      // This server now caches the principal behind the cookie.
      expect(body<{ user: { id: string } | null }>(await whoAmI()).user?.id).toBe('usr-two-servers');
      const signedOut = await other.inject({ method: 'POST', url: '/api/auth/sign-out', headers: session });
      expect(signedOut.statusCode).toBe(204);
      // The other server's answer waited for its own notifications; this one hears the same
      // message within milliseconds, so a short wait covers it.
      let user: unknown = 'still signed in';
      for (let attempt = 0; attempt < 50 && user !== null; attempt++) {
        user = body<{ user: unknown }>(await whoAmI()).user;
        if (user !== null) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(user).toBeNull();
    } finally {
      await closeOther();
    }
  });
});
