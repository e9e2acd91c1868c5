import { execution as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
import { onPathId, onUnitInPath } from './access-rules';
import type { AccessContext } from '../auth/authorizer';
import type { Services } from '../services';

/** The acting user's name, recorded on locks when the caller names nobody. */
const nameOf = (access: AccessContext): string | undefined =>
  access.principal.kind === 'user' ? access.principal.name : undefined;

/** Progress and status, owners' overrides, check-in cadence and year-end locks. */
export function executionRoutes(services: Services): Route[] {
  const { progress, rhythm } = services;
  const overrideRoutes = (['objectives', 'key-results'] as const).flatMap((kind) => {
    const overrides = endpoints.statusOverrides[kind];
    const access = onPathId('contribute', (locate, id) =>
      kind === 'objectives' ? locate.objective(id) : locate.keyResult(id),
    );
    return [
      implement(overrides.set, {
        access,
        handler: ({ params, body }) => progress.setOverride(kind, params.id, body),
      }),
      implement(overrides.clear, {
        access,
        handler: async ({ params }) => {
          await progress.clearOverride(kind, params.id);
          return undefined;
        },
      }),
    ];
  });
  return [
    implement(endpoints.getUnitProgress, {
      access: onUnitInPath('read'),
      handler: ({ params, query }) => progress.unitProgress(params.id, query.cycleId, query.asOf),
    }),
    ...overrideRoutes,
    implement(endpoints.getCadence, {
      access: onUnitInPath('read'),
      handler: ({ params }) => rhythm.cadenceOf(params.id),
    }),
    implement(endpoints.setCadence, {
      access: onUnitInPath('edit'),
      handler: ({ params, body }) => rhythm.setCadence(params.id, body.cadence),
    }),
    implement(endpoints.getCycleLock, {
      access: { kind: 'scoped', need: 'member', scope: ({ params }, locate) => locate.cycle(params.id) },
      handler: ({ params }) => rhythm.lockOf(params.id),
    }),
    implement(endpoints.lockCycle, {
      access: { kind: 'scoped', need: 'admin', scope: ({ params }, locate) => locate.cycle(params.id) },
      handler: ({ params, body, access }) => rhythm.lock(params.id, body.by ?? nameOf(access), body.reason),
    }),
    implement(endpoints.reopenCycle, {
      access: { kind: 'scoped', need: 'admin', scope: ({ params }, locate) => locate.cycle(params.id) },
      handler: ({ params, body, access }) => rhythm.reopen(params.id, body.by ?? nameOf(access), body.reason),
    }),
  ];
}
