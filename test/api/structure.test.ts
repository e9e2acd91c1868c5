import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation, Unit } from '../../src/contracts';
import { body, createTestApp, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

describe('organisations, units, people and cycles', () => {
  let t: TestApp;
  let org: Organisation;
  beforeAll(async () => {
    t = await createTestApp();
    org = body<Organisation>(
      await t.call(endpoints.organisations.create, { body: { id: 'org1', name: 'Org One' } }),
    );
  });
  afterAll(() => t.close());

  it('creates an organisation with the default part names and renames a part', async () => {
    expect(org.partNames.how).toBe('Improvement priorities');
    const renamed = await t.call(endpoints.organisations.update, {
      params: { id: 'org1' },
      body: { version: org.version, partNames: { what: 'Strategic Pillars', how: 'Tactics' } },
    });
    expect(renamed.statusCode).toBe(200);
    expect(body<Organisation>(renamed).partNames).toMatchObject({
      what: 'Strategic Pillars',
      how: 'Tactics',
      how_far: 'Annual objectives',
    });
    org = body<Organisation>(renamed);
  });

  it('builds a unit tree and refuses a move that makes a unit its own ancestor', async () => {
    const create = (payload: { id: string; name: string; parentId?: string }) =>
      t.call(endpoints.structure.units.create, { body: { organisationId: 'org1', ...payload } });
    expect((await create({ id: 'cio', name: 'Office of the CIO' })).statusCode).toBe(201);
    expect((await create({ id: 'cso', name: 'Security (CSO)', parentId: 'cio' })).statusCode).toBe(201);
    expect((await create({ id: 'arch', name: 'Security Architecture', parentId: 'cso' })).statusCode).toBe(
      201,
    );
    const cio = body<Unit>(await t.call(endpoints.structure.units.get, { params: { id: 'cio' } }));
    const move = await t.call(endpoints.structure.units.update, {
      params: { id: 'cio' },
      body: { version: cio.version, parentId: 'arch' },
    });
    expect(move.statusCode).toBe(422);
    expect(move.data).toMatchObject({ error: { code: 'invariant_violated' } });
    expect(
      body<Unit>(await t.call(endpoints.structure.units.get, { params: { id: 'cio' } })).parentId,
    ).toBeNull();
    const units = body<Unit[]>(await t.call(endpoints.organisations.listUnits, { params: { id: 'org1' } }));
    expect(units.map((u) => [u.id, u.parentId])).toEqual([
      ['cio', null],
      ['cso', 'cio'],
      ['arch', 'cso'],
    ]);
  });

  it('refuses an unknown parent unit, naming the field', async () => {
    const response = await t.call(endpoints.structure.units.create, {
      body: { organisationId: 'org1', name: 'X', parentId: 'nope' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.data).toMatchObject({
      error: {
        code: 'validation_failed',
        details: {
          issues: [{ path: 'parentId', message: expect.stringContaining('no unit with id nope') as string }],
        },
      },
    });
  });

  it('answers 404 for an unknown unit', async () => {
    const response = await t.call(endpoints.structure.units.get, { params: { id: 'ghost' } });
    expect(response.statusCode).toBe(404);
    expect(response.data).toEqual({
      error: { code: 'not_found', message: 'No unit with id ghost', details: { kind: 'unit', id: 'ghost' } },
    });
  });

  it('refuses a stale version with 409 and the current state, changing nothing', async () => {
    const unit = body<Unit>(await t.call(endpoints.structure.units.get, { params: { id: 'cso' } }));
    const first = await t.call(endpoints.structure.units.update, {
      params: { id: 'cso' },
      body: { version: unit.version, name: 'Security' },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.call(endpoints.structure.units.update, {
      params: { id: 'cso' },
      body: { version: unit.version, name: 'Cyber' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.data).toMatchObject({
      error: {
        code: 'version_conflict',
        details: { current: { id: 'cso', name: 'Security', version: unit.version + 1 } },
      },
    });
    expect(body<Unit>(await t.call(endpoints.structure.units.get, { params: { id: 'cso' } })).name).toBe(
      'Security',
    );
    const staleDelete = await t.call(endpoints.structure.units.remove, {
      params: { id: 'cso' },
      query: { version: unit.version },
    });
    expect(staleDelete.statusCode).toBe(409);
  });

  it('refuses malformed JSON and wrong types with a clear message', async () => {
    const malformed = await t.request({
      method: 'POST',
      url: '/api/units',
      headers: { 'content-type': 'application/json' },
      payload: '{"organisationId": "org1", "name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.data).toMatchObject({ error: { code: 'malformed_request' } });
    const wrongType = await t.request({
      method: 'POST',
      url: '/api/people',
      payload: { organisationId: 'org1', name: '', monthlyCapacity: 'lots' },
    });
    expect(wrongType.statusCode).toBe(400);
    const issues = (wrongType.data as { error: { details: { issues: { path: string }[] } } }).error.details
      .issues;
    expect(issues.map((issue) => issue.path).sort()).toEqual(['body.monthlyCapacity', 'body.name']);
  });

  it('keeps people with skills and capacity, and cycles with quarters', async () => {
    const person = await t.call(endpoints.structure.people.create, {
      body: {
        id: 'ana',
        organisationId: 'org1',
        unitId: 'cso',
        name: 'Ana',
        skills: ['threat detection'],
        monthlyCapacity: 12,
      },
    });
    expect(person.data).toMatchObject({
      id: 'ana',
      skills: ['threat detection'],
      monthlyCapacity: 12,
      unitId: 'cso',
    });
    const cycle = await t.call(endpoints.structure.cycles.create, {
      body: {
        id: 'fy27',
        organisationId: 'org1',
        year: 2027,
        startDate: '2027-04-01',
        endDate: '2028-03-31',
      },
    });
    expect(cycle.statusCode).toBe(201);
    expect(cycle.data).toMatchObject({
      name: '2027',
      quarters: [
        { name: 'Q1', startDate: '2027-04-01', endDate: '2027-06-30' },
        {},
        {},
        { name: 'Q4', endDate: '2028-03-31' },
      ],
    });
  });

  it('deletes an organisation with everything it holds', async () => {
    const current = body<Organisation>(await t.call(endpoints.organisations.get, { params: { id: 'org1' } }));
    expect(
      (
        await t.call(endpoints.organisations.remove, {
          params: { id: 'org1' },
          query: { version: current.version },
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.call(endpoints.structure.units.get, { params: { id: 'cio' } })).statusCode).toBe(404);
  });
});
