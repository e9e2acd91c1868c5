import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as endpoints from '../../src/contracts/endpoints';
import type { ScenarioChanges } from '../../src/contracts';
import { signInWithRole } from '../support/builders';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

type ErrorJson = { error: { code: string; message: string; details?: Record<string, unknown> } };

const CSO_OWNER = 'daniel-kovacs';

/** A scenario that makes the SIEM triage move MTTD a lot more, surely delivered, and drops one initiative. */
const bolder = (): ScenarioChanges => ({
  impacts: [{ initiativeId: 'cso-i1', kpiId: 'cso-k1', low: 70, likely: 80, high: 90 }],
  delivery: { 'cso-i1': 1 },
  effort: { 'cso-i1|ML engineering': 2 },
  droppedInitiatives: ['cso-i7'],
  droppedPeople: [],
  addedInitiatives: [
    {
      id: 'whatif-initiative-1',
      title: 'Detection engineering guild',
      deliveryProbability: 0.8,
      impacts: [
        { kpi: 'cso-k2', low: 1, likely: 2, high: 3, basis: 'absolute', startMonth: 3, rampMonths: 0 },
      ],
      effort: [{ skill: 'threat detection', personDaysPerMonth: 2, fromMonth: 3, toMonth: 12 }],
    },
  ],
  addedPeople: [{ id: 'whatif-person-1', name: 'A contractor', skills: ['LLM ops'], monthlyCapacity: 10 }],
  allocation: 'owners_first',
});

describe('saved what-if scenarios', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const save = (name: string, changes: ScenarioChanges = bolder(), headers?: Record<string, string>) =>
    t.call(
      endpoints.scenarios.createScenario,
      { params: { id: 'cso-2026' }, body: { name, changes } },
      headers ? { headers } : {},
    );

  it('saves a scenario with its outcome, lists it, reopens it, and refuses a second of the same name', async () => {
    const saved = await save('Bolder triage');
    expect(saved.statusCode).toBe(201);
    const scenario = saved.result;
    expect(scenario.description).toContain('adding Detection engineering guild');
    expect(scenario.description.some((line) => line.includes('moving'))).toBe(true);
    const mttd = scenario.summary.targets.find((x) => x.kind === 'kpi' && x.targetId === 'cso-k1');
    expect(mttd?.probability).toBeGreaterThanOrEqual(0);
    expect(scenario.summary.trials).toBe(10_000);

    const list = await t.call(endpoints.scenarios.listScenarios, { params: { id: 'cso-2026' } });
    expect(list.result.map((s) => s.name)).toEqual(['Bolder triage']);
    const reopened = await t.call(endpoints.scenarios.getScenario, { params: { id: scenario.id } });
    expect(reopened.result.changes).toEqual(bolder());

    const again = await save('Bolder triage');
    expect(again.statusCode).toBe(409);
    expect((again.data as ErrorJson).error.code).toBe('already_exists');
  });

  it('refuses a scenario naming what is not in the matrix, by path', async () => {
    const refused = await save('Stranger', {
      ...bolder(),
      impacts: [{ initiativeId: 'cio-i1', kpiId: 'cso-k1', low: 1, likely: 2, high: 3 }],
      droppedPeople: ['nobody-at-all'],
    });
    expect(refused.statusCode).toBe(400);
    const message = (refused.data as ErrorJson).error.message;
    expect(message).toMatch(
      /changes\.impacts\[0\]\.initiativeId: cio-i1 is not an initiative of this matrix/,
    );
    expect(message).toMatch(/changes\.droppedPeople\[0\]: nobody-at-all is not a person/);
  });

  it('compares with the plan per target (probability and 80 % value) and in capacity', async () => {
    const { result: scenario } = await save('Compare me');
    const compared = await t.call(endpoints.scenarios.compareScenario, { params: { id: scenario.id } });
    expect(compared.statusCode).toBe(200);
    const mttd = compared.result.targets.find((x) => x.kind === 'kpi' && x.targetId === 'cso-k1');
    expect(mttd?.plan).not.toBeNull();
    expect(mttd?.scenario?.probability).toBeGreaterThan(mttd?.plan?.probability ?? 1);
    expect(mttd?.unitOfMeasure).not.toBe('');
    // Two ML-engineering days a month instead of six for the triage: the ML shortfall shrinks.
    const ml = compared.result.capacity.skills.find((s) => s.skill === 'ML engineering');
    expect(ml && ml.scenarioShortfall < ml.planShortfall).toBe(true);
    expect(compared.result.conflicts).toEqual([]);
  });

  it('previews and applies the changes in one transaction; people stay in the scenario', async () => {
    const { result: scenario } = await save('Apply me');
    const preview = await t.call(endpoints.scenarios.previewApplyScenario, { params: { id: scenario.id } });
    expect(preview.result.conflicts).toEqual([]);
    expect(preview.result.writes.some((w) => w.startsWith('remove '))).toBe(true);
    expect(preview.result.writes).toContain('add the initiative Detection engineering guild');
    expect(preview.result.kept[0]).toMatch(/A contractor/);

    const applied = await t.call(endpoints.scenarios.applyScenario, {
      params: { id: scenario.id },
      body: { version: scenario.version },
    });
    expect(applied.statusCode).toBe(200);
    const basis = (await t.call(endpoints.feasibility.whatIfBasis, { params: { id: 'cso-2026' } })).result;
    const triage = basis.model.initiatives.find((i) => i.id === 'cso-i1');
    expect(triage?.deliveryProbability).toBe(1);
    expect(triage?.impacts.find((i) => i.kpi === 'cso-k1')).toMatchObject({ low: 70, likely: 80, high: 90 });
    expect(basis.capacity.initiatives.find((i) => i.id === 'cso-i1')?.effort).toContainEqual(
      expect.objectContaining({ skill: 'ML engineering', personDaysPerMonth: 2 }),
    );
    expect(basis.model.initiatives.some((i) => i.id === 'cso-i7')).toBe(false);
    const guild = basis.model.initiatives.find((i) => i.title === 'Detection engineering guild');
    expect(guild?.impacts[0]).toMatchObject({ kpi: 'cso-k2', likely: 2 });
    expect(basis.movedBy['cso-k2']).toContain(guild?.id);
    const after = await t.call(endpoints.scenarios.getScenario, { params: { id: scenario.id } });
    expect(after.result.appliedAt).not.toBeNull();
  });

  it('refuses to apply over a plan changed since, naming the item, and writes nothing', async () => {
    const changes: ScenarioChanges = {
      ...bolder(),
      impacts: [{ initiativeId: 'cso-i2', kpiId: 'cso-k1', low: 5, likely: 6, high: 7 }],
      delivery: { 'cso-i3': 0.5 },
      effort: {},
      droppedInitiatives: [],
      addedInitiatives: [],
    };
    const { result: scenario } = await save('Stale', changes);
    const impact = (
      await t.call(endpoints.feasibility.listImpacts, { params: { id: 'cso-i2' } })
    ).result.find((i) => i.kpiId === 'cso-k1');
    if (!impact) throw new Error('no impact of cso-i2 on cso-k1');
    const edited = await t.call(endpoints.feasibility.impacts.update, {
      params: { id: impact.id },
      body: { version: impact.version, high: 9 },
    });
    expect(edited.statusCode).toBe(200);

    const compared = await t.call(endpoints.scenarios.compareScenario, { params: { id: scenario.id } });
    expect(compared.result.conflicts.map((c) => c.item)).toEqual([
      'the impact of Unified security data lake for detection telemetry on Share of L1 alerts triaged by AI',
    ]);
    const refused = await t.call(endpoints.scenarios.applyScenario, {
      params: { id: scenario.id },
      body: { version: scenario.version },
    });
    expect(refused.statusCode).toBe(409);
    const error = (refused.data as ErrorJson).error;
    expect(error.code).toBe('version_conflict');
    expect(error.message).toMatch(
      /Unified security data lake.*changed since the scenario was saved \(was 2 \/ 4 \/ 6, now 2 \/ 4 \/ 9\)/,
    );
    const basis = (await t.call(endpoints.feasibility.whatIfBasis, { params: { id: 'cso-2026' } })).result;
    expect(basis.model.initiatives.find((i) => i.id === 'cso-i3')?.deliveryProbability).not.toBe(0.5);
  });

  it('attaches to a catchball proposal as evidence with its probability; receivers open it', async () => {
    const changes: ScenarioChanges = { ...bolder(), droppedInitiatives: [], addedInitiatives: [] };
    const { result: scenario } = await save('Evidence', changes);
    const proposed = await t.call(endpoints.catchball.createProposal, {
      body: {
        matrixId: 'cso-2026',
        kpiItemId: 'cso-k2',
        keyResultId: 'cio-kr2-1',
        actorId: CSO_OWNER,
        trials: 2000,
        scenarioId: scenario.id,
      },
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.result.scenarioId).toBe(scenario.id);
    const evidence = proposed.result.evidence as {
      scenario: { name: string; outcome: { probability: number; p80: number } };
    };
    const expected = scenario.summary.targets.find(
      (x) => x.kind === 'key_result' && x.targetId === 'cio-kr2-1',
    );
    expect(evidence.scenario.name).toBe('Evidence');
    expect(evidence.scenario.outcome).toMatchObject({
      probability: expected?.probability,
      p80: expected?.p80,
    });

    // The parent unit's viewer (the receiving side) may open and compare it, not change it.
    const receiver = await signInWithRole(t, 'usr_cio_viewer', { role: 'viewer', unitId: 'cio' });
    const opened = await t.call(
      endpoints.scenarios.getScenario,
      { params: { id: scenario.id } },
      { headers: receiver },
    );
    expect(opened.statusCode).toBe(200);
    const compared = await t.call(
      endpoints.scenarios.compareScenario,
      { params: { id: scenario.id } },
      { headers: receiver },
    );
    expect(compared.statusCode).toBe(200);

    const foreign = await t.call(endpoints.catchball.createProposal, {
      body: {
        matrixId: 'cso-2026',
        kpiItemId: 'cso-k2',
        actorId: CSO_OWNER,
        trials: 2000,
        scenarioId: 'scn_nope',
      },
    });
    expect(foreign.statusCode).toBe(400);
    expect((foreign.data as ErrorJson).error.message).toMatch(/scenarioId/);
  });

  it('lets readers view but only editors save, apply and delete', async () => {
    const { result: scenario } = await save('Guarded', {
      ...bolder(),
      droppedInitiatives: [],
      addedInitiatives: [],
    });
    const viewer = await signInWithRole(t, 'usr_cso_viewer', { role: 'viewer', unitId: 'cso' });
    const editor = await signInWithRole(t, 'usr_cso_editor', { role: 'editor', unitId: 'cso' });
    const list = await t.call(
      endpoints.scenarios.listScenarios,
      { params: { id: 'cso-2026' } },
      { headers: viewer },
    );
    expect(list.statusCode).toBe(200);
    expect((await save('By a viewer', bolder(), viewer)).statusCode).toBe(403);
    const apply = await t.call(
      endpoints.scenarios.applyScenario,
      { params: { id: scenario.id }, body: { version: scenario.version } },
      { headers: viewer },
    );
    expect(apply.statusCode).toBe(403);
    const removeAsViewer = await t.call(
      endpoints.scenarios.deleteScenario,
      { params: { id: scenario.id }, query: { version: scenario.version } },
      { headers: viewer },
    );
    expect(removeAsViewer.statusCode).toBe(403);

    const byEditor = await save(
      'By an editor',
      { ...bolder(), droppedInitiatives: [], addedInitiatives: [] },
      editor,
    );
    expect(byEditor.statusCode).toBe(201);
    const removed = await t.call(
      endpoints.scenarios.deleteScenario,
      { params: { id: scenario.id }, query: { version: scenario.version } },
      { headers: editor },
    );
    expect(removed.statusCode).toBe(204);
    const gone = await t.call(endpoints.scenarios.getScenario, { params: { id: scenario.id } });
    expect(gone.statusCode).toBe(404);
    const anonymous = await t.call(
      endpoints.scenarios.listScenarios,
      { params: { id: 'cso-2026' } },
      { anonymous: true },
    );
    expect(anonymous.statusCode).toBe(401);
  });
});
