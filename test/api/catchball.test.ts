import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  KeyResult,
  MatrixItem,
  Proposal,
  ProposalThread,
  TargetHistoryEntry,
} from '../../src/contracts';
import { signInWithRole } from '../support/builders';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

type ErrorJson = { error: { code: string; message: string; details?: { issues?: { path: string }[] } } };

const CSO_OWNER = 'daniel-kovacs';
const CIO_OWNER = 'margaret-osei';

/** A real HTTP receiver for webhooks: records every JSON body it gets. */
async function startReceiver(): Promise<{ server: Server; url: string; received: { text: string }[] }> {
  const received: { text: string }[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let data = '';
    request.on('data', (chunk: Buffer) => (data += chunk.toString()));
    request.on('end', () => {
      received.push(JSON.parse(data) as { text: string });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('catchball', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
    receiver = await startReceiver();
    const hook = await t.call(endpoints.catchball.webhooks.create, {
      body: { organisationId: 'acme', unitId: 'cio', url: receiver.url },
    });
    expect(hook.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  const propose = (payload: object) =>
    t.call(endpoints.catchball.createProposal, {
      body: {
        matrixId: 'cso-2026',
        kpiItemId: 'cso-k2',
        keyResultId: 'cio-kr2-1',
        actorId: CSO_OWNER,
        trials: 4000,
        ...payload,
      },
    });
  const act = (id: string, payload: object) =>
    t.request({ method: 'POST', url: `/api/proposals/${id}/actions`, payload });
  const keyResult = async () =>
    body<KeyResult>(await t.call(endpoints.okrs.keyResults.get, { params: { id: 'cio-kr2-1' } }));

  it('goes up with evidence, is countered, revised, agreed, and changes both targets with history', async () => {
    const created = await propose({ rationale: 'The data lake and ML models get us to about 9 h, not 4 h.' });
    expect(created.statusCode).toBe(201);
    const proposal = body<ProposalThread>(created);
    expect(proposal).toMatchObject({
      state: 'proposed',
      ballWith: 'parent',
      childUnitId: 'cso',
      parentUnitId: 'cio',
      originalTarget: 4,
    });
    expect(proposal.proposedTarget).toBeGreaterThan(8);
    expect(proposal.proposedTarget).toBeLessThan(12);
    expect(proposal.resources.gaps.map((gap) => gap.skill)).toEqual(['LLM ops', 'ML engineering']);
    expect(proposal.resources.summary).toContain('LLM ops');
    expect(proposal.evidence).toMatchObject({ outlook: { targetId: 'cio-kr2-1' }, trials: 4000 });
    expect(receiver.received.at(-1)!.text).toContain('Security (CSO) proposes');
    const openOn = async (unitId: string) =>
      body<{ openCatchballItems: number }>(
        await t.request({ method: 'GET', url: `/api/units/${unitId}/dashboard?cycleId=fy2026` }),
      ).openCatchballItems;
    expect([await openOn('cso'), await openOn('cio'), await openOn('secops')]).toEqual([1, 1, 0]);

    const countered = body<ProposalThread>(
      await act(proposal.id, {
        action: 'counter',
        actorId: CIO_OWNER,
        target: 6,
        comment: 'Six hours, with a contractor for LLM ops?',
        version: proposal.version,
      }),
    );
    expect(countered).toMatchObject({ state: 'countered', ballWith: 'child', proposedTarget: 6 });

    const revised = body<ProposalThread>(
      await act(proposal.id, {
        action: 'revise',
        actorId: CSO_OWNER,
        target: 8,
        resources: {
          summary: 'One LLM ops contractor from March',
          gaps: [{ skill: 'LLM ops', personDays: 100 }],
        },
        comment: 'Eight hours with the contractor; six needs a second ML engineer.',
        version: countered.version,
      }),
    );
    expect(revised).toMatchObject({ state: 'revised', ballWith: 'parent', proposedTarget: 8 });

    const agreed = body<ProposalThread>(
      await act(proposal.id, {
        action: 'agree',
        actorId: CIO_OWNER,
        comment: 'Agreed: 8 h this year.',
        version: revised.version,
      }),
    );
    expect(agreed).toMatchObject({ state: 'agreed', ballWith: null, availableActions: [] });
    expect(await openOn('cso')).toBe(0);
    expect(agreed.events.map((e) => [e.action, e.toState, e.target, e.actorName])).toEqual([
      ['propose', 'proposed', proposal.proposedTarget, 'Daniel Kovacs'],
      ['counter', 'countered', 6, 'Margaret Osei'],
      ['revise', 'revised', 8, 'Daniel Kovacs'],
      ['agree', 'agreed', 8, 'Margaret Osei'],
    ]);
    expect(agreed.events[2]!.resources.summary).toBe('One LLM ops contractor from March');

    expect((await keyResult()).target).toBe(8);
    const kpi = body<MatrixItem>(await t.call(endpoints.matrices.getItem, { params: { id: 'cso-k2' } }));
    expect(kpi.target).toBe(8);
    const history = body<TargetHistoryEntry[]>(
      await t.call(endpoints.catchball.keyResultTargetHistory, { params: { id: 'cio-kr2-1' } }),
    );
    expect(history).toMatchObject([
      {
        oldTarget: 4,
        newTarget: 8,
        changedBy: CIO_OWNER,
        changedByName: 'Margaret Osei',
        proposalId: proposal.id,
      },
    ]);
    expect(history[0]!.reason).toContain('Agreed: 8 h this year.');
    const kpiHistory = body<TargetHistoryEntry[]>(
      await t.call(endpoints.catchball.kpiTargetHistory, { params: { id: 'cso-k2' } }),
    );
    // The CSO's KPI already planned 8 h: an unchanged value leaves no entry.
    expect(kpiHistory).toEqual([]);

    // An ordinary edit is recorded too, so the history shows every value the target has had.
    const edited = await t.call(endpoints.okrs.keyResults.update, {
      params: { id: 'cio-kr2-1' },
      body: { version: (await keyResult()).version, target: 7.5 },
    });
    expect(edited.statusCode).toBe(200);
    const full = body<TargetHistoryEntry[]>(
      await t.call(endpoints.catchball.keyResultTargetHistory, { params: { id: 'cio-kr2-1' } }),
    );
    expect(full.map((entry) => [entry.oldTarget, entry.newTarget, entry.reason.split(' ')[0]])).toEqual([
      [4, 8, 'Agreed'],
      [8, 7.5, 'Edited'],
    ]);

    const inbox = body<Proposal[]>(
      await t.call(endpoints.catchball.listUnitProposals, {
        params: { id: 'cio' },
        query: { state: 'closed' },
      }),
    );
    expect(inbox.map((p) => p.id)).toContain(proposal.id);
    const person = body<Proposal[]>(
      await t.call(endpoints.catchball.listPersonProposals, { params: { id: CSO_OWNER }, query: {} }),
    );
    expect(person.map((p) => p.id)).toContain(proposal.id);
    // The CIO's hook heard the proposal and the revision; the CSO has no hook of its own.
    expect(receiver.received.map((m) => m.text.split(' "')[0])).toEqual([
      'Catchball: Security (CSO) proposes',
      'Catchball: Security (CSO) revises',
    ]);
  });

  describe('refuses what is not allowed, and nothing changes', () => {
    let open: ProposalThread;
    beforeAll(async () => {
      open = body<ProposalThread>(await propose({ keyResultId: 'cio-kr2-2', kpiItemId: 'cso-k3' }));
      expect(open.state).toBe('proposed');
    });

    const unchanged = async () => {
      const now = body<ProposalThread>(
        await t.call(endpoints.catchball.getProposal, { params: { id: open.id } }),
      );
      expect(now).toEqual(open);
    };

    it('an action by someone who owns neither unit (403)', async () => {
      const response = await act(open.id, { action: 'agree', actorId: 'ravi-menon', version: open.version });
      expect(response.statusCode).toBe(403);
      expect(body<ErrorJson>(response).error).toMatchObject({ code: 'forbidden' });
      await unchanged();
    });

    it('the child agreeing to its own proposal (403)', async () => {
      expect(
        (await act(open.id, { action: 'agree', actorId: CSO_OWNER, version: open.version })).statusCode,
      ).toBe(403);
      await unchanged();
    });

    it('an illegal transition (409) naming the open actions', async () => {
      const response = await act(open.id, {
        action: 'revise',
        actorId: CSO_OWNER,
        target: 30,
        version: open.version,
      });
      expect(response.statusCode).toBe(409);
      expect(body<ErrorJson>(response).error.code).toBe('illegal_transition');
      expect(body<ErrorJson>(response).error.message).toContain(
        'open actions: question, counter, agree, withdraw, reject',
      );
      await unchanged();
    });

    it('a stale version (409)', async () => {
      const response = await act(open.id, {
        action: 'question',
        actorId: CIO_OWNER,
        comment: 'Why?',
        version: open.version + 1,
      });
      expect(body<ErrorJson>(response).error.code).toBe('version_conflict');
      await unchanged();
    });

    it('a counter target on the wrong side of the baseline (422)', async () => {
      const response = await act(open.id, {
        action: 'counter',
        actorId: CIO_OWNER,
        target: 80,
        version: open.version,
      });
      expect(response.statusCode).toBe(422);
      expect(body<ErrorJson>(response).error.code).toBe('inconsistent_target');
      await unchanged();
    });

    it('a proposal by someone who does not own the child unit (403)', async () => {
      const response = await propose({ actorId: CIO_OWNER });
      expect(response.statusCode).toBe(403);
    });

    it('a KPI of another unit, and a key result of an unrelated unit (400 naming the field)', async () => {
      const kpi = await propose({ kpiItemId: 'cio-k2' });
      expect(kpi.statusCode).toBe(400);
      expect(body<ErrorJson>(kpi).error.details?.issues?.[0]?.path).toBe('kpiItemId');
      await t.call(endpoints.okrs.objectives.create, {
        body: { id: 'plat-o', unitId: 'platform', cycleId: 'fy2026', title: 'Platform' },
      });
      await t.call(endpoints.okrs.keyResults.create, {
        body: {
          id: 'plat-kr',
          objectiveId: 'plat-o',
          title: 'Up',
          kind: 'increase',
          baseline: 1,
          target: 2,
        },
      });
      const kr = await propose({ keyResultId: 'plat-kr' });
      expect(kr.statusCode).toBe(400);
      expect(body<ErrorJson>(kr).error.details?.issues?.[0]?.path).toBe('keyResultId');
      const inbox = body<Proposal[]>(
        await t.call(endpoints.catchball.listUnitProposals, {
          params: { id: 'cso' },
          query: { state: 'open' },
        }),
      );
      expect(inbox.map((p) => p.id)).toEqual([open.id]);
    });

    it('a webhook that is not an http(s) URL (400)', async () => {
      const response = await t.call(endpoints.catchball.webhooks.create, {
        body: { organisationId: 'acme', url: 'ftp://x' },
      });
      expect(response.statusCode).toBe(400);
      expect(body<ErrorJson>(response).error.details?.issues?.[0]?.path).toBe('body.url');
    });

    it('then withdraws, and the loop is over', async () => {
      const withdrawn = body<ProposalThread>(
        await act(open.id, {
          action: 'withdraw',
          actorId: CSO_OWNER,
          comment: 'Handled in the MTTD proposal',
          version: open.version,
        }),
      );
      expect(withdrawn.state).toBe('withdrawn');
      expect(
        (await act(open.id, { action: 'agree', actorId: CIO_OWNER, version: withdrawn.version })).statusCode,
      ).toBe(409);
      expect((await keyResult()).target).toBe(7.5);
    });
  });

  describe('as signed-in people: the unit owners act as themselves', () => {
    /** Signs in a user linked to a person of the demo (so their ownerships are theirs), with a role. */
    const personUser = async (personId: string, role: 'viewer' | 'editor', unitId: string) => {
      const id = `usr-${personId}`;
      const headers = await signInWithRole(t, id, { role, unitId });
      await t.store.db.updateTable('people').set({ userId: id }).where('id', '=', personId).execute();
      return headers;
    };

    it('lets the CSO throw the ball without naming anyone, the CIO answer, and nobody act as another', async () => {
      const cso = await personUser(CSO_OWNER, 'viewer', 'cso');
      const cio = await personUser(CIO_OWNER, 'viewer', 'cio');
      const editor = await signInWithRole(t, 'usr-plain-editor', { role: 'editor', unitId: 'cso' });
      const payload = { matrixId: 'cso-2026', kpiItemId: 'cso-k2', keyResultId: 'cio-kr2-1', trials: 2000 };
      const thrown = await t.call(endpoints.catchball.createProposal, { body: payload }, { headers: cso });
      expect(thrown.statusCode).toBe(201);
      const proposal = body<{ id: string; version: number; events: { actorId: string | null }[] }>(thrown);
      expect(proposal.events[0]?.actorId).toBe(CSO_OWNER);
      // An editor of the unit who does not own it may not throw the ball; nor may the CSO pose as the CIO.
      expect(
        (await t.call(endpoints.catchball.createProposal, { body: payload }, { headers: editor })).statusCode,
      ).toBe(403);
      const posing = await t.call(
        endpoints.catchball.actOnProposal,
        {
          params: { id: proposal.id },
          body: { action: 'question', actorId: CIO_OWNER, comment: 'posing', version: proposal.version },
        },
        { headers: cso },
      );
      expect(posing.statusCode).toBe(403);
      const answered = await t.call(
        endpoints.catchball.actOnProposal,
        {
          params: { id: proposal.id },
          body: { action: 'question', comment: 'Which initiatives move it?', version: proposal.version },
        },
        { headers: cio },
      );
      expect(answered.statusCode).toBe(200);
      expect(body<{ events: { actorId: string | null }[] }>(answered).events.at(-1)?.actorId).toBe(CIO_OWNER);
    });
  });
});
