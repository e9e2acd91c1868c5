import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectiveWithKeyResults } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type ErrorResponse, type TestApp } from '../support/test-app';

/** Reordering, moving and cloning OKRs: one transaction each, bad input refused naming its field. */
describe('OKR arrangement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-11-20' } });
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const okrs = async (unit: string, cycleId = 'fy2026') =>
    body<ObjectiveWithKeyResults[]>(
      await t.call(endpoints.okrs.listUnitOkrs, { params: { id: unit }, query: { cycleId } }),
    ).sort((a, b) => a.position - b.position);
  const issuePaths = (response: { data: unknown }) =>
    body<ErrorResponse>(response).error.details!.issues!.map((issue) => issue.path);

  it('moves an objective up, renumbering the list in one go', async () => {
    const before = await okrs('cio');
    const last = before[before.length - 1]!;
    const response = await t.call(endpoints.okrs.moveObjective, {
      params: { id: last.id },
      body: { version: last.version, position: 0 },
    });
    expect(response.statusCode).toBe(200);
    const after = await okrs('cio');
    expect(after.map((o) => o.id)).toEqual([last.id, ...before.slice(0, -1).map((o) => o.id)]);
    expect(after.map((o) => o.position)).toEqual(after.map((_o, index) => index));
  });

  it('moves a key result to another objective of the unit and reorders it there', async () => {
    const [first, second] = await okrs('cio');
    const kr = first!.keyResults[0]!;
    const response = await t.call(endpoints.okrs.moveKeyResult, {
      params: { id: kr.id },
      body: { version: kr.version, objectiveId: second!.id, position: 0 },
    });
    expect(response.statusCode).toBe(200);
    const moved = (await okrs('cio')).find((o) => o.id === second!.id)!;
    expect(moved.keyResults.sort((a, b) => a.position - b.position)[0]!.id).toBe(kr.id);
  });

  it("refuses moving a key result to another unit's objective, naming objectiveId, and moves nothing", async () => {
    const [first] = await okrs('cio');
    const kr = first!.keyResults[0]!;
    const [foreign] = await okrs('cso');
    const response = await t.call(endpoints.okrs.moveKeyResult, {
      params: { id: kr.id },
      body: { version: kr.version, objectiveId: foreign!.id },
    });
    expect(response.statusCode).toBe(400);
    expect(issuePaths(response)).toEqual(['objectiveId']);
    expect((await okrs('cio'))[0]!.keyResults.some((k) => k.id === kr.id)).toBe(true);
  });

  it('refuses a negative position and an unknown cycle, naming the field', async () => {
    const [objective] = await okrs('cio');
    const negative = await t.call(endpoints.okrs.moveObjective, {
      params: { id: objective!.id },
      body: { version: objective!.version, position: -1 },
    });
    expect(negative.statusCode).toBe(400);
    expect(issuePaths(negative)).toEqual(['body.position']);
    const unknown = await t.call(endpoints.okrs.moveObjective, {
      params: { id: objective!.id },
      body: { version: objective!.version, cycleId: 'fy1999' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(issuePaths(unknown)).toEqual(['cycleId']);
    expect((await okrs('cio'))[0]!.cycleId).toBe('fy2026');
  });

  it('refuses a position past the largest list place, naming it, so the next objective still fits', async () => {
    const [objective] = await okrs('cio');
    const huge = await t.call(endpoints.okrs.objectives.update, {
      params: { id: objective!.id },
      body: { version: objective!.version, position: 2_147_483_647 },
    });
    expect(huge.statusCode).toBe(400);
    expect(issuePaths(huge)).toEqual(['body.position']);
    const last = await t.call(endpoints.okrs.objectives.update, {
      params: { id: objective!.id },
      body: { version: objective!.version, position: 1_000_000 },
    });
    expect(last.statusCode).toBe(200);
    const created = await t.call(endpoints.okrs.objectives.create, {
      body: { unitId: 'cio', cycleId: 'fy2026', title: 'Goes after the last place' },
    });
    expect(created.statusCode).toBe(201);
    expect(body<{ position: number }>(created).position).toBe(1_000_001);
  });

  it('refuses a stale move with 409 and leaves the order as it was', async () => {
    const before = await okrs('cio');
    const last = before[before.length - 1]!;
    const response = await t.call(endpoints.okrs.moveObjective, {
      params: { id: last.id },
      body: { version: last.version + 5, position: 0 },
    });
    expect(response.statusCode).toBe(409);
    expect((await okrs('cio')).map((o) => [o.id, o.position])).toEqual(before.map((o) => [o.id, o.position]));
  });

  it('refuses a clone when no cycle follows, naming cycleId, and writes nothing', async () => {
    const [objective] = await okrs('cio');
    const everyCycle = async () =>
      body<ObjectiveWithKeyResults[]>(
        await t.call(endpoints.okrs.listUnitOkrs, { params: { id: 'cio' }, query: {} }),
      ).length;
    const count = await everyCycle();
    const response = await t.call(endpoints.okrs.cloneObjective, { params: { id: objective!.id }, body: {} });
    expect(response.statusCode).toBe(400);
    expect(issuePaths(response)).toEqual(['cycleId']);
    expect(body<ErrorResponse>(response).error.message).toContain('no cycle starts after');
    const foreign = await t.call(endpoints.okrs.cloneObjective, {
      params: { id: objective!.id },
      body: { cycleId: 'no-such-cycle' },
    });
    expect(foreign.statusCode).toBe(400);
    expect(issuePaths(foreign)).toEqual(['cycleId']);
    expect(await everyCycle()).toBe(count);
  });

  it('clones an objective with its key results into the next cycle, without check-ins or alignment', async () => {
    const created = await t.call(endpoints.structure.cycles.create, {
      body: { organisationId: 'acme', name: 'FY2027', year: 2027 },
    });
    expect(created.statusCode).toBe(201);
    const next = (created.data as { id: string }).id;
    const [objective] = await okrs('cio');
    const response = await t.call(endpoints.okrs.cloneObjective, { params: { id: objective!.id }, body: {} });
    expect(response.statusCode).toBe(201);
    const clone = body<ObjectiveWithKeyResults>(response);
    expect(clone).toMatchObject({ cycleId: next, title: objective!.title, alignedObjectiveId: null });
    expect(clone.keyResults.map((kr) => kr.title)).toEqual(
      [...objective!.keyResults].sort((a, b) => a.position - b.position).map((kr) => kr.title),
    );
    expect(clone.keyResults.every((kr) => kr.current === null && kr.confidence === null)).toBe(true);
    expect((await okrs('cio', next)).map((o) => o.id)).toEqual([clone.id]);
  });

  describe('check-in upload preview', () => {
    const preview = (unit: string, csv: string) =>
      t.call(
        endpoints.checkIns.previewCheckInUpload,
        { params: { id: unit }, query: {}, body: csv },
        { headers: { 'content-type': 'text/csv' } },
      );
    const count = async (item: string) =>
      (await t.call(endpoints.checkIns.listHistory, { query: { keyResultId: item } })).result.length;

    it('reads the rows and names each problem by row and column, writing nothing', async () => {
      const before = await count('cso-kr1-1');
      const response = await preview(
        'cio',
        'item,date,value\ncso-kr1-1,2026-03-31,40\ncso-kr1-1,2027-05-01,41\nnope,2026-03-31,1\n',
      );
      expect(response.statusCode).toBe(200);
      expect(response.result.rows).toHaveLength(3);
      expect(response.result.rows[0]!.itemTitle).toBeTruthy();
      expect(response.result.problems.map((p) => p.path)).toEqual([
        'row 3, column B (date)',
        'row 4, column A (item)',
      ]);
      expect(await count('cso-kr1-1')).toBe(before);
    });

    it('answers a sheet it cannot read with its problems, located', async () => {
      const response = await preview('cio', 'when,value\n2026-03-31,4\n');
      expect(response.statusCode).toBe(200);
      expect(response.result.rows).toEqual([]);
      expect(response.result.problems[0]!.message).toContain('"item"');
    });
  });
});
