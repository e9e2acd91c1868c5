import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cycle, Person, Unit } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, type TestApp } from '../support/test-app';

/** What the web app's organisation setup relies on: the bulk people add and refused deletes. */
describe('organisation setup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.call(endpoints.organisations.create, { body: { id: 'setup', name: 'Setup Org' } });
  });
  afterAll(() => t.close());

  const people = async () =>
    body<Person[]>(await t.call(endpoints.organisations.listPeople, { params: { id: 'setup' } }));
  const addPeople = (rows: unknown[]) =>
    t.call(endpoints.organisations.createPeople, {
      params: { id: 'setup' },
      body: { people: rows } as never,
    });

  it('refuses a bad organisation naming the field, creating nothing', async () => {
    const badId = await t.call(endpoints.organisations.create, {
      body: { id: 'two words', name: 'Two Words' },
    });
    expect(badId.statusCode).toBe(400);
    expect(JSON.stringify(badId.data)).toContain('"path":"body.id"');
    const badHorizon = await t.call(endpoints.organisations.create, {
      body: { id: 'far', name: 'Far', horizonYears: 11 },
    });
    expect(badHorizon.statusCode).toBe(400);
    expect(JSON.stringify(badHorizon.data)).toContain('horizonYears');
    const badPart = await t.call(endpoints.organisations.create, {
      body: { id: 'blank', name: 'Blank', partNames: { what: ' ' } },
    });
    expect(badPart.statusCode).toBe(400);
    expect(JSON.stringify(badPart.data)).toContain('partNames.what');
    const listed = body<{ id: string }[]>(await t.call(endpoints.organisations.list, {}));
    expect(listed.map((organisation) => organisation.id)).toEqual(['setup']);
  });

  it('refuses a bad row naming its index and field, and writes none of the rows', async () => {
    const answer = await addPeople([
      { name: 'Ada Lovelace', email: 'ada@example.com', skills: ['Analysis'], monthlyCapacity: 15 },
      { name: 'Bad Capacity', monthlyCapacity: 40 },
    ]);
    expect(answer.statusCode).toBe(400);
    expect(answer.data).toMatchObject({ error: { code: 'validation_failed' } });
    expect(JSON.stringify(answer.data)).toContain('people[1].monthlyCapacity');
    const badEmail = await addPeople([{ name: 'Bad Mail', email: 'not-an-address' }]);
    expect(badEmail.statusCode).toBe(400);
    expect(JSON.stringify(badEmail.data)).toContain('people[0].email');
    const empty = await addPeople([]);
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.data)).toContain('people');
    expect(await people()).toEqual([]);
  });

  it('refuses a row naming a unit of no such id, writing nothing', async () => {
    const answer = await addPeople([{ name: 'Ada Lovelace' }, { name: 'Lost Person', unitId: 'nowhere' }]);
    expect(answer.statusCode).toBe(400);
    expect(JSON.stringify(answer.data)).toContain('people[1].unitId');
    expect(await people()).toEqual([]);
  });

  it('adds every row in order with skills and capacity', async () => {
    const answer = await addPeople([
      { name: 'Ada Lovelace', email: 'ada@example.com', skills: ['Analysis', 'Maths'], monthlyCapacity: 15 },
      { name: 'Alan Turing', skills: [], monthlyCapacity: 9.5 },
    ]);
    expect(answer.statusCode).toBe(201);
    const listed = await people();
    expect(listed.map((person) => [person.name, person.skills, person.monthlyCapacity])).toEqual([
      ['Ada Lovelace', ['Analysis', 'Maths'], 15],
      ['Alan Turing', [], 9.5],
    ]);
  });

  it('refuses to delete a unit with units below it, objectives or an X-matrix, naming them', async () => {
    const unit = async (id: string, name: string, parentId?: string) =>
      body<Unit>(
        await t.call(endpoints.structure.units.create, {
          body: { id, organisationId: 'setup', name, ...(parentId ? { parentId } : {}) },
        }),
      );
    const top = await unit('top', 'Head Office');
    const ops = await unit('ops', 'Security Operations', 'top');
    const cycle = body<Cycle>(
      await t.call(endpoints.structure.cycles.create, { body: { organisationId: 'setup', year: 2026 } }),
    );
    for (const title of ['One', 'Two', 'Three'])
      await t.call(endpoints.okrs.objectives.create, { body: { unitId: 'ops', cycleId: cycle.id, title } });
    await t.call(endpoints.matrices.create, { body: { unitId: 'ops', year: 2026 } });

    const refused = await t.call(endpoints.structure.units.remove, {
      params: { id: 'ops' },
      query: { version: ops.version },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.data).toMatchObject({
      error: {
        code: 'invariant_violated',
        message: 'Security Operations has 3 objectives and an X-matrix; move or delete them first',
      },
    });
    const parent = await t.call(endpoints.structure.units.remove, {
      params: { id: 'top' },
      query: { version: top.version },
    });
    expect(parent.data).toMatchObject({
      error: { message: 'Head Office has 1 unit below it; move or delete it first' },
    });
    const cycleRefused = await t.call(endpoints.structure.cycles.remove, {
      params: { id: cycle.id },
      query: { version: cycle.version },
    });
    expect(cycleRefused.statusCode).toBe(422);
    expect(cycleRefused.data).toMatchObject({
      error: { message: `${cycle.name} has 3 objectives; move or delete them first` },
    });
    expect((await t.call(endpoints.structure.units.get, { params: { id: 'ops' } })).statusCode).toBe(200);

    const leaf = await unit('leaf', 'Empty Team', 'top');
    const removed = await t.call(endpoints.structure.units.remove, {
      params: { id: 'leaf' },
      query: { version: leaf.version },
    });
    expect(removed.statusCode).toBe(204);
  });
});
