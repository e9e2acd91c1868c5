import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EffortView } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

type ErrorJson = { error: { code: string; details?: { issues?: { path: string; message: string }[] } } };

const MONTHS = [0, 0, 4, 4, 4, 2, 2, 0, 0, 0, 0, 0];

describe("an initiative's effort month by month (PUT /api/matrix-items/:id/efforts)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const put = (id: string, payload: unknown) =>
    t.request({ method: 'PUT', url: `/api/matrix-items/${id}/efforts`, payload: payload as object });
  const effortsOf = async (id: string) =>
    body<EffortView[]>(await t.call(endpoints.feasibility.listEfforts, { params: { id } }));

  it('stores the months as runs of equal months and replaces only that skill', async () => {
    const others = await effortsOf('cso-i6');
    const response = await put('cso-i6', {
      skills: [
        { skill: 'grid-test', months: MONTHS },
        { skill: 'grid-two', months: Array(12).fill(0.5) },
      ],
    });
    expect(response.statusCode).toBe(200);
    const mine = body<EffortView[]>(response).filter((effort) => effort.skill === 'grid-test');
    expect(
      mine.map(({ fromMonth, toMonth, personDaysPerMonth }) => [fromMonth, toMonth, personDaysPerMonth]),
    ).toEqual([
      [3, 5, 4],
      [6, 7, 2],
    ]);
    const again = body<EffortView[]>(
      await put('cso-i6', { skills: [{ skill: 'grid-test', months: Array(12).fill(1) }] }),
    );
    expect(again.filter((effort) => effort.skill === 'grid-test')).toHaveLength(1);
    expect(again.filter((effort) => effort.skill !== 'grid-test' && effort.skill !== 'grid-two')).toEqual(
      others,
    );
    expect(again.filter((effort) => effort.skill === 'grid-two')).toHaveLength(1);
    await put('cso-i6', {
      skills: [
        { skill: 'grid-test', months: Array(12).fill(0) },
        { skill: 'grid-two', months: Array(12).fill(0) },
      ],
    });
    expect((await effortsOf('cso-i6')).filter((effort) => effort.skill === 'grid-test')).toEqual([]);
  });

  describe('refuses bad input with a 400 naming the field or month, and writes nothing', () => {
    const refuse = async (id: string, payload: unknown, path: string) => {
      const before = await t.request({ method: 'GET', url: `/api/matrix-items/cso-i6/efforts` });
      const response = await put(id, payload);
      expect(response.statusCode).toBe(400);
      expect(body<ErrorJson>(response).error.details?.issues?.map((issue) => issue.path)).toContain(path);
      const after = await t.request({ method: 'GET', url: `/api/matrix-items/cso-i6/efforts` });
      expect(after.body).toBe(before.body);
    };
    it('a negative month', () =>
      refuse(
        'cso-i6',
        {
          skills: [
            { skill: 'ok', months: MONTHS },
            { skill: 'grid-test', months: MONTHS.map((v, i) => (i === 3 ? -1 : v)) },
          ],
        },
        'body.skills[1].months[3]',
      ));
    it('a month that is not a number', () =>
      refuse(
        'cso-i6',
        { skills: [{ skill: 'grid-test', months: MONTHS.map((v, i) => (i === 0 ? 'x' : v)) }] },
        'body.skills[0].months[0]',
      ));
    it('eleven months', () =>
      refuse(
        'cso-i6',
        { skills: [{ skill: 'grid-test', months: MONTHS.slice(1) }] },
        'body.skills[0].months',
      ));
    it('an empty skill name', () =>
      refuse('cso-i6', { skills: [{ skill: ' ', months: MONTHS }] }, 'body.skills[0].skill'));
    it('a skill twice', () =>
      refuse(
        'cso-i6',
        {
          skills: [
            { skill: 'a', months: MONTHS },
            { skill: 'a', months: MONTHS },
          ],
        },
        'body.skills',
      ));
    it('an item that is not an initiative', () =>
      refuse('cso-k1', { skills: [{ skill: 'grid-test', months: MONTHS }] }, 'initiativeId'));
  });
});
