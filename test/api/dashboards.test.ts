import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboard as endpoints } from '../../src/contracts/endpoints';
import { startSmtp } from '../support/smtp-server';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

/** A real HTTP server standing in for a Slack/Teams incoming webhook. */
async function startWebhook(): Promise<{ server: Server; url: string; posts: unknown[] }> {
  const posts: unknown[] = [];
  const server = createServer((request, response) => {
    let data = '';
    request.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    request.on('end', () => {
      posts.push(JSON.parse(data));
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, posts };
}

describe('dashboards and the digest on the demo year', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    webhook = await startWebhook();
    t = await createTestApp({
      services: {
        clock: () => '2026-11-24',
        smtp: { host: '127.0.0.1', port: smtp.port, from: 'catchball@northwind.example' },
      },
    });
    await t.services.planImport.importPlan(demoPlan());
    await t.services.demo.recordYear();
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await new Promise((resolve) => webhook.server.close(resolve));
  });

  it('shows the unit dashboard: objectives, health over time, top risks, open countermeasures, stale items', async () => {
    const response = await t.call(endpoints.getUnitDashboard, {
      params: { id: 'cso' },
      query: { cycleId: 'fy2026' },
    });
    expect(response.statusCode).toBe(200);
    const dashboard = response.result;
    expect(dashboard.objectives.map((o) => o.id)).toEqual(['cso-o1', 'cso-o2']);
    expect(dashboard.health.map((point) => point.date)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-24',
    ]);
    const progress = dashboard.health.map((point) => point.progress);
    expect(progress[9]!).toBeGreaterThan(progress[2]!);
    expect(dashboard.topRisks[0]).toMatchObject({ id: 'cso-kr1-3', status: 'off_track' });
    expect(dashboard.topRisks[0]!.reason).toMatch(/done with \d+ % of the cycle gone/);
    const [risk] = dashboard.topRisks;
    expect(risk!.overrideReason).toBeNull();
    expect(risk!.elapsed).toBeGreaterThan(0.8);
    expect(risk!.reason).toContain(
      `${Math.round(risk!.progress * 100)} % done with ${Math.round(risk!.elapsed * 100)} % of the cycle gone`,
    );
    expect(dashboard.openCountermeasures.map((c) => c.id).sort()).toEqual([
      'demo-cm-k1-jun',
      'demo-cm-k2-may',
      'demo-cm-k4-apr',
      'demo-cm-k5-jun',
    ]);
    expect(dashboard.staleItems.map((item) => item.id)).toEqual(['cso-kr1-3']);
    expect(dashboard.openCatchballItems).toBe(0);
  });

  it('shows the organisation overview: quarter statistics and the spread across units', async () => {
    const { result: overview } = await t.call(endpoints.getOrganisationOverview, {
      params: { id: 'acme' },
      query: { cycleId: 'fy2026' },
    });
    expect(overview.quarters.map((q) => q.quarter)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    const q3 = overview.quarters[2]!;
    expect(q3.units.map((u) => [u.unitId, u.objectives, u.keyResults])).toEqual([
      ['cio', 3, 8],
      ['cso', 2, 5],
    ]);
    expect(q3.scoreDistribution.reduce((a, b) => a + b, 0)).toBe(5);
    expect(q3.spread.min).not.toBeNull();
    expect(q3.spread.max!).toBeGreaterThanOrEqual(q3.spread.min!);
    const { result: partial } = await t.call(endpoints.getOrganisationOverview, {
      params: { id: 'acme' },
      query: { cycleId: 'fy2026', asOf: '2026-05-15' },
    });
    expect(partial.quarters.map((q) => q.quarter)).toEqual(['Q1', 'Q2']);
  });

  it('sends the digest to the webhook and by e-mail to owners, skipping items with a recent check-in', async () => {
    const settings = await t.call(endpoints.setDigestSettings, {
      params: { id: 'acme' },
      body: { webhookUrl: webhook.url },
    });
    expect(settings.data).toMatchObject({ webhookUrl: webhook.url, emailEnabled: true });
    const response = await t.call(endpoints.sendDigest, { params: { id: 'acme' }, query: {} });
    expect(response.statusCode).toBe(200);
    const digest = response.result;
    // The CIO's own KPIs never got a check-in; a key result stopped in September. The CIO's key
    // result that stopped in August follows KPIs, so it is their owners who are reminded.
    expect(digest.items.map((item) => item.id).sort()).toEqual(['cio-k1', 'cio-k2', 'cio-k3', 'cso-kr1-3']);
    expect(digest.skippedRecent).toBeGreaterThan(10);
    expect(digest.webhook).toEqual({ sent: true, status: 200, error: null });
    expect(webhook.posts).toHaveLength(1);
    const post = webhook.posts[0] as { text: string };
    expect(post.text).toContain('Catchball check-in reminder for Northwind Financial');
    expect(post.text).toContain('Analysts accept 75 %');
    expect(post.text).not.toContain('Triage 60 %');
    expect(digest.email.sent).toBe(true);
    expect(digest.email.recipients.sort()).toEqual([
      'aisha.bello@example.com',
      'daniel.kovacs@example.com',
      'grace.okafor@example.com',
      'margaret.osei@example.com',
    ]);
    expect(smtp.mails).toHaveLength(4);
    const toAisha = smtp.mails.find((mail) => mail.to.includes('aisha.bello@example.com'))!;
    expect(toAisha.from).toBe('catchball@northwind.example');
    expect(toAisha.data).toContain('Subject: Catchball: 1 item needs a check-in');
    // Quoted-printable soft line breaks ("=\r\n") are undone before reading the text.
    expect(toAisha.data.replace(/=\r\n/g, '')).toContain('Analysts accept 75 % of AI triage verdicts');
  });

  it('refuses a webhook URL that is not http(s), and sends nothing when nothing is stale', async () => {
    const bad = await t.call(endpoints.setDigestSettings, {
      params: { id: 'acme' },
      body: { webhookUrl: 'ftp://example.com/hook' },
    });
    expect(bad.statusCode).toBe(400);
    const { result: early } = await t.call(endpoints.sendDigest, {
      params: { id: 'acme' },
      query: { asOf: '2026-01-20' },
    });
    expect(early.items).toEqual([]);
    expect(early.webhook.sent).toBe(false);
    expect(webhook.posts).toHaveLength(1);
  });
});
