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
import { onUnitInPath } from './access-rules';
import type { AccessContext } from '../auth/authorizer';
import type { Services } from '../services';

/** The acting user's name, recorded on locks when the caller names nobody. */
const nameOf = (access: AccessContext): string | undefined =>
  access.principal.kind === 'user' ? access.principal.name : undefined;

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
      access: {
        kind: 'scoped',
        need: 'contribute',
        scope: ({ params }, locate) =>
          kind === 'objectives' ? locate.objective(params.id) : locate.keyResult(params.id),
      },
      handler: ({ params, body }) => progress.setOverride(kind, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `/api/${kind}/:id/status-override`,
      tag,
      summary: 'Remove the override: the derived status shows again',
      status: 204,
      params: IdParamsSchema,
      access: {
        kind: 'scoped',
        need: 'contribute',
        scope: ({ params }, locate) =>
          kind === 'objectives' ? locate.objective(params.id) : locate.keyResult(params.id),
      },
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
      access: onUnitInPath('read'),
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
      access: onUnitInPath('read'),
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
      access: onUnitInPath('edit'),
      handler: ({ params, body }) => rhythm.setCadence(params.id, body.cadence),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/cycles/:id/lock',
      tag,
      summary: 'Whether the cycle is locked at year end',
      params: IdParamsSchema,
      response: CycleLockSchema,
      access: { kind: 'scoped', need: 'member', scope: ({ params }, locate) => locate.cycle(params.id) },
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
      access: { kind: 'scoped', need: 'admin', scope: ({ params }, locate) => locate.cycle(params.id) },
      handler: ({ params, body, access }) => rhythm.lock(params.id, body.by ?? nameOf(access), body.reason),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/cycles/:id/reopen',
      tag,
      summary: 'Reopen a locked cycle (organisation admins only), with a reason; who and why are recorded',
      params: IdParamsSchema,
      body: ReopenCycleSchema,
      response: CycleLockSchema,
      access: { kind: 'scoped', need: 'admin', scope: ({ params }, locate) => locate.cycle(params.id) },
      handler: ({ params, body, access }) => rhythm.reopen(params.id, body.by ?? nameOf(access), body.reason),
    }),
  ];
}
