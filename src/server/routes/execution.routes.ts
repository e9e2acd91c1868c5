import {
  CycleLockSchema,
  IdParamsSchema,
  LockCycleSchema,
  ProgressQuerySchema,
  ReopenCycleSchema,
  SetCadenceSchema,
  SetStatusOverrideSchema,
  StatusOverrideSchema,
  UnitCadenceSchema,
  UnitProgressSchema,
} from '../../contracts';
import { defineRoute, type Route } from '../route';
import type { Services } from '../services';

/** Progress and status, owners' overrides, check-in cadence and year-end locks. */
export function executionRoutes(services: Services): Route[] {
  const { progress, rhythm } = services;
  const tag = 'Execution';
  const overrideRoutes = (['objectives', 'key-results'] as const).flatMap((kind) => [
    defineRoute({
      method: 'PUT',
      url: `/api/${kind}/:id/status-override`,
      tag,
      summary: `Override the derived status of ${kind === 'objectives' ? 'an objective' : 'a key result'}, with a reason`,
      params: IdParamsSchema,
      body: SetStatusOverrideSchema,
      response: StatusOverrideSchema,
      handler: ({ params, body }) => progress.setOverride(kind, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `/api/${kind}/:id/status-override`,
      tag,
      summary: 'Remove the override: the derived status shows again',
      status: 204,
      params: IdParamsSchema,
      handler: async ({ params }) => {
        await progress.clearOverride(kind, params.id);
        return undefined;
      },
    }),
  ]);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:id/progress',
      tag,
      summary:
        "Progress, status and score of the unit's objectives and key results, with how each objective's progress was computed",
      params: IdParamsSchema,
      query: ProgressQuerySchema,
      response: UnitProgressSchema,
      handler: ({ params, query }) => progress.unitProgress(params.id, query.cycleId, query.asOf),
    }),
    ...overrideRoutes,
    defineRoute({
      method: 'GET',
      url: '/api/units/:id/cadence',
      tag,
      summary:
        "The unit's check-in cadence: its own, or inherited from the nearest ancestor (monthly by default)",
      params: IdParamsSchema,
      response: UnitCadenceSchema,
      handler: ({ params }) => rhythm.cadenceOf(params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/units/:id/cadence',
      tag,
      summary: "Set the unit's check-in cadence (weekly or monthly); null inherits again",
      params: IdParamsSchema,
      body: SetCadenceSchema,
      response: UnitCadenceSchema,
      handler: ({ params, body }) => rhythm.setCadence(params.id, body.cadence),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/cycles/:id/lock',
      tag,
      summary: 'Whether the cycle is locked at year end',
      params: IdParamsSchema,
      response: CycleLockSchema,
      handler: ({ params }) => rhythm.lockOf(params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/cycles/:id/lock',
      tag,
      summary: 'Lock the cycle at year end: check-ins dated in it are refused',
      params: IdParamsSchema,
      body: LockCycleSchema,
      response: CycleLockSchema,
      handler: ({ params, body }) => rhythm.lock(params.id, body.by, body.reason),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/cycles/:id/reopen',
      tag,
      summary:
        'Reopen a locked cycle (admins only: until accounts exist, send admin: true and a reason, which are recorded)',
      params: IdParamsSchema,
      body: ReopenCycleSchema,
      response: CycleLockSchema,
      handler: ({ params, body }) => rhythm.reopen(params.id, body.by, body.reason),
    }),
  ];
}
