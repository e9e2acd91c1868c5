import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { defineCrudEndpoints } from '../crud-endpoints';
import { defineEndpoint } from '../endpoint';
import {
  CreateKeyResultSchema,
  CreateObjectiveSchema,
  KeyResultSchema,
  ObjectiveSchema,
  ObjectiveWithKeyResultsSchema,
  OkrQuerySchema,
  UpdateKeyResultSchema,
  UpdateObjectiveSchema,
} from '../okr';

export const listUnitOkrs = defineEndpoint({
  method: 'GET',
  path: '/api/units/:id/okrs',
  tag: 'OKRs',
  summary: "A unit's objectives with their key results, for one cycle or all",
  params: IdParamsSchema,
  query: OkrQuerySchema,
  response: z.array(ObjectiveWithKeyResultsSchema),
});

export const objectives = defineCrudEndpoints({
  path: '/api/objectives',
  noun: 'objective',
  tag: 'OKRs',
  create: CreateObjectiveSchema,
  update: UpdateObjectiveSchema,
  response: ObjectiveSchema,
});

export const keyResults = defineCrudEndpoints({
  path: '/api/key-results',
  noun: 'key result',
  tag: 'OKRs',
  create: CreateKeyResultSchema,
  update: UpdateKeyResultSchema,
  response: KeyResultSchema,
});
