import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, StrategyMap } from '../../src/contracts';
import type { OrganisationOverview } from '../../src/contracts/dashboard';
import * as endpoints from '../../src/contracts/endpoints';
import { signInWithRole } from '../support/builders';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

/**
 * The strategy map, the organisation's orphans and its overview span the whole organisation: any
 * member may open them (issue 12: the CSO got a 403 saying a role below would do), and sees
 * there only the plans of the units they may read.
 */
describe('organisation-wide reads for a member with a role on one unit', () => {
  let t: TestApp;
  let cso: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
    const sibling = await t.call(endpoints.okrs.objectives.create, {
      body: { unitId: 'platform', cycleId: 'fy2026', title: 'Platform for AI ops' },
    });
    expect(sibling.statusCode).toBe(201);
    cso = await signInWithRole(t, 'usr-cso-editor', { role: 'editor', unitId: 'cso' });
  });
  afterAll(() => t.close());

  it('opens the strategy map, leaving out the plans of branches closed to the caller', async () => {
    const response = await t.call(
      endpoints.translations.strategyMap,
      { params: { id: 'acme' } },
      { headers: cso },
    );
    expect(response.statusCode).toBe(200);
    const map = body<StrategyMap>(response);
    const planUnits = new Set(map.nodes.filter((node) => node.kind !== 'unit').map((node) => node.unitId));
    expect(planUnits.has('cso')).toBe(true);
    expect(planUnits.has('cio')).toBe(true);
    expect(planUnits.has('platform')).toBe(false);
    // The structure stays whole: every unit is a node.
    expect(map.nodes.some((node) => node.kind === 'unit' && node.id === 'platform')).toBe(true);
    const keys = new Set(map.nodes.map((node) => node.key));
    expect(map.edges.every((edge) => keys.has(edge.from) && keys.has(edge.to))).toBe(true);
    expect(map.orphans.every((orphan) => orphan.unitId !== 'platform')).toBe(true);
  });

  it("opens the organisation's orphans and overview", async () => {
    const orphans = await t.call(
      endpoints.translations.organisationOrphans,
      { params: { id: 'acme' } },
      { headers: cso },
    );
    expect(orphans.statusCode).toBe(200);
    const overview = await t.call(
      endpoints.dashboard.getOrganisationOverview,
      { params: { id: 'acme' }, query: { cycleId: 'fy2026' } },
      { headers: cso },
    );
    expect(overview.statusCode).toBe(200);
    const units = body<OrganisationOverview>(overview).quarters.flatMap((quarter) =>
      quarter.units.map((unit) => unit.unitId),
    );
    expect(units).toContain('cso');
    expect(units).not.toContain('platform');
  });

  it('still hides the organisation from a caller with no standing in it', async () => {
    const outsider = await t.signIn({ id: 'usr-outsider' });
    const response = await t.call(
      endpoints.translations.strategyMap,
      { params: { id: 'acme' } },
      { headers: outsider },
    );
    expect(response.statusCode).toBe(404);
    expect(body<ErrorBody>(response).error.code).toBe('not_found');
  });
});
