import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Correlation, ErrorBody, MatrixItem, Ownership, XMatrixView } from '../../src/contracts';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

describe('the X-matrix', () => {
  let t: TestApp;
  let view: XMatrixView;
  const load = async () =>
    body<XMatrixView>(
      await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'cso', year: 2026 } }),
    );
  const setCell = (payload: object) =>
    t.request({ method: 'PUT', url: '/api/matrices/cso-2026/correlations', payload });
  const setOwner = (payload: object) =>
    t.request({ method: 'PUT', url: '/api/matrices/cso-2026/ownerships', payload });

  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  beforeEach(async () => {
    view = await load();
  });
  afterAll(() => t.close());

  it("returns a unit's whole matrix: five parts in order, grids, owners, people and traced sources", () => {
    expect(view.matrix).toMatchObject({ id: 'cso-2026', unitId: 'cso', year: 2026 });
    expect(view.items.what.map((item) => item.id)).toEqual(['cso-bo1', 'cso-bo2', 'cso-bo3']);
    expect(view.items.how).toHaveLength(7);
    expect(view.items.who).toHaveLength(7);
    expect(view.correlations.length).toBeGreaterThan(20);
    expect(new Set(view.correlations.map((c) => c.grid))).toEqual(
      new Set(['what_how_far', 'how_far_how', 'how_how_much', 'how_much_what']),
    );
    for (const initiative of view.items.how)
      expect(
        view.ownerships.filter((o) => o.initiativeId === initiative.id && o.role === 'primary'),
      ).toHaveLength(1);
    const named = new Set([
      view.unit.ownerId,
      ...Object.values(view.items)
        .flat()
        .flatMap((item) => [item.personId, item.ownerId]),
    ]);
    named.delete(null);
    expect(view.people.map((person) => person.id).sort()).toEqual([...named].sort());
    const traced = view.items.how_far.filter((item) => item.sourceKeyResultId);
    expect(traced.length).toBeGreaterThan(0);
    for (const item of traced)
      expect(view.sources.find((s) => s.id === item.sourceKeyResultId)).toMatchObject({
        kind: 'key_result',
        unitId: 'cio',
      });
  });

  it('answers 404 for a year without a matrix', async () => {
    const response = await t.call(endpoints.matrices.getUnitMatrix, {
      params: { unitId: 'cso', year: 2031 },
    });
    expect(response.statusCode).toBe(404);
    expect(response.data).toMatchObject({
      error: { code: 'not_found', message: 'Unit cso has no X-matrix for 2031' },
    });
  });

  it('cycles a correlation cell ● → ○ → △ → blank, in either order of the items', async () => {
    const what = view.items.what[0] as MatrixItem;
    const howFar = view.items.how_far.find(
      (hf) => !view.correlations.some((c) => c.fromId === what.id && c.toId === hf.id),
    ) as MatrixItem;
    const strong = await setCell({ aId: howFar.id, bId: what.id, strength: 'strong', version: null });
    expect(strong.statusCode).toBe(200);
    const cell = (strong.data as { correlation: Correlation }).correlation;
    expect(cell).toMatchObject({
      grid: 'what_how_far',
      fromId: what.id,
      toId: howFar.id,
      strength: 'strong',
      version: 1,
    });
    const medium = await setCell({ aId: what.id, bId: howFar.id, strength: 'medium', version: 1 });
    expect((medium.data as { correlation: Correlation }).correlation).toMatchObject({
      strength: 'medium',
      version: 2,
    });
    const cleared = await setCell({ aId: what.id, bId: howFar.id, strength: null, version: 2 });
    expect(cleared.data).toEqual({ correlation: null });
    expect((await load()).correlations.some((c) => c.fromId === what.id && c.toId === howFar.id)).toBe(false);
  });

  it('refuses a correlation between parts that are not neighbours, and writes nothing', async () => {
    const what = view.items.what[0] as MatrixItem;
    const how = view.items.how[0] as MatrixItem;
    const response = await setCell({ aId: what.id, bId: how.id, strength: 'strong', version: null });
    expect(response.statusCode).toBe(422);
    expect(response.data).toMatchObject({ error: { code: 'not_adjacent' } });
    expect((response.data as { error: { message: string } }).error.message).toContain(
      'what × how are not neighbours',
    );
    expect((await load()).correlations).toHaveLength(view.correlations.length);
  });

  it('refuses a stale view of a cell with 409 and the current cell', async () => {
    const existing = view.correlations[0] as Correlation;
    const response = await setCell({
      aId: existing.fromId,
      bId: existing.toId,
      strength: 'weak',
      version: null,
    });
    expect(response.statusCode).toBe(409);
    expect(response.data).toMatchObject({
      error: {
        code: 'version_conflict',
        details: { current: { id: existing.id, strength: existing.strength } },
      },
    });
  });

  it('refuses a second primary owner, naming the current one, and keeps the first', async () => {
    const initiative = view.items.how[0] as MatrixItem;
    const primary = view.ownerships.find(
      (o) => o.initiativeId === initiative.id && o.role === 'primary',
    ) as Ownership;
    const other = view.items.who.find(
      (w) => !view.ownerships.some((o) => o.initiativeId === initiative.id && o.whoId === w.id),
    ) as MatrixItem;
    const response = await setOwner({
      initiativeId: initiative.id,
      whoId: other.id,
      role: 'primary',
      version: null,
    });
    expect(response.statusCode).toBe(422);
    expect(response.data).toMatchObject({
      error: { code: 'primary_owner_conflict', details: { primaryWhoId: primary.whoId } },
    });
    // The message says why, by name: the initiative and its current primary owner, not their ids.
    const primaryTitle = view.items.who.find((w) => w.id === primary.whoId)?.title ?? '';
    expect(body<ErrorBody>(response).error.message).toBe(
      `“${initiative.title}” already has a primary owner, ${primaryTitle}: an initiative has exactly one. Make ${primaryTitle} secondary or remove them first`,
    );
    const after = await load();
    expect(
      after.ownerships
        .filter((o) => o.initiativeId === initiative.id && o.role === 'primary')
        .map((o) => o.whoId),
    ).toEqual([primary.whoId]);
    const secondary = await setOwner({
      initiativeId: initiative.id,
      whoId: other.id,
      role: 'secondary',
      version: null,
    });
    expect((secondary.data as { ownership: Ownership }).ownership).toMatchObject({
      role: 'secondary',
      version: 1,
    });
  });

  it('refuses owners outside the How × Who grid', async () => {
    const response = await setOwner({
      initiativeId: view.items.what[0]?.id,
      whoId: view.items.who[0]?.id,
      role: 'secondary',
      version: null,
    });
    expect(response.statusCode).toBe(422);
    expect(response.data).toMatchObject({
      error: { code: 'not_adjacent', details: { issues: [{ path: 'initiativeId' }] } },
    });
    // Named by title and part, never by id or enum.
    expect(body<ErrorBody>(response).error.message).toContain(
      `initiativeId: “${view.items.what[0]?.title ?? ''}” is one of the Breakthrough objectives, not an initiative (How)`,
    );
  });

  it('adds, renames, reorders and deletes items; deleting takes its cells with it', async () => {
    const added = await t.call(endpoints.matrices.createItem, {
      params: { id: 'cso-2026' },
      body: { part: 'how', title: 'Purple-team exercises' },
    });
    expect(added.statusCode).toBe(201);
    const item = body<MatrixItem>(added);
    expect(item).toMatchObject({ part: 'how', position: 7, status: 'planned' });
    const renamed = await t.call(endpoints.matrices.updateItem, {
      params: { id: item.id },
      body: { version: item.version, title: 'Quarterly purple-team exercises' },
    });
    expect(body<MatrixItem>(renamed)).toMatchObject({ title: 'Quarterly purple-team exercises', version: 2 });
    const order = [item.id, ...view.items.how.map((h) => h.id)];
    const reordered = await t.call(endpoints.matrices.reorderItems, {
      params: { id: 'cso-2026', part: 'how' },
      body: { ids: order },
    });
    expect(reordered.statusCode).toBe(200);
    expect((await load()).items.how.map((h) => h.id)).toEqual(order);
    const kpi = view.items.how_much[0] as MatrixItem;
    await setCell({ aId: item.id, bId: kpi.id, strength: 'weak', version: null });
    const current = body<MatrixItem>(await t.call(endpoints.matrices.getItem, { params: { id: item.id } }));
    expect(
      (
        await t.call(endpoints.matrices.removeItem, {
          params: { id: item.id },
          query: { version: current.version },
        })
      ).statusCode,
    ).toBe(204);
    const after = await load();
    expect(after.items.how.map((h) => h.id)).not.toContain(item.id);
    expect(after.correlations.some((c) => c.fromId === item.id)).toBe(false);
  });

  it('refuses a reorder that leaves an item out, changing nothing', async () => {
    const ids = view.items.what.map((w) => w.id).slice(1);
    const response = await t.call(endpoints.matrices.reorderItems, {
      params: { id: 'cso-2026', part: 'what' },
      body: { ids },
    });
    expect(response.statusCode).toBe(400);
    expect((response.data as { error: { message: string } }).error.message).toContain(
      `item ${view.items.what[0]?.id ?? ''} of what is missing`,
    );
    expect((await load()).items.what.map((w) => w.id)).toEqual(view.items.what.map((w) => w.id));
  });

  it('gives a new KPI an even monthly plan and refuses fields of another part', async () => {
    const kpi = await t.call(endpoints.matrices.createItem, {
      params: { id: 'cso-2026' },
      body: {
        part: 'how_much',
        title: 'Phishing click rate',
        unitOfMeasure: '%',
        direction: 'decrease',
        baseline: 12,
        target: 6,
      },
    });
    expect(body<MatrixItem>(kpi).monthlyPlan).toEqual([11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6]);
    const wrong = await t.call(endpoints.matrices.createItem, {
      params: { id: 'cso-2026' },
      body: { part: 'what', title: 'X', direction: 'increase' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.data).toMatchObject({
      error: { details: { issues: [{ path: 'direction', message: 'does not apply to what items' }] } },
    });
  });

  it('edits the True North with a version check', async () => {
    const ok = await t.call(endpoints.matrices.update, {
      params: { id: 'cso-2026' },
      body: { version: view.matrix.version, trueNorth: 'Zero dwell time' },
    });
    expect(ok.data).toMatchObject({ trueNorth: 'Zero dwell time' });
    const stale = await t.call(endpoints.matrices.update, {
      params: { id: 'cso-2026' },
      body: { version: view.matrix.version, trueNorth: 'Other' },
    });
    expect(stale.statusCode).toBe(409);
  });
});
