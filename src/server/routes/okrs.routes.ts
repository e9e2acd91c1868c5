import { okrs as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
import { onUnitInPath } from './access-rules';
import type { Services } from '../services';
import { crudRoutes } from './crud';

export function okrRoutes(services: Services): Route[] {
  const { okrs, okrArrangement } = services;
  return [
    implement(endpoints.listUnitOkrs, {
      access: onUnitInPath('read'),
      handler: ({ params, query }) => okrs.listByUnit(params.id, query.cycleId),
    }),
    implement(endpoints.moveObjective, {
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: ({ params }, locate) => locate.objective(params.id),
      },
      handler: ({ params, body }) => okrArrangement.moveObjective(params.id, body),
    }),
    implement(endpoints.moveKeyResult, {
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: ({ params }, locate) => locate.keyResult(params.id),
      },
      handler: ({ params, body }) => okrArrangement.moveKeyResult(params.id, body),
    }),
    implement(endpoints.cloneObjective, {
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: ({ params }, locate) => locate.objective(params.id),
      },
      handler: ({ params, body }) => okrArrangement.cloneObjective(params.id, body),
    }),
    ...crudRoutes({
      endpoints: endpoints.objectives,
      access: {
        at: (id, locate) => locate.objective(id),
        into: (body, locate) => locate.referenced('unitId', () => locate.unit(body.unitId)),
      },
      service: {
        get: async (id) => okrs.getObjective(id),
        create: (input) => okrs.createObjective(input),
        update: (id, input) => okrs.updateObjective(id, input),
        remove: (id, version) => okrs.removeObjective(id, version),
      },
    }),
    ...crudRoutes({
      endpoints: endpoints.keyResults,
      access: {
        at: (id, locate) => locate.keyResult(id),
        into: (body, locate) => locate.referenced('objectiveId', () => locate.objective(body.objectiveId)),
      },
      service: {
        get: (id) => okrs.getKeyResult(id),
        create: (input) => okrs.createKeyResult(input),
        update: (id, input) => okrs.updateKeyResult(id, input),
        remove: (id, version) => okrs.removeKeyResult(id, version),
      },
    }),
  ];
}
