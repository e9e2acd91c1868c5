import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImpactView, Orphan, PressureTestJob, XMatrixView } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

/**
 * The server keeps answers derived from one matrix (its analysis, pressure tests by seed, its own
 * orphans, its view's JSON and gzip) between changes. These tests change what each answer reads,
 * through the API as a user would, and expect the next answer to show it.
 */
describe('answers kept per matrix follow every change they read', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const pressureTest = async (seed: number) => {
    const job = body<PressureTestJob>(
      await t.call(endpoints.feasibility.startPressureTest, {
        params: { id: 'cso-2026' },
        body: { trials: 2000, seed, wait: true },
      }),
    );
    return job.result!;
  };
  const kpiTarget = (result: Awaited<ReturnType<typeof pressureTest>>, kpiId: string) =>
    result.targets.find((target) => target.targetId === kpiId && target.kind === 'kpi')!;

  it('re-runs a pressure test after an impact changes, and gives the kept result until then', async () => {
    const before = await pressureTest(11);
    expect(await pressureTest(11)).toEqual(before);
    const impacts = body<ImpactView[]>(
      await t.call(endpoints.feasibility.listImpacts, { params: { id: 'cso-i2' } }),
    );
    const onMttd = impacts.find((impact) => impact.kpiId === 'cso-k2')!;
    const updated = await t.call(endpoints.feasibility.impacts.update, {
      params: { id: onMttd.id },
      body: { version: onMttd.version, low: 18, likely: 19, high: 20 },
    });
    expect(updated.statusCode).toBe(200);
    const after = await pressureTest(11);
    // MTTD falls: bigger cuts reach a lower value.
    expect(kpiTarget(after, 'cso-k2').reachable.p80).toBeLessThan(
      kpiTarget(before, 'cso-k2').reachable.p80 - 5,
    );
  });

  it("re-reads capacity after a person's monthly capacity changes (a change that names no matrix)", async () => {
    const capacity = async () =>
      body<{ people: { personId: string; capacity: number }[] }>(
        await t.call(endpoints.feasibility.capacity, { params: { id: 'cso-2026' } }),
      );
    const before = (await capacity()).people.find((p) => p.personId === 'priya-raman')!;
    const person = body<{ version: number }>(
      await t.call(endpoints.structure.people.get, { params: { id: 'priya-raman' } }),
    );
    const changed = await t.call(endpoints.structure.people.update, {
      params: { id: 'priya-raman' },
      body: { version: person.version, monthlyCapacity: before.capacity + 7 },
    });
    expect(changed.statusCode).toBe(200);
    const after = (await capacity()).people.find((p) => p.personId === 'priya-raman')!;
    expect(after.capacity).toBe(before.capacity + 7);
  });

  it("drops a parent key result's orphan once a unit below translates it, though the kept grids are another matrix's", async () => {
    const cioOrphans = async () =>
      body<Orphan[]>(await t.call(endpoints.translations.matrixOrphans, { params: { id: 'cio-2026' } }));
    const unsupported = (orphans: Orphan[]) =>
      orphans.some((o) => o.reason === 'unsupported_parent_key_result' && o.id === 'cio-kr1-2');
    expect(unsupported(await cioOrphans())).toBe(true);
    const created = await t.call(endpoints.matrices.createItem, {
      params: { id: 'cso-2026' },
      body: { part: 'how_far', title: 'Copilots in the SOC', sourceKeyResultId: 'cio-kr1-2' },
    });
    expect(created.statusCode).toBe(201);
    expect(unsupported(await cioOrphans())).toBe(false);
  });

  it('finds a new unmarked line among the kept orphans of the matrix it was added to', async () => {
    const orphans = async () =>
      body<Orphan[]>(await t.call(endpoints.translations.matrixOrphans, { params: { id: 'cso-2026' } }));
    await orphans();
    const created = body<{ id: string }>(
      await t.call(endpoints.matrices.createItem, {
        params: { id: 'cso-2026' },
        body: { part: 'how', title: 'Nobody owns this yet' },
      }),
    );
    expect(await orphans()).toContainEqual(
      expect.objectContaining({ reason: 'initiative_without_owner', id: created.id }),
    );
  });

  it('sends the same view gzipped or plain, and neither outlives an edit', async () => {
    const fetchView = (encoding: string) =>
      t.request({
        method: 'GET',
        url: '/api/units/cso/matrices/2026',
        headers: { 'accept-encoding': encoding },
      });
    const read = async (encoding: string) => {
      const response = await fetchView(encoding);
      expect(response.statusCode).toBe(200);
      const text =
        response.headers['content-encoding'] === 'gzip'
          ? gunzipSync(response.rawPayload).toString('utf8')
          : response.body;
      return { encoding: response.headers['content-encoding'], view: JSON.parse(text) as XMatrixView };
    };
    const gzipped = await read('gzip, deflate, br');
    const plain = await read('identity');
    const refused = await fetchView('gzip;q=0, deflate');
    expect(gzipped.encoding).toBe('gzip');
    expect(plain.encoding).toBeUndefined();
    expect(refused.headers['content-encoding']).not.toBe('gzip');
    expect(gzipped.view).toEqual(plain.view);

    const item = gzipped.view.items.how.find((i) => i.id === 'cso-i1')!;
    const renamed = await t.call(endpoints.matrices.updateItem, {
      params: { id: item.id },
      body: { version: item.version, title: 'AI triage, renamed' },
    });
    expect(renamed.statusCode).toBe(200);
    for (const encoding of ['gzip', 'identity'])
      expect((await read(encoding)).view.items.how.find((i) => i.id === 'cso-i1')!.title).toBe(
        'AI triage, renamed',
      );
  });
});
