import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyResult, LintReport, MatrixItem, XMatrixView } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

/**
 * The publish gates a coach would otherwise miss, each caused the way a person causes it: through
 * the same API the web app edits the matrix with.
 */
describe('the plan lint gates on an edited demo matrix', () => {
  let t: TestApp;
  let view: XMatrixView;
  const lint = async () =>
    body<LintReport>(await t.call(endpoints.feasibility.lint, { params: { id: 'cso-2026' } }));
  const findingsOf = async (code: string) => (await lint()).findings.filter((f) => f.code === code);

  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
    view = body<XMatrixView>(await t.call(endpoints.matrices.get, { params: { id: 'cso-2026' } }));
  });
  afterAll(() => t.close());

  it('gates a breakthrough whose only support is weak', async () => {
    expect(await findingsOf('weakly_supported_breakthrough')).toEqual([]);
    const cell = view.correlations.find((c) => c.fromId === 'cso-bo3' && c.grid === 'what_how_far')!;
    const weakened = await t.request({
      method: 'PUT',
      url: '/api/matrices/cso-2026/correlations',
      payload: { aId: cell.fromId, bId: cell.toId, strength: 'weak', version: cell.version },
    });
    expect(weakened.statusCode).toBe(200);
    const [finding] = await findingsOf('weakly_supported_breakthrough');
    expect(finding).toMatchObject({ severity: 'error', itemIds: ['cso-bo3'] });
    expect(finding!.message).toMatch(/^Breakthrough ".+" is supported only by weak marks/);
    expect((await lint()).passed).toBe(false);
  });

  it('gates a KPI that no initiative moves', async () => {
    const added = await t.call(endpoints.matrices.createItem, {
      params: { id: 'cso-2026' },
      body: {
        part: 'how_much',
        title: 'Phishing click rate',
        baseline: 12,
        target: 4,
        direction: 'decrease',
      },
    });
    expect(added.statusCode).toBe(201);
    const kpi = body<MatrixItem>(added);
    const [finding] = await findingsOf('kpi_not_moved');
    expect(finding).toMatchObject({
      severity: 'error',
      itemIds: [kpi.id],
      values: { title: 'Phishing click rate' },
    });
    expect(finding!.message).toBe(
      'KPI "Phishing click rate" is moved by no initiative, so nothing in this plan can reach its target',
    );
  });

  it('flags an initiative dated outside the plan year', async () => {
    const item = body<MatrixItem>(await t.call(endpoints.matrices.getItem, { params: { id: 'cso-i6' } }));
    const moved = await t.call(endpoints.matrices.updateItem, {
      params: { id: item.id },
      body: { version: item.version, startDate: '2027-02-01', endDate: '2027-09-30' },
    });
    expect(moved.statusCode).toBe(200);
    const [finding] = await findingsOf('initiative_outside_year');
    expect(finding).toMatchObject({ severity: 'error', itemIds: ['cso-i6'] });
    expect(finding!.message).toContain('runs 2027-02-01 – 2027-09-30, entirely outside 2026');
  });

  it('asks for a baseline instead of counting a missing one as 0', async () => {
    const listed = await t.call(endpoints.okrs.keyResults.get, { params: { id: 'cso-kr1-1' } });
    const kr = body<KeyResult>(listed);
    const cleared = await t.call(endpoints.okrs.keyResults.update, {
      params: { id: kr.id },
      body: { version: kr.version, baseline: null },
    });
    expect(cleared.statusCode).toBe(200);
    const [finding] = await findingsOf('missing_baseline_or_target');
    expect(finding).toMatchObject({ itemIds: ['cso-kr1-1'] });
    expect(finding!.message).toContain('needs a baseline');
  });

  it('writes every message in words: part names, never enum keys', async () => {
    for (let n = 0; n < 5; n++)
      await t.call(endpoints.matrices.createItem, {
        params: { id: 'cso-2026' },
        body: { part: 'how_far', title: `Extra annual objective ${n + 1}` },
      });
    const messages = (await lint()).findings.map((f) => f.message);
    expect(messages.some((m) => m.includes('items in Annual objectives'))).toBe(true);
    for (const message of messages) expect(message).not.toMatch(/\b(how_far|how_much|what|how|who)\b(?! )/);
  });
});
