import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementEffects } from '../../src/core/agreement-effects';
import type {
  LintReport,
  MatrixItem,
  ProposalThread,
  TargetHistoryEntry,
  XMatrixView,
} from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

const CSO_OWNER = 'daniel-kovacs';
const CIO_OWNER = 'margaret-osei';

describe('an agreement leaves the plan consistent', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Mid-July: the agreement re-paths July to December.
    t = await createTestApp({ services: { clock: () => '2026-07-15' } });
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const kpi = async () =>
    body<MatrixItem>(await t.call(endpoints.matrices.getItem, { params: { id: 'cso-k2' } }));
  const statusOf = async (matrixId: string, itemId: string) =>
    body<XMatrixView>(await t.call(endpoints.matrices.get, { params: { id: matrixId } })).sourceStatus.find(
      (s) => s.itemId === itemId,
    );
  const lint = async (matrixId: string) =>
    body<LintReport>(await t.call(endpoints.feasibility.lint, { params: { id: matrixId } })).findings;

  it('shows what agreeing changes, then re-paths the plan, settles the translated items and flags stale titles', async () => {
    const before = await kpi();
    expect(before.monthlyPlan).toEqual([24, 23, 22, 20, 18, 16, 15, 13, 12, 10, 9, 8]);
    expect((await lint('cso-2026')).filter((f) => f.code === 'title_number_mismatch')).toEqual([]);

    const created = await t.call(endpoints.catchball.createProposal, {
      body: {
        matrixId: 'cso-2026',
        kpiItemId: 'cso-k2',
        keyResultId: 'cio-kr2-1',
        actorId: CSO_OWNER,
        proposedTarget: 10,
        trials: 1000,
        rationale: 'The data lake and ML models get us to about 10 h, not 4 h.',
      },
    });
    expect(created.statusCode).toBe(201);
    const proposal = body<ProposalThread>(created);

    // The thread carries what an agreement acts on; the same core function shows the effects.
    expect(proposal.agreement).toMatchObject({
      monthIndex: 6,
      keyResult: { id: 'cio-kr2-1', target: 4 },
      kpi: { id: 'cso-k2', target: 8 },
    });
    expect(proposal.agreement.followers.map((f) => f.id).sort()).toEqual(
      ['cio-af2', 'cio-k2', 'cso-af2', 'cso-k2'].sort(),
    );
    const preview = agreementEffects(proposal.agreement, 10);
    expect(preview.targets.map((c) => [c.id, c.from, c.to])).toEqual([
      ['cio-kr2-1', 4, 10],
      ['cso-k2', 8, 10],
    ]);
    // July's step (16 → 15) is the same on both paths, so it does not count as a change.
    expect(preview.plan?.changes.map((c) => [c.month, c.from, c.to])).toEqual([
      [8, 13, 14],
      [9, 12, 13],
      [10, 10, 12],
      [11, 9, 11],
      [12, 8, 10],
    ]);

    const agreed = await t.call(endpoints.catchball.actOnProposal, {
      params: { id: proposal.id },
      body: {
        action: 'agree',
        actorId: CIO_OWNER,
        comment: 'Ten hours this year.',
        version: proposal.version,
      },
    });
    expect(agreed.statusCode).toBe(200);

    // January to June stay; from July an even path from June's 16 h to the new 10 h.
    const after = await kpi();
    expect(after.target).toBe(10);
    expect(after.monthlyPlan).toEqual([24, 23, 22, 20, 18, 16, 15, 14, 13, 12, 11, 10]);
    expect(after.monthlyPlan).toEqual(preview.plan?.next);

    // The agreement's own edit raises no "source changed" on the items it settles…
    for (const [matrixId, itemId] of [
      ['cso-2026', 'cso-k2'],
      ['cso-2026', 'cso-af2'],
      ['cio-2026', 'cio-af2'],
    ] as const)
      expect(await statusOf(matrixId, itemId), itemId).toMatchObject({ tracked: true, sourceChanged: false });
    // …but the CIO's own KPI still plans 4 h against a key result of 10 h: that is real drift.
    expect(await statusOf('cio-2026', 'cio-k2')).toMatchObject({ sourceChanged: true });

    // Titles that still say "to 4 h" are flagged for editing, on the proposal and in the lint.
    const result = body<ProposalThread>(agreed);
    expect(
      agreementEffects(result.agreement, result.proposedTarget)
        .titles.map((title) => title.id)
        .sort(),
    ).toEqual(['cio-af2', 'cio-kr2-1', 'cso-af2']);
    const csoLint = (await lint('cso-2026')).filter((f) => f.code === 'title_number_mismatch');
    expect(csoLint.map((f) => [f.severity, f.itemIds])).toEqual([['warning', ['cso-af2']]]);
    expect(csoLint[0]!.message).toContain('Cut MTTD for critical alerts from 24 h to 4 h');
    const cioLint = (await lint('cio-2026')).filter((f) => f.code === 'title_number_mismatch');
    expect(cioLint.flatMap((f) => f.itemIds).sort()).toEqual(['cio-af2', 'cio-kr2-1']);

    // The key result's history says why it changed, and links the proposal.
    const history = body<TargetHistoryEntry[]>(
      await t.call(endpoints.catchball.keyResultTargetHistory, { params: { id: 'cio-kr2-1' } }),
    );
    expect(history).toMatchObject([{ oldTarget: 4, newTarget: 10, proposalId: proposal.id }]);
    expect(history[0]!.reason).toContain('Ten hours this year.');
    const kpiHistory = body<TargetHistoryEntry[]>(
      await t.call(endpoints.catchball.kpiTargetHistory, { params: { id: 'cso-k2' } }),
    );
    expect(kpiHistory).toMatchObject([{ oldTarget: 8, newTarget: 10, proposalId: proposal.id }]);
  });
});
