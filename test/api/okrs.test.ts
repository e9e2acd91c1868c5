import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyResult, ObjectiveWithKeyResults } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

describe('OKRs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  it("lists a unit's objectives with key results for a cycle", async () => {
    const { result: okrs } = await t.call(endpoints.okrs.listUnitOkrs, {
      params: { id: 'cio' },
      query: { cycleId: 'fy2026' },
    });
    expect(okrs.length).toBeGreaterThanOrEqual(3);
    expect(okrs.every((objective) => objective.keyResults.length >= 2)).toBe(true);
    const kinds = new Set(okrs.flatMap((objective) => objective.keyResults.map((kr) => kr.kind)));
    expect([...kinds].sort()).toEqual(['band', 'binary', 'decrease', 'increase', 'milestone']);
  });

  it('creates an objective aligned to a parent key result, and a key result with an equal default weight', async () => {
    const objective = await t.call(endpoints.okrs.objectives.create, {
      body: {
        unitId: 'sec-arch',
        cycleId: 'fy2026',
        title: 'Detection as code',
        alignedKeyResultId: 'cio-kr1-1',
      },
    });
    expect(objective.statusCode).toBe(201);
    const objectiveId = (objective.data as { id: string }).id;
    const kr = await t.call(endpoints.okrs.keyResults.create, {
      body: {
        objectiveId,
        title: 'Cut MTTD from 24 h to 8 h',
        kind: 'decrease',
        unitOfMeasure: 'h',
        baseline: 24,
        target: 8,
      },
    });
    expect(kr.statusCode).toBe(201);
    expect(kr.data).toMatchObject({ weight: 1, kind: 'decrease', baseline: 24, target: 8 });
  });

  it('refuses a target inconsistent with the kind, naming the problem, and keeps the old target', async () => {
    const okrs = body<ObjectiveWithKeyResults[]>(
      await t.call(endpoints.okrs.listUnitOkrs, { params: { id: 'cio' }, query: {} }),
    );
    const decrease = okrs.flatMap((o) => o.keyResults).find((kr) => kr.kind === 'decrease') as KeyResult;
    const response = await t.call(endpoints.okrs.keyResults.update, {
      params: { id: decrease.id },
      body: { version: decrease.version, target: (decrease.baseline ?? 0) + 10 },
    });
    expect(response.statusCode).toBe(422);
    expect(response.data).toMatchObject({ error: { code: 'inconsistent_target' } });
    expect((response.data as { error: { message: string } }).error.message).toContain('below its baseline');
    expect(
      body<KeyResult>(await t.call(endpoints.okrs.keyResults.get, { params: { id: decrease.id } })).target,
    ).toBe(decrease.target);
  });

  it('refuses a band whose bounds are reversed', async () => {
    const response = await t.call(endpoints.okrs.keyResults.create, {
      body: { objectiveId: 'cio-o1', title: 'Band', kind: 'band', target: 5, targetHigh: 2 },
    });
    expect(response.statusCode).toBe(422);
    expect((response.data as { error: { message: string } }).error.message).toContain(
      'upper bound (2) is below its lower bound (5)',
    );
  });

  it('refuses alignment to an objective of another organisation', async () => {
    await t.call(endpoints.organisations.create, { body: { id: 'other', name: 'Other' } });
    await t.call(endpoints.structure.units.create, {
      body: { id: 'other-u', organisationId: 'other', name: 'U' },
    });
    await t.call(endpoints.structure.cycles.create, {
      body: { id: 'other-c', organisationId: 'other', year: 2026 },
    });
    const response = await t.call(endpoints.okrs.objectives.create, {
      body: { unitId: 'other-u', cycleId: 'other-c', title: 'Sneaky', alignedObjectiveId: 'cio-o1' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.data).toMatchObject({ error: { details: { issues: [{ path: 'alignedObjectiveId' }] } } });
  });
});
