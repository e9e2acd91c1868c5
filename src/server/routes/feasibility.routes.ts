import { z } from 'zod';
import {
  CapacityReportSchema,
  EffortSchema,
  IdParamsSchema,
  ImpactSchema,
  LintReportSchema,
  PressureTestJobSchema,
  PressureTestRequestSchema,
} from '../../contracts';
import { defineRoute, type Route } from '../route';
import { onItemInPath, onMatrixInPath } from './access-rules';
import type { Services } from '../services';
import { crudRoutes } from './crud';
import { feasibility as endpoints } from '../../contracts/endpoints';

/** Impacts and efforts of initiatives, and what they add up to: pressure test, capacity, lint. */
export function feasibilityRoutes(services: Services): Route[] {
  const tag = 'Pressure test';
  const { feasibility, initiativePlans } = services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/matrix-items/:id/impacts',
      tag,
      summary: "An initiative's impacts on KPIs",
      params: IdParamsSchema,
      response: z.array(ImpactSchema),
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
    defineRoute({
      method: 'GET',
      url: '/api/matrix-items/:id/efforts',
      tag,
      summary: "An initiative's effort per skill",
      params: IdParamsSchema,
      response: z.array(EffortSchema),
      access: onItemInPath('read'),
      handler: ({ params }) => initiativePlans.efforts.listByInitiative(params.id),
    }),
    ...crudRoutes({
      endpoints: endpoints.efforts,
      access: {
        at: (id, locate) => locate.effort(id),
        into: (body, locate) => locate.referenced('initiativeId', () => locate.matrixItem(body.initiativeId)),
      },
      service: initiativePlans.efforts,
    }),
    defineRoute({
      method: 'POST',
      url: '/api/matrices/:id/pressure-test',
      tag,
      summary:
        'Start a Monte Carlo pressure test in a worker thread (202 with a job; poll it, or send wait: true)',
      status: 202,
      params: IdParamsSchema,
      body: PressureTestRequestSchema,
      response: PressureTestJobSchema,
      access: onMatrixInPath('read'),
      handler: ({ params, body }) => feasibility.startPressureTest(params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/pressure-tests/:id',
      tag,
      summary: 'A pressure-test job: progress 0-1, then the result',
      params: IdParamsSchema,
      response: PressureTestJobSchema,
      access: {
        kind: 'scoped',
        need: 'read',
        scope: ({ params }, locate) => locate.matrix(feasibility.getJob(params.id).matrixId),
      },
      handler: ({ params }) => Promise.resolve(feasibility.getJob(params.id)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/matrices/:id/capacity',
      tag,
      summary: 'Skill demand against supply per month, people over capacity, gaps, and a verdict per target',
      params: IdParamsSchema,
      response: CapacityReportSchema,
      access: onMatrixInPath('read'),
      handler: ({ params }) => feasibility.capacity(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/matrices/:id/lint',
      tag,
      summary: 'Publish gates and warnings of an X-matrix, each with the items concerned',
      params: IdParamsSchema,
      response: LintReportSchema,
      access: onMatrixInPath('read'),
      handler: ({ params }) => feasibility.lint(params.id),
    }),
  ];
}
