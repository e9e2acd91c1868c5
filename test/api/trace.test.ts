import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ErrorBody,
  MatrixItem,
  Orphan,
  SourceStatus,
  StrategyMap,
  Trace,
  XMatrixView,
} from '../../src/contracts';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

describe('cascade, trace, strategy map and orphans', () => {
  let t: TestApp;
  let cascaded: MatrixItem;
  const cascade = (itemId: string, payload: object) =>
    t.request({ method: 'POST', url: `/api/matrix-items/${itemId}/cascade`, payload });
  const keys = (steps: { node: { key: string } }[]) => steps.map((step) => step.node.key);

  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  it("cascades a parent's initiative into a child unit's annual objective, with links both ways", async () => {
    const response = await cascade('cso-i3', { toUnitId: 'secops', year: 2026, as: 'how_far' });
    expect(response.statusCode).toBe(201);
    const result = body<{ item: MatrixItem; sourceStatus: SourceStatus }>(response);
    cascaded = result.item;
    expect(cascaded).toMatchObject({ part: 'how_far', sourceItemId: 'cso-i3' });
    expect(result.sourceStatus).toMatchObject({
      sourceKind: 'item',
      sourceId: 'cso-i3',
      sourceChanged: false,
    });

    const parent = body<XMatrixView>(
      await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'cso', year: 2026 } }),
    );
    expect(parent.cascades).toHaveLength(1);
    expect(parent.cascades[0]?.parent).toMatchObject({ itemId: 'cso-i3', unitId: 'cso' });
    expect(parent.cascades[0]?.child).toMatchObject({
      itemId: cascaded.id,
      unitId: 'secops',
      unitName: 'Security Operations (SOC)',
    });
    const child = body<XMatrixView>(
      await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'secops', year: 2026 } }),
    );
    expect(child.cascades[0]?.parent.itemId).toBe('cso-i3');

    const again = await cascade('cso-i3', { toUnitId: 'secops', year: 2026, as: 'what' });
    expect(again.statusCode).toBe(409);
  });

  it('keeps the cascade link through export → import → export, and refuses a link to nothing', async () => {
    const exported = await t.services.planExport.exportPlan('acme');
    const secops = exported.matrices.find((m) => m.unitId === 'secops');
    expect(secops?.howFar.find((item) => item.id === cascaded.id)?.sourceItemId).toBe('cso-i3');
    await t.services.planImport.importPlan(exported, { replace: true });
    expect(await t.services.planExport.exportPlan('acme')).toEqual(exported);
    const broken = structuredClone(exported);
    broken.organisation.id = 'acme-copy';
    const item = broken.matrices.find((m) => m.unitId === 'secops')?.howFar[0];
    if (item) item.sourceItemId = 'nothing-here';
    await expect(t.services.planImport.importPlan(broken)).rejects.toThrow(
      /sourceItemId: no initiative with id nothing-here/,
    );
  });

  it('refuses to cascade anything but an initiative, or to a unit not below', async () => {
    const notHow = await cascade('cso-k1', { toUnitId: 'secops', year: 2026, as: 'what' });
    expect(notHow.statusCode).toBe(400);
    const notBelow = await cascade('cso-i1', { toUnitId: 'platform', year: 2026, as: 'what' });
    expect(notBelow.statusCode).toBe(400);
    expect(body<ErrorBody>(notBelow).error.message).toContain('toUnitId');
  });

  it('marks a cascaded item when the parent initiative is renamed', async () => {
    const parent = body<MatrixItem>(await t.call(endpoints.matrices.getItem, { params: { id: 'cso-i3' } }));
    await t.call(endpoints.matrices.updateItem, {
      params: { id: 'cso-i3' },
      body: { version: parent.version, title: 'SOAR containment for the top 20 incident types' },
    });
    const child = body<XMatrixView>(
      await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'secops', year: 2026 } }),
    );
    expect(child.sourceStatus.find((s) => s.itemId === cascaded.id)).toMatchObject({
      sourceChanged: true,
      after: { title: 'SOAR containment for the top 20 incident types' },
    });
  });

  it('traces a KPI up to the CIO objective and down to its owners, and an initiative into the child unit', async () => {
    const kpi = body<Trace>(
      await t.call(endpoints.translations.trace, { params: { kind: 'kpi', id: 'cso-k2' } }),
    );
    expect(kpi.start).toMatchObject({ key: 'item:cso-k2', part: 'how_much', unitId: 'cso' });
    expect(keys(kpi.up)).toEqual(
      expect.arrayContaining(['objective:cio-o2', 'key_result:cio-kr2-1', 'item:cso-bo2']),
    );
    const initiative = body<Trace>(
      await t.call(endpoints.translations.trace, { params: { kind: 'initiative', id: 'cso-i3' } }),
    );
    expect(keys(initiative.down)).toContain(`item:${cascaded.id}`);
    expect(initiative.down.find((s) => s.node.key === `item:${cascaded.id}`)?.node.unitId).toBe('secops');
    const kr = body<Trace>(
      await t.call(endpoints.translations.trace, { params: { kind: 'key_result', id: 'cio-kr2-1' } }),
    );
    expect(keys(kr.up)).toEqual(['objective:cio-o2']);
    expect(keys(kr.down)).toEqual(
      expect.arrayContaining(['objective:cso-o2', 'item:cso-af2', 'item:cio-k2']),
    );
    expect(
      (await t.call(endpoints.translations.trace, { params: { kind: 'kpi', id: 'cso-i1' } })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/trace/team/cso-i1' })).statusCode).toBe(400);
  });

  it("leaves out of a trace the units the caller may not read (a sibling's work under a shared objective)", async () => {
    const units = (trace: Trace) => new Set([...trace.up, ...trace.down].map((step) => step.node.unitId));
    const trace = { params: { kind: 'objective', id: 'cio-o1' } } as const;
    const platform = await t.call(endpoints.okrs.objectives.create, {
      body: {
        unitId: 'platform',
        cycleId: 'fy2026',
        title: 'Platform for AI ops',
        alignedObjectiveId: 'cio-o1',
      },
    });
    expect(platform.statusCode).toBe(201);
    const everything = units(body<Trace>(await t.call(endpoints.translations.trace, trace)));
    const viewer = await t.signIn({ id: 'usr-trace-viewer' });
    await t.store.db
      .insertInto('roleAssignments')
      .values({
        id: 'ra-trace',
        organisationId: 'acme',
        unitId: 'cso',
        userId: 'usr-trace-viewer',
        role: 'viewer',
      })
      .execute();
    const tree = body<{ id: string; parentId: string | null }[]>(
      await t.call(endpoints.organisations.listUnits, { params: { id: 'acme' } }),
    );
    const below = (id: string): string[] => [
      id,
      ...tree.filter((u) => u.parentId === id).flatMap((u) => below(u.id)),
    ];
    const visible = new Set(['cio', ...below('cso')]);
    expect([...everything].some((unit) => !visible.has(unit))).toBe(true);
    const seen = units(body<Trace>(await t.call(endpoints.translations.trace, trace, { headers: viewer })));
    expect([...seen].every((unit) => visible.has(unit))).toBe(true);
    expect(seen.has('cso')).toBe(true);
  });

  it('draws the organisation as a graph of units, OKRs, matrices and links', async () => {
    const map = body<StrategyMap>(
      await t.call(endpoints.translations.strategyMap, { params: { id: 'acme' } }),
    );
    const kinds = new Set(map.nodes.map((node) => node.kind));
    expect([...kinds].sort()).toEqual(['item', 'key_result', 'matrix', 'objective', 'unit']);
    expect(map.edges).toContainEqual({ from: 'unit:cio', to: 'unit:cso', kind: 'contains', strength: null });
    expect(map.edges).toContainEqual({
      from: 'objective:cio-o1',
      to: 'objective:cso-o1',
      kind: 'aligns',
      strength: null,
    });
    expect(map.edges).toContainEqual({
      from: 'item:cso-i3',
      to: `item:${cascaded.id}`,
      kind: 'cascades',
      strength: null,
    });
    const keySet = new Set(map.nodes.map((node) => node.key));
    expect(map.edges.every((edge) => keySet.has(edge.from) && keySet.has(edge.to))).toBe(true);
  });

  it('lists orphans of a matrix and of the organisation', async () => {
    const secops = body<XMatrixView>(
      await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'secops', year: 2026 } }),
    );
    const orphans = body<Orphan[]>(
      await t.call(endpoints.translations.matrixOrphans, { params: { id: secops.matrix.id } }),
    );
    expect(orphans).toContainEqual(
      expect.objectContaining({ reason: 'annual_without_initiative', id: cascaded.id }),
    );
    const all = body<Orphan[]>(
      await t.call(endpoints.translations.organisationOrphans, { params: { id: 'acme' } }),
    );
    // The CIO's copilot key result is served by no unit below (Platform Engineering has no OKRs or matrix).
    expect(all).toContainEqual(
      expect.objectContaining({ reason: 'unsupported_parent_key_result', id: 'cio-kr1-2' }),
    );
    expect(all.some((orphan) => orphan.id === cascaded.id)).toBe(true);
    expect((await t.call(endpoints.translations.matrixOrphans, { params: { id: 'nope' } })).statusCode).toBe(
      404,
    );
  });
});
