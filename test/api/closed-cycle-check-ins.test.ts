import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as endpoints from '../../src/contracts/endpoints';
import { toJson } from '../../src/server/db/versioned';
import { body, createTestApp, demoPlan, type ErrorResponse, type TestApp } from '../support/test-app';

/**
 * A plain check-in on a key result is written in one statement (insertKeyResultCheckIn), not in
 * the transaction the other check-ins take: the closed-cycle guard of the database refuses it all
 * the same, with the cycle named and nothing written.
 */
describe('a key-result check-in into a closed year', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-12-20' } });
    await t.services.planImport.importPlan(demoPlan());
    await t.services.demo.recordYear();
    expect(await t.services.demo.recordClosedYear()).toBe(true);
    // The demo's closed 2025 has no OKRs; one is put there as a restore would, past the guard.
    await t.store.db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('catchball.restoring', 'on', true)`.execute(trx);
      await trx
        .insertInto('objectives')
        .values({
          id: 'o25',
          unitId: 'cso',
          cycleId: 'fy2025',
          title: 'Last year',
          description: '',
          kind: 'committed',
          position: 99,
        })
        .execute();
      await trx
        .insertInto('keyResults')
        .values({
          id: 'kr25',
          objectiveId: 'o25',
          title: 'Last year’s key result',
          kind: 'increase',
          unitOfMeasure: '',
          baseline: 0,
          target: 10,
          current: 0,
          weight: 1,
          position: 0,
          milestones: toJson([]),
        })
        .execute();
    });
  });
  afterAll(() => t.close());

  it('is refused as cycle_closed, naming the cycle, and writes nothing', async () => {
    const response = await t.call(endpoints.checkIns.createCheckIn, {
      body: { keyResultId: 'kr25', value: 3, date: '2025-06-01' },
    });
    expect(response.statusCode).toBe(409);
    expect(body<ErrorResponse>(response).error).toMatchObject({
      code: 'cycle_closed',
      details: { cycleId: 'fy2025', cycleName: 'FY2025' },
    });
    const written = await t.store.db
      .selectFrom('checkIns')
      .select('id')
      .where('keyResultId', '=', 'kr25')
      .execute();
    expect(written).toEqual([]);
    const keyResult = await t.store.db
      .selectFrom('keyResults')
      .select('current')
      .where('id', '=', 'kr25')
      .executeTakeFirstOrThrow();
    expect(keyResult.current).toBe(0);
  });
});
