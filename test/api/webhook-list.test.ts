import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as endpoints from '../../src/contracts/endpoints';
import { signInWithRole } from '../support/builders';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

/**
 * Settings → Notifications lists the organisation's webhooks: the organisation-wide one first,
 * then each unit's own by unit name. The URLs are secrets (whoever has one may post into the
 * channel), so only organisation admins read the list.
 */
describe("an organisation's webhooks", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
    for (const [unitId, url] of [
      ['cso', 'https://hooks.example/cso'],
      [null, 'https://hooks.example/all'],
      ['cio', 'https://hooks.example/cio'],
    ] as const) {
      const made = await t.call(endpoints.catchball.webhooks.create, {
        body: { organisationId: 'acme', unitId, url },
      });
      expect(made.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('lists the organisation-wide hook first, then the units by name', async () => {
    const listed = await t.call(endpoints.catchball.listWebhooks, { params: { id: 'acme' } });
    expect(listed.statusCode).toBe(200);
    // "Office of the CIO" sorts before "Security (CSO)".
    expect(listed.result.map((hook) => [hook.unitId, hook.url])).toEqual([
      [null, 'https://hooks.example/all'],
      ['cio', 'https://hooks.example/cio'],
      ['cso', 'https://hooks.example/cso'],
    ]);
  });

  it('is for organisation admins only, and names an unknown organisation', async () => {
    const editor = await signInWithRole(t, 'usr-hook-editor', { role: 'editor', unitId: 'cso' });
    const refused = await t.call(
      endpoints.catchball.listWebhooks,
      { params: { id: 'acme' } },
      { headers: editor },
    );
    expect(refused.statusCode).toBe(403);
    const missing = await t.call(endpoints.catchball.listWebhooks, { params: { id: 'nowhere' } });
    expect(missing.statusCode).toBe(404);
  });
});
