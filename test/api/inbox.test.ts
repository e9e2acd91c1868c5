import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox, ProposalActions, ProposalThread } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { routes } from '../../src/web/paths';
import { signInWithRole } from '../support/builders';
import { readMail, startSmtp } from '../support/smtp-server';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

const TODAY = '2026-06-15';

/** The web app's route patterns as regular expressions (`:id` → one path segment). */
const routePattern = (pattern: string) =>
  new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, '[^/?#]+')}(?:[?#].*)?$`);

/** A webhook receiver on a free port that keeps every message's text. */
async function startReceiver(): Promise<{ server: Server; url: string; texts: string[] }> {
  const texts: string[] = [];
  const server = createServer((request, response) => {
    let data = '';
    request.on('data', (chunk: Buffer) => (data += chunk.toString()));
    request.on('end', () => {
      texts.push((JSON.parse(data) as { text: string }).text);
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, texts };
}

describe('the inbox: the ball reaches its receiver', () => {
  let hooks: Awaited<ReturnType<typeof startReceiver>>;
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let cio: Record<string, string>;
  let cso: Record<string, string>;
  let platform: Record<string, string>;
  let outsider: Record<string, string>;
  let proposal: ProposalThread;

  /** Signs in a user with a role, as the demo person `personId`. */
  async function signInAs(
    userId: string,
    personId: string | null,
    grant: Parameters<typeof signInWithRole>[2],
  ) {
    const headers = await signInWithRole(t, userId, grant);
    if (personId) await t.store.db.updateTable('people').set({ userId }).where('id', '=', personId).execute();
    return headers;
  }
  const inboxOf = async (headers: Record<string, string>, org = 'acme') =>
    t.call(endpoints.inbox.getMyInbox, { query: { org } }, { headers });
  /** The mails to one address, as their reader sees them. */
  const mailsTo = (address: string) =>
    smtp.mails.filter((mail) => mail.to.includes(address)).map((mail) => readMail(mail));

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      services: {
        clock: () => TODAY,
        smtp: { host: '127.0.0.1', port: smtp.port, from: 'catchball@test.example' },
        publicUrl: 'https://catchball.test.example',
      },
    });
    await t.services.planImport.importPlan(demoPlan());
    await t.services.organisations.create({ id: 'globex', name: 'Globex' });
    hooks = await startReceiver();
    await t.services.webhooks.create({ organisationId: 'acme', unitId: null, url: hooks.url });
    cio = await signInAs('usr-cio', 'margaret-osei', { role: 'admin', unitId: 'cio' });
    cso = await signInAs('usr-cso', 'daniel-kovacs', { role: 'editor', unitId: 'cso' });
    platform = await signInAs('usr-platform', 'grace-okafor', { role: 'editor', unitId: 'platform' });
    outsider = await signInWithRole(t, 'usr-globex', {
      role: 'admin',
      unitId: null,
      organisationId: 'globex',
    });
    const created = await t.call(
      endpoints.catchball.createProposal,
      {
        body: {
          matrixId: 'cso-2026',
          kpiItemId: 'cso-k2',
          keyResultId: 'cio-kr2-1',
          trials: 2000,
          rationale: 'The data lake and ML models get us to about 9 h, not 4 h.',
        },
      },
      { headers: cso },
    );
    expect(created.statusCode).toBe(201);
    proposal = body<ProposalThread>(created);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await new Promise<void>((resolve) => hooks.server.close(() => resolve()));
  });

  it("puts a proposal in its receiver's inbox, with a link to it, and in nobody else's", async () => {
    const inbox = body<Inbox>(await inboxOf(cio));
    expect(inbox).toMatchObject({ organisationId: 'acme', personId: 'margaret-osei', asOf: TODAY });
    const proposals = inbox.items.filter((item) => item.kind === 'proposal');
    expect(proposals).toEqual([
      expect.objectContaining({
        id: proposal.id,
        title: `Security (CSO) proposes "${proposal.title}"`,
        unitId: 'cso',
        unitName: 'Security (CSO)',
        href: `/org/acme/units/cso/pressure/2026#proposal-${proposal.id}`,
      }),
    ]);
    const [first] = proposals;
    expect(first?.values).toMatchObject({
      kind: 'proposal',
      from: 'Security (CSO)',
      state: 'proposed',
      title: proposal.title,
    });
    if (first?.values.kind !== 'proposal') throw new Error('the item is a proposal');
    expect(first.detail).toBe(
      `Target ${first.values.originalTarget} → ${first.values.proposedTarget}; the ball is in your court`,
    );
    expect(inbox.count).toBe(inbox.items.length);
    expect(proposals[0]!.href).toMatch(routePattern(routes.pressure));

    // The sender waits for an answer; the ball is not in his court. A stranger has nothing of it.
    const sender = body<Inbox>(await inboxOf(cso));
    expect(sender.items.some((item) => item.kind === 'proposal')).toBe(false);
    const stranger = body<Inbox>(await inboxOf(platform));
    expect(stranger.items.some((item) => item.kind === 'proposal')).toBe(false);
  });

  it('refuses the inbox of an organisation one has no standing in, and names the missing organisation', async () => {
    expect((await inboxOf(outsider, 'acme')).statusCode).toBe(404);
    const own = body<Inbox>(await inboxOf(outsider, 'globex'));
    expect(own).toMatchObject({ personId: null, count: 0, items: [] });
    expect((await inboxOf(cio, 'globex')).statusCode).toBe(404);
    const missingOrg = await t.request({ method: 'GET', url: '/api/me/inbox', headers: cio });
    expect(missingOrg.statusCode).toBe(400);
    expect(JSON.stringify(missingOrg.data)).toContain('org');
  });

  it('e-mails the receiver with a link to the proposal', () => {
    const [mail] = mailsTo('margaret.osei@example.com');
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe(`Catchball: Security (CSO) throws you "${proposal.title}"`);
    expect(mail!.text).toContain('Hello Margaret Osei');
    expect(hooks.texts[0]).toContain('Security (CSO) proposes');
    expect(hooks.texts[0]).toContain(`/org/acme/units/cso/pressure/2026#proposal-${proposal.id}`);
    expect(mail!.text).toContain(
      `https://catchball.test.example/org/acme/units/cso/pressure/2026#proposal-${proposal.id}`,
    );
  });

  it('offers each person only the steps they may take, and acts as them', async () => {
    const actionsOf = async (headers: Record<string, string>) =>
      body<ProposalActions>(
        await t.call(endpoints.inbox.getMyProposalActions, { params: { id: proposal.id } }, { headers }),
      );
    expect(await actionsOf(cio)).toEqual({
      proposalId: proposal.id,
      actingAs: 'margaret-osei',
      actions: [
        { action: 'question', by: 'parent' },
        { action: 'counter', by: 'parent' },
        { action: 'agree', by: 'parent' },
        { action: 'reject', by: 'parent' },
      ],
    });
    expect((await actionsOf(cso)).actions).toEqual([{ action: 'withdraw', by: 'child' }]);
    // A person with no standing on the proposal's units is refused its steps altogether.
    const strangersActions = await t.call(
      endpoints.inbox.getMyProposalActions,
      { params: { id: proposal.id } },
      { headers: platform },
    );
    expect(strangersActions.statusCode).toBe(403);

    const step = (headers: Record<string, string>, payload: object) =>
      t.call(
        endpoints.catchball.actOnProposal,
        {
          params: { id: proposal.id },
          body: { version: proposal.version, comment: '', ...payload } as never,
        },
        { headers },
      );
    // Neither a stranger, nor the sender in the receiver's name, takes the receiver's step.
    expect((await step(platform, { action: 'agree' })).statusCode).toBe(403);
    expect((await step(cso, { action: 'agree', actorId: 'margaret-osei' })).statusCode).toBe(403);
    const countered = await step(cio, { action: 'counter', target: 6, comment: 'Six hours?' });
    expect(countered.statusCode).toBe(200);
    expect(body<ProposalThread>(countered).events.at(-1)).toMatchObject({ actorId: 'margaret-osei' });

    // The ball went back: now it waits for the CSO, and the CIO's inbox no longer holds it.
    const inCso = body<Inbox>(await inboxOf(cso)).items.filter((item) => item.kind === 'proposal');
    expect(inCso.map((item) => item.title)).toEqual([`Office of the CIO counters "${proposal.title}"`]);
    expect(body<Inbox>(await inboxOf(cio)).items.some((item) => item.kind === 'proposal')).toBe(false);
    expect(mailsTo('daniel.kovacs@example.com').at(-1)?.subject).toContain('Office of the CIO throws you');
  });

  it('shows a countermeasure assigned to a person, overdue flagged, and e-mails them', async () => {
    const created = await t.call(endpoints.bowling.countermeasures.create, {
      body: {
        kpiId: 'cso-k5',
        year: 2026,
        month: 5,
        problem: 'Phishing reports fell behind',
        ownerId: 'grace-okafor',
        dueDate: '2026-06-01',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = (created.data as { id: string }).id;
    const items = body<Inbox>(await inboxOf(platform)).items.filter((item) => item.kind === 'countermeasure');
    expect(items).toContainEqual(
      expect.objectContaining({
        id,
        title: 'Countermeasure: Phishing reports fell behind',
        unitId: 'cso',
        unitName: 'Security (CSO)',
        dueDate: '2026-06-01',
        overdue: true,
        href: `/org/acme/units/cso/bowling/2026?countermeasure=${id}`,
      }),
    );
    expect(items.find((item) => item.id === id)!.href).toMatch(routePattern(routes.bowling));
    expect(items.find((item) => item.id === id)!.values).toMatchObject({
      kind: 'countermeasure',
      problem: 'Phishing reports fell behind',
      kpiTitle: 'Incident types with automated containment',
    });
    const mail = mailsTo('grace.okafor@example.com').at(-1);
    expect(mail?.subject).toBe(
      'Catchball: a countermeasure for "Incident types with automated containment" is yours, due 2026-06-01',
    );
    expect(mail?.text).toContain('Phishing reports fell behind');
    expect(mail?.text).toContain(`/org/acme/units/cso/bowling/2026?countermeasure=${id}`);
    expect(hooks.texts.at(-1)).toContain('you own the countermeasure "Phishing reports fell behind"');
    expect(hooks.texts.at(-1)).toContain(
      `https://catchball.test.example/org/acme/units/cso/bowling/2026?countermeasure=${id}`,
    );
    // Nobody else has it.
    expect(body<Inbox>(await inboxOf(cio)).items.some((item) => item.id === id)).toBe(false);
  });

  it('lists the check-ins due by the digest rule, and drops one once checked in', async () => {
    const { scan } = await t.services.digest.due('acme', { asOf: TODAY });
    const due = scan.stale.filter((item) => item.ownerId === 'lukas-meyer');
    expect(due.length).toBeGreaterThan(0);
    const lukas = await signInAs('usr-lukas', 'lukas-meyer', { role: 'editor', unitId: 'cso' });
    const before = body<Inbox>(await inboxOf(lukas)).items.filter((item) => item.kind === 'check_in');
    expect(before.map((item) => item.id).sort()).toEqual(due.map((item) => item.id).sort());
    const keyResult = before.find((item) => item.id === 'cso-kr1-1');
    expect(keyResult).toMatchObject({ unitName: 'Security (CSO)' });
    expect(keyResult!.title).toMatch(/^Check in on "/);
    expect(keyResult!.values).toMatchObject({ kind: 'check_in', itemKind: 'key_result' });
    expect(keyResult!.href).toMatch(routePattern(routes.okrs));

    const checkIn = await t.call(
      endpoints.checkIns.createCheckIn,
      { body: { keyResultId: keyResult!.id, value: 1, date: TODAY } },
      { headers: lukas },
    );
    expect(checkIn.statusCode).toBe(201);
    const after = body<Inbox>(await inboxOf(lukas)).items.filter((item) => item.kind === 'check_in');
    expect(after.map((item) => item.id)).not.toContain(keyResult!.id);
    expect(after).toHaveLength(before.length - 1);
  });

  it('never lists a key result measured by KPIs as due: its KPIs are, for their owners', async () => {
    const { scan } = await t.services.digest.due('acme', { asOf: TODAY });
    const dueKeyResults = scan.stale.filter((item) => item.kind === 'key_result').map((item) => item.id);
    // The CIO's numeric key results follow KPIs of the CSO's matrix; the board's approval, a
    // milestone, is checked in by hand and stays due.
    expect(dueKeyResults.filter((id) => id.startsWith('cio-'))).toEqual(['cio-kr3-1']);
    // Margaret owns a measured key result (not due) and a KPI (due).
    const cioItems = body<Inbox>(await inboxOf(cio)).items.filter((item) => item.kind === 'check_in');
    expect(cioItems.map((item) => item.id)).toEqual(['cio-k3']);
  });
});
