import { implement, type Route } from '../route';
import { onItemInPath, onMatrixInPath } from './access-rules';
import type { Services } from '../services';
import { crudRoutes } from './crud';
import { feasibility as endpoints, forecast as forecastEndpoints } from '../../contracts/endpoints';

/** Impacts and efforts of initiatives, and what they add up to: pressure test, capacity, lint, forecast from actuals. */
export function feasibilityRoutes(services: Services): Route[] {
  const { feasibility, initiativePlans, forecast } = services;
  return [
    implement(forecastEndpoints.forecastHistory, {
      access: onMatrixInPath('read'),
      handler: ({ params }) => forecast.history(params.id),
    }),
    implement(forecastEndpoints.keyResultForecast, {
      access: { kind: 'scoped', need: 'read', scope: ({ params }, locate) => locate.keyResult(params.id) },
      handler: ({ params }) => forecast.forKeyResult(params.id),
    }),
    // Recording derives figures from what is already there; editors may ask for it between check-ins.
    implement(forecastEndpoints.recordForecast, {
      access: onMatrixInPath('edit'),
      handler: ({ params }) => forecast.record(params.id),
    }),
    implement(endpoints.listImpacts, {
      access: onItemInPath('read'),
      handler: ({ params }) => initiativePlans.impacts.listByInitiative(params.id),
    }),
    ...crudRoutes({
      endpoints: endpoints.impacts,
      access: {
        at: (id, locate) => locate.impact(id),
        into: (body, locate) => locate.referenced('initiativeId', () => locate.matrixItem(body.initiativeId)),
      },
      service: initiativePlans.impacts,
    }),
    implement(endpoints.listEfforts, {
      access: onItemInPath('read'),
      handler: ({ params }) => initiativePlans.efforts.listByInitiative(params.id),
    }),
    implement(endpoints.setSkillEffortMonths, {
      access: onItemInPath('edit'),
      handler: ({ params, body }) => initiativePlans.efforts.setSkillMonths(params.id, body),
    }),
    ...crudRoutes({
      endpoints: endpoints.efforts,
      access: {
        at: (id, locate) => locate.effort(id),
        into: (body, locate) => locate.referenced('initiativeId', () => locate.matrixItem(body.initiativeId)),
      },
      service: initiativePlans.efforts,
    }),
    implement(endpoints.startPressureTest, {
      access: onMatrixInPath('read'),
      statusOf: (job) => (job.status === 'running' ? 202 : 200),
      handler: ({ params, body }) => feasibility.startPressureTest(params.id, body),
    }),
    implement(endpoints.getPressureTest, {
      access: {
        kind: 'scoped',
        need: 'read',
        scope: async ({ params }, locate) => locate.matrix((await feasibility.getJob(params.id)).matrixId),
      },
      handler: ({ params }) => feasibility.getJob(params.id),
    }),
    implement(endpoints.capacity, {
      access: onMatrixInPath('read'),
      handler: ({ params }) => feasibility.capacity(params.id),
    }),
    implement(endpoints.whatIfBasis, {
      access: onMatrixInPath('read'),
      handler: ({ params }) => feasibility.whatIfBasis(params.id),
    }),
    implement(endpoints.lint, {
      access: onMatrixInPath('read'),
      handler: ({ params }) => feasibility.lint(params.id),
    }),
  ];
}
