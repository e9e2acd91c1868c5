import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ErrorBody,
  MatrixItem,
  SourceStatus,
  TranslationProposal,
  TranslationResult,
  XMatrixView,
} from '../../src/contracts';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

describe('translate a parent unit’s OKRs into a child X-matrix', () => {
  let t: TestApp;
  const scope = { fromUnitId: 'cio', toUnitId: 'secops', cycleId: 'fy2026' };
  const preview = (payload: object) =>
    t.request({ method: 'POST', url: '/api/translations/preview', payload });
  const apply = (payload: object) => t.request({ method: 'POST', url: '/api/translations/apply', payload });
  const issuesOf = (response: { data: unknown }) =>
    (body<ErrorBody>(response).error.details as { issues: { path: string; message: string }[] }).issues;

  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  it('proposes one What per objective, one How Far and one KPI per key result, with grids pre-filled', async () => {
    const response = await preview(scope);
    expect(response.statusCode).toBe(200);
    const proposal = body<TranslationProposal>(response);
    expect(proposal.year).toBe(2026);
    expect(proposal.what.map((w) => w.sourceObjectiveId)).toEqual(['cio-o1', 'cio-o2', 'cio-o3']);
    expect(proposal.howFar).toHaveLength(8);
    expect(proposal.howMuch).toHaveLength(8);
    expect(proposal.howFar.find((h) => h.sourceKeyResultId === 'cio-kr3-2')?.title).toContain('80');
    const mttd = proposal.howMuch.find((k) => k.sourceKeyResultId === 'cio-kr2-1');
    expect(mttd).toMatchObject({ direction: 'decrease', baseline: 24, target: 4, unitOfMeasure: 'h' });
    const band = proposal.howMuch.find((k) => k.sourceKeyResultId === 'cio-kr1-3');
    expect(band).toMatchObject({ direction: 'band', target: 2, targetHigh: 5 });
    // 8 What × How Far marks and 8 How Much × What marks, one per key result.
    expect(proposal.correlations).toHaveLength(16);
    expect(proposal.who.map((w) => w.personId)).toEqual([
      'aisha-bello',
      'lukas-meyer',
      'sofia-alvarez',
      'kenji-watanabe',
    ]);
  });

  it("puts the unit's owner first in the Who block even when their person sits in another unit", async () => {
    // Security Architecture led by Platform's Grace Okafor: she carries its work with its own people.
    await t.store.db
      .updateTable('units')
      .set({ ownerId: 'grace-okafor' })
      .where('id', '=', 'sec-arch')
      .execute();
    const response = await preview({ fromUnitId: 'cso', toUnitId: 'sec-arch', cycleId: 'fy2026' });
    expect(response.statusCode).toBe(200);
    const who = body<TranslationProposal>(response).who.map((w) => w.personId);
    expect(who).toEqual(['grace-okafor', 'priya-raman', 'tomas-lindqvist']);
  });

  it('applies an edited proposal (merge, split, an initiative, owners) in one go, with links in the matrix', async () => {
    const proposal = body<TranslationProposal>(await preview(scope));
    const [first, second, third] = proposal.what;
    // Merge objective 3 into objective 1, split objective 2 into two breakthroughs.
    first!.mergedObjectiveIds = ['cio-o3'];
    first!.title = 'AI-first, governed SOC';
    const split = { ...second!, key: 'what-2b', title: 'Contain automatically' };
    proposal.what = [first!, second!, split];
    expect(third).toBeDefined();
    proposal.how = [
      {
        key: 'how-1',
        title: 'SOAR playbooks for top incidents',
        description: '',
        startDate: null,
        endDate: null,
      },
    ];
    proposal.owners = [{ initiative: 'how-1', who: 'who-1', role: 'primary' }];
    const prefilled = body<TranslationProposal>(
      await t.call(endpoints.translations.prefill, { body: proposal }),
    );
    const howFarMttd = prefilled.howFar.find((h) => h.sourceKeyResultId === 'cio-kr2-1')!;
    prefilled.correlations.push({ from: howFarMttd.key, to: 'how-1', strength: 'strong' });
    expect(prefilled.correlations.filter((c) => c.from === 'what-2b' || c.to === 'what-2b')).toHaveLength(6);

    const response = await apply(prefilled);
    expect(response.statusCode).toBe(201);
    const result = body<TranslationResult>(response);
    expect(result.createdMatrix).toBe(true);
    expect(result.counts).toMatchObject({ what: 3, howFar: 8, how: 1, howMuch: 8, who: 4, owners: 1 });
    const view = body<XMatrixView>(
      await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'secops', year: 2026 } }),
    );
    expect(view.items.what.map((w) => w.sourceObjectiveId)).toEqual(['cio-o1', 'cio-o2', 'cio-o2']);
    expect(view.items.how_far.every((h) => h.sourceKeyResultId !== null)).toBe(true);
    expect(view.correlations).toHaveLength(result.counts.correlations);
    expect(view.sourceStatus).toHaveLength(3 + 8 + 8);
    expect(view.sourceStatus.every((s) => s.tracked && !s.sourceChanged)).toBe(true);
    expect(view.sources.some((s) => s.id === 'cio-kr2-1' && s.unitId === 'cio')).toBe(true);
  });

  it('shows "source changed" after the parent key result changes, until accepted or answered', async () => {
    const kr = await t.call(endpoints.okrs.keyResults.get, { params: { id: 'cio-kr2-1' } });
    const { version } = body<{ version: number }>(kr);
    await t.call(endpoints.okrs.keyResults.update, {
      params: { id: 'cio-kr2-1' },
      body: { version, title: 'Reduce MTTD from 24 h to 2 h', target: 2 },
    });
    const view = body<XMatrixView>(
      await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'secops', year: 2026 } }),
    );
    const changed = view.sourceStatus.filter((s) => s.sourceChanged);
    expect(changed).toHaveLength(2);
    expect(changed[0]).toMatchObject({ before: { target: 4 }, after: { target: 2 } });
    const howFar = view.items.how_far.find((h) => h.sourceKeyResultId === 'cio-kr2-1')!;
    const kpi = view.items.how_much.find((k) => k.sourceKeyResultId === 'cio-kr2-1')!;

    const accepted = await t.call(endpoints.translations.acceptSource, {
      params: { id: howFar.id },
      body: { version: howFar.version },
    });
    expect(accepted.statusCode).toBe(200);
    const acceptedBody = body<{ item: MatrixItem; sourceStatus: SourceStatus }>(accepted);
    expect(acceptedBody.item.title).toBe('Reduce MTTD from 24 h to 2 h');
    expect(acceptedBody.sourceStatus.sourceChanged).toBe(false);

    const emptyAnswer = await t.call(endpoints.translations.answerSource, {
      params: { id: kpi.id },
      body: { version: kpi.version, comment: ' ' },
    });
    expect(emptyAnswer.statusCode).toBe(400);
    const answered = await t.call(endpoints.translations.answerSource, {
      params: { id: kpi.id },
      body: { version: kpi.version, comment: '4 h is what the SOC can reach this year' },
    });
    const answeredBody = body<{ item: MatrixItem; sourceStatus: SourceStatus }>(answered);
    expect(answeredBody.item.target).toBe(4);
    expect(answeredBody.sourceStatus).toMatchObject({
      sourceChanged: false,
      answer: '4 h is what the SOC can reach this year',
    });
    const stale = await t.call(endpoints.translations.acceptSource, {
      params: { id: kpi.id },
      body: { version: kpi.version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('extends an existing matrix rather than creating a second one', async () => {
    const proposal = body<TranslationProposal>(await preview({ ...scope, year: 2026 }));
    proposal.what = proposal.what.slice(0, 1);
    proposal.howFar = [];
    proposal.howMuch = [];
    proposal.correlations = [];
    const result = body<TranslationResult>(await apply(proposal));
    expect(result.createdMatrix).toBe(false);
    expect(result.counts.who).toBe(0);
    expect(result.view.items.what).toHaveLength(4);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const notBelow = await preview({ ...scope, fromUnitId: 'secops', toUnitId: 'cio' });
    expect(notBelow.statusCode).toBe(400);
    expect(issuesOf(notBelow)[0]?.path).toBe('toUnitId');
    expect(issuesOf(notBelow)[0]?.message).toContain('not below');
    await t.services.organisations.create({ id: 'other', name: 'Other Co' });
    await t.services.units.create({ id: 'other-unit', organisationId: 'other', name: 'Elsewhere' });
    const foreign = await preview({ ...scope, toUnitId: 'other-unit' });
    expect(issuesOf(foreign)[0]?.path).toBe('toUnitId');
    expect(issuesOf(foreign)[0]?.message).toContain('no unit');
    expect((await preview({ ...scope, fromUnitId: 'nowhere' })).statusCode).toBe(400);

    const proposal = body<TranslationProposal>(await preview({ ...scope, toUnitId: 'sec-arch' }));
    const empty = await apply({ ...proposal, what: [], howFar: [], how: [], howMuch: [], correlations: [] });
    expect(empty.statusCode).toBe(400);
    expect(issuesOf(empty)[0]?.path).toBe('what');
    expect(issuesOf(empty)[0]?.message).toContain('empty');
    proposal.howFar[1]!.sourceKeyResultId = 'cso-kr1-1';
    proposal.what[0]!.sourceObjectiveId = 'cso-o1';
    proposal.correlations.push({ from: 'what-1', to: 'what-2', strength: 'weak' });
    const foreignSource = await apply(proposal);
    expect(foreignSource.statusCode).toBe(400);
    expect(issuesOf(foreignSource).map((issue) => issue.path)).toEqual([
      'what[0].sourceObjectiveId',
      'howFar[1].sourceKeyResultId',
      `correlations[${proposal.correlations.length - 1}]`,
    ]);
    expect(
      (await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'sec-arch', year: 2026 } }))
        .statusCode,
    ).toBe(404);
  });
});
