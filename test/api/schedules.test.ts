import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as endpoints from '../../src/contracts/endpoints';
import { openStore, type Store } from '../../src/server/db/store';
import { createScheduler } from '../../src/server/schedules/scheduler';
import { createServices } from '../../src/server/services';
import { demoPlan } from '../support/test-app';
import { useTestApp } from '../support/use-test-app';

/** A real HTTP receiver: answers each POST with the next status of `statuses` (then 200), records bodies and times. */
async function receiver(statuses: number[] = []) {
  const received: { at: number; body: string }[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ at: Date.now(), body });
      response.statusCode = statuses.shift() ?? 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const policy = { baseDelayMs: 100, maxDelayMs: 2000, maxAttempts: 5, timeoutMs: 2000 };

describe('schedules inside the app', () => {
  const t = useTestApp({ plan: demoPlan(), services: { deliveryPolicy: policy } });
  const closers: (() => Promise<void>)[] = [];
  let otherStore: Store | null = null;
  beforeAll(async () => {
    // A second app server's view of the same database: its own connection pool on PostgreSQL.
    if (t.store.connectionString) {
      otherStore = await openStore({ databaseUrl: t.store.connectionString });
      closers.push(() => (otherStore as Store).close());
    }
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('retries a webhook that fails twice with growing waits, and the log shows 3 attempts', async () => {
    const hook = await receiver([500, 503]);
    closers.push(hook.close);
    const created = await t.call(endpoints.catchball.webhooks.create, {
      body: { organisationId: 'acme', unitId: null, url: hook.url },
    });
    expect(created.statusCode).toBe(201);
    const accepted = await t.services.webhooks.notify(
      'acme',
      'cso',
      { text: 'Ball in your court' },
      'proposal',
    );
    expect(accepted).toBe(false);

    const scheduler = createScheduler(t.store.db, t.services, {
      now: () => new Date('2026-06-10T12:00:00Z'),
    });
    const deadline = Date.now() + 10_000;
    while (hook.received.length < 3 && Date.now() < deadline) {
      await scheduler.tick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(hook.received).toHaveLength(3);
    const [first, second, third] = hook.received.map((r) => r.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(policy.baseDelayMs);
    expect(third - second).toBeGreaterThanOrEqual(2 * policy.baseDelayMs);
    expect(JSON.parse(hook.received[2]?.body ?? '{}')).toEqual({ text: 'Ball in your court' });

    const log = await t.call(endpoints.catchball.listWebhookDeliveries, {
      params: { id: 'acme' },
      query: { limit: 10 },
    });
    expect(log.statusCode).toBe(200);
    expect(log.result.deliveries).toHaveLength(1);
    expect(log.result.deliveries[0]).toMatchObject({
      event: 'proposal',
      url: hook.url,
      status: 'delivered',
      statusCode: 200,
      attempts: 3,
      nextAttemptAt: null,
      error: null,
    });
    // Nothing more is due: another tick sends nothing.
    await scheduler.tick();
    expect(hook.received).toHaveLength(3);
    await t.call(endpoints.catchball.webhooks.remove, {
      params: { id: created.result.id },
      query: { version: 1 },
    });
  });

  it('gives up after the last attempt and logs the error', async () => {
    const hook = await receiver([500, 500, 500, 500, 500]);
    closers.push(hook.close);
    const outcome = await t.services.webhooks.deliver({
      organisationId: 'acme',
      webhookId: null,
      event: 'digest',
      url: hook.url,
      body: { text: 'x' },
    });
    expect(outcome).toEqual({ sent: false, status: 500, error: 'the receiver answered 500' });
    const scheduler = createScheduler(t.store.db, t.services, {
      now: () => new Date('2026-06-10T12:00:00Z'),
    });
    const deadline = Date.now() + 10_000;
    while (hook.received.length < policy.maxAttempts && Date.now() < deadline) {
      await scheduler.tick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const log = await t.call(endpoints.catchball.listWebhookDeliveries, {
      params: { id: 'acme' },
      query: {},
    });
    expect(log.result.deliveries[0]).toMatchObject({
      event: 'digest',
      status: 'failed',
      statusCode: 500,
      attempts: 5,
      error: 'the receiver answered 500',
    });
  });

  it('sends a cadence reminder at its hour once, with two servers ticking', async () => {
    const hook = await receiver();
    closers.push(hook.close);
    const settings = await t.call(endpoints.dashboard.setDigestSettings, {
      params: { id: 'acme' },
      body: { webhookUrl: hook.url, emailEnabled: false },
    });
    expect(settings.statusCode).toBe(200);
    let now = new Date('2026-03-01T08:59:30Z');
    const clock = () => now;
    const servers = [
      createScheduler(t.store.db, t.services, { now: clock }),
      createScheduler(
        otherStore?.db ?? t.store.db,
        createServices(otherStore?.db ?? t.store.db, { smtp: null }),
        {
          now: clock,
        },
      ),
    ];
    await Promise.all(servers.map((s) => s.tick()));
    expect(hook.received).toHaveLength(0);

    now = new Date('2026-03-01T09:00:05Z');
    const ticks = await Promise.all(servers.map((s) => s.tick()));
    expect(ticks.map((tick) => tick.reminders).sort()).toEqual([0, 1]);
    await Promise.all(servers.map((s) => s.tick()));
    now = new Date('2026-03-01T10:00:00Z');
    await Promise.all(servers.map((s) => s.tick()));
    expect(hook.received).toHaveLength(1);
    const text = (JSON.parse(hook.received[0]?.body ?? '{}') as { text: string }).text;
    expect(text).toMatch(/^Catchball check-in reminder for .* \(2026-03-01\): \d+ items? without a check-in/);
    expect(text).toContain('monthly');
    expect(text).not.toContain('weekly)');

    const log = await t.call(endpoints.catchball.listWebhookDeliveries, {
      params: { id: 'acme' },
      query: {},
    });
    expect(log.result.deliveries.filter((d) => d.event === 'reminder')).toHaveLength(1);
    const runs = await t.store.db.selectFrom('scheduleRuns').selectAll().execute();
    expect(runs.map((run) => run.key)).toEqual(['reminder:monthly:acme:2026-03-01']);
  });
});
