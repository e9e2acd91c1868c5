import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PlanDocument } from '../../src/contracts';
import { formatPlan } from '../../src/server/services/plan/plan-format';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

type ErrorJson = {
  error: { code: string; message: string; details: { issues: { path: string; message: string }[] } };
};

/** A copy of the demo plan with ten distinct mistakes, each at a known path. */
function planWithTenErrors(): unknown {
  const plan = structuredClone(demoPlan()) as PlanDocument;
  const cso = plan.matrices.find((m) => m.id === 'cso-2026');
  if (!cso) throw new Error('demo plan has no cso-2026');
  plan.units[1] = { ...plan.units[1]!, parentId: 'no-such-unit' };
  plan.people[0] = { ...plan.people[0]!, unitId: 'ghost-unit' };
  plan.objectives[0] = { ...plan.objectives[0]!, cycleId: 'fy1999' };
  plan.objectives[0].keyResults[0] = { ...plan.objectives[0].keyResults[0]!, ownerId: 'nobody' };
  plan.objectives[1] = { ...plan.objectives[1]!, id: plan.objectives[0].id };
  cso.correlations.push({ from: cso.what[0]!.id, to: cso.how[0]!.id, strength: 'strong' });
  cso.owners.push({
    initiative: cso.how[0]!.id,
    who: cso.who.find((w) => !cso.owners.some((o) => o.initiative === cso.how[0]!.id && o.who === w.id))!.id,
    role: 'primary',
  });
  cso.howFar[0] = { ...cso.howFar[0]!, sourceKeyResultId: 'kr-that-never-was' };
  cso.how[0] = { ...cso.how[0]!, startDate: '2026-09-01', endDate: '2026-03-01' };
  cso.who.push({ id: 'cso-w-empty', personId: null, teamUnitId: null });
  return plan;
}

describe('plan documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('imports the demo plan in one call and reports what it wrote', async () => {
    const response = await t.call(endpoints.plan.importPlan, { query: {}, body: demoPlan() });
    expect(response.statusCode).toBe(201);
    expect(response.data).toMatchObject({
      organisationId: 'acme',
      replaced: false,
      counts: { units: 5, matrices: 2 },
    });
  });

  it('exports, imports into an empty store and exports again to the same document', async () => {
    // A key result's measure rule and KPI weights travel with the plan.
    await t.store.db
      .updateTable('keyResults')
      .set({ measureRule: 'weighted_average', measureWeights: JSON.stringify({ 'cso-k2': 3 }) })
      .where('id', '=', 'cio-kr2-1')
      .execute();
    const first = body<PlanDocument>(
      await t.call(endpoints.plan.exportPlan, { params: { id: 'acme' }, query: {} }),
    );
    const measured = first.objectives.flatMap((o) => o.keyResults).find((kr) => kr.id === 'cio-kr2-1');
    expect(measured).toMatchObject({ measureRule: 'weighted_average', measureWeights: { 'cso-k2': 3 } });
    const other = await createTestApp();
    try {
      await other.services.planImport.importPlan(first);
      const second = await other.services.planExport.exportPlan('acme');
      expect(second).toEqual(first);
      expect(formatPlan(second, 'yaml')).toBe(formatPlan(first, 'yaml'));
    } finally {
      await other.close();
    }
  });

  it("exports one matrix with the organisation around it, the same matrix as the whole export's", async () => {
    const whole = await t.services.planExport.exportPlan('acme');
    const one = await t.services.planExport.exportPlan('acme', { matrixId: 'cso-2026' });
    expect(one.matrices.map((m) => m.id)).toEqual(['cso-2026']);
    expect(one.objectives).toEqual(whole.objectives);
    expect(one.people).toEqual(whole.people);
    expect(one.units).toEqual(whole.units);
    expect(one.matrices[0]).toEqual(whole.matrices.find((m) => m.id === 'cso-2026'));
  });

  it('exports YAML, and one unit with the units below it', async () => {
    const yaml = await t.call(endpoints.plan.exportPlan, {
      params: { id: 'acme' },
      query: { format: 'yaml', unitId: 'cso' },
    });
    expect(yaml.headers['content-type']).toContain('application/yaml');
    const plan = parse(yaml.body) as PlanDocument;
    expect(plan.units.map((u) => u.id)).toEqual(['cso', 'sec-arch', 'secops']);
    expect(plan.units[0]?.parentId).toBeNull();
    expect(plan.matrices.map((m) => m.id)).toEqual(['cso-2026']);
    expect(plan.matrices[0]?.what.every((w) => w.sourceObjectiveId === null)).toBe(true);
  });

  it('refuses a second import of the same organisation unless asked to replace it', async () => {
    const again = await t.call(endpoints.plan.importPlan, { query: {}, body: demoPlan() });
    expect(again.statusCode).toBe(409);
    expect(again.data).toMatchObject({ error: { code: 'already_exists' } });
    const replaced = await t.call(endpoints.plan.importPlan, {
      query: { replace: 'true' },
      body: demoPlan(),
    });
    expect(replaced.statusCode).toBe(201);
    expect(replaced.data).toMatchObject({ replaced: true });
  });

  it('takes YAML bodies', async () => {
    const plan = structuredClone(demoPlan()) as PlanDocument;
    const response = await t.call(
      endpoints.plan.importPlan,
      { query: { replace: 'true' }, body: formatPlan(plan, 'yaml') },
      { headers: { 'content-type': 'application/yaml' } },
    );
    expect(response.statusCode).toBe(201);
  });

  it('lists every one of ten problems with its path and writes nothing', async () => {
    await t.call(endpoints.organisations.remove, { params: { id: 'acme' }, query: { version: '1' } });
    const response = await t.call(endpoints.plan.importPlan, {
      query: {},
      body: planWithTenErrors(),
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.data as ErrorJson;
    expect(error.code).toBe('validation_failed');
    const paths = error.details.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'units[1].parentId',
        'people[0].unitId',
        'objectives[0].cycleId',
        'objectives[0].keyResults[0].ownerId',
        'objectives[1].id',
        'matrices[0].howFar[0].sourceKeyResultId',
        'matrices[0].how[0].endDate',
        'matrices[0].who[7].personId',
      ]),
    );
    expect(
      error.details.issues.some(
        (i) => /^matrices\[0\]\.correlations\[\d+\]$/.test(i.path) && i.message.includes('not neighbouring'),
      ),
    ).toBe(true);
    expect(
      error.details.issues.some(
        (i) =>
          /^matrices\[0\]\.owners\[\d+\]\.role$/.test(i.path) &&
          i.message.includes('already has a primary owner'),
      ),
    ).toBe(true);
    expect(error.details.issues.length).toBeGreaterThanOrEqual(10);
    expect(error.message).toMatch(/^The plan document has \d+ problems: /);
    expect((await t.services.organisations.list()).map((o) => o.id)).not.toContain('acme');
  });

  it('reports type errors with their paths before checking references', async () => {
    const response = await t.call(endpoints.plan.importPlan, {
      query: {},
      body: {
        catchball: 1,
        organisation: { id: 'x', name: 'X' },
        units: [{ id: 'u', name: 'U', colour: 'red' }],
        people: [{ id: 'p', name: 'P', monthlyCapacity: 'many' }],
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.data as ErrorJson).error.details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['units[0]', 'people[0].monthlyCapacity']));
  });

  it('names the line of a YAML syntax error', async () => {
    const response = await t.call(
      endpoints.plan.importPlan,
      { query: {}, body: 'catchball: 1\nunits:\n  - id: [unclosed\n' },
      { headers: { 'content-type': 'application/yaml' } },
    );
    expect(response.statusCode).toBe(400);
    expect((response.data as ErrorJson).error.details.issues[0]?.path).toMatch(/^line \d+, column \d+$/);
  });

  it('leaves the store unchanged when the write fails half-way (ids used by another organisation)', async () => {
    await t.services.planImport.importPlan(demoPlan());
    const clash = structuredClone(demoPlan()) as PlanDocument;
    clash.organisation.id = 'acme-copy';
    const response = await t.call(endpoints.plan.importPlan, { query: {}, body: clash });
    expect(response.statusCode).toBe(400);
    expect((response.data as ErrorJson).error.details.issues[0]).toMatchObject({
      path: 'units[0].id',
      message: 'id cio is already used in another organisation of this store',
    });
    expect((await t.services.organisations.list()).map((o) => o.id)).toEqual(['acme']);
  });
});
