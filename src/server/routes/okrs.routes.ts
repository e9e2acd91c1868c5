import { z } from 'zod';
import {
  CreateKeyResultSchema,
  CreateObjectiveSchema,
  IdParamsSchema,
  KeyResultSchema,
  ObjectiveSchema,
  ObjectiveWithKeyResultsSchema,
  OkrQuerySchema,
  UpdateKeyResultSchema,
  UpdateObjectiveSchema,
} from '../../contracts';
import { defineRoute, type Route } from '../route';
import { onUnitInPath } from './access-rules';
import type { Services } from '../services';
import { crudRoutes } from './crud';

export function okrRoutes(services: Services): Route[] {
  const { okrs } = services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:id/okrs',
      tag: 'OKRs',
      summary: "A unit's objectives with their key results, for one cycle or all",
      params: IdParamsSchema,
      query: OkrQuerySchema,
      response: z.array(ObjectiveWithKeyResultsSchema),
      access: onUnitInPath('read'),
      handler: ({ params, query }) => okrs.listByUnit(params.id, query.cycleId),
    }),
    ...crudRoutes({
      path: '/api/objectives',
      noun: 'objective',
      tag: 'OKRs',
      create: CreateObjectiveSchema,
      update: UpdateObjectiveSchema,
      response: ObjectiveSchema,
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
      path: '/api/key-results',
      noun: 'key result',
      tag: 'OKRs',
      create: CreateKeyResultSchema,
      update: UpdateKeyResultSchema,
      response: KeyResultSchema,
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
