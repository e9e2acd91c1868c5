import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCapacity } from '../../src/core/capacity';
import { runSeededPressureTest } from '../../src/core/pressure-test-chunks';
import * as endpoints from '../../src/contracts/endpoints';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

describe('GET /api/matrices/:id/what-if-basis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  it('gives the model and capacity question the server analyses: a browser gets the same numbers', async () => {
    const basis = await t.call(endpoints.feasibility.whatIfBasis, { params: { id: 'cso-2026' } });
    expect(basis.statusCode).toBe(200);
    const { model, capacity, movedBy } = basis.result;
    expect(model.targets.some((x) => x.id === 'cio-kr2-1' && x.kind === 'key_result')).toBe(true);
    expect(movedBy['cso-k2']?.length).toBeGreaterThan(0);

    const job = await t.call(endpoints.feasibility.startPressureTest, {
      params: { id: 'cso-2026' },
      body: { trials: 2000, seed: 5, wait: true },
    });
    const local = runSeededPressureTest(model, 5, { trials: 2000 });
    expect(local.targets).toEqual(job.result.result?.targets);

    const server = await t.call(endpoints.feasibility.capacity, { params: { id: 'cso-2026' } });
    expect({ matrixId: 'cso-2026', ...computeCapacity(capacity) }).toEqual(server.result);
  });

  it('answers 404 for a matrix that does not exist, and 401 to nobody signed in', async () => {
    const missing = await t.call(endpoints.feasibility.whatIfBasis, { params: { id: 'no-such-matrix' } });
    expect(missing.statusCode).toBe(404);
    const anonymous = await t.call(
      endpoints.feasibility.whatIfBasis,
      { params: { id: 'cso-2026' } },
      { anonymous: true },
    );
    expect(anonymous.statusCode).toBe(401);
  });
});
