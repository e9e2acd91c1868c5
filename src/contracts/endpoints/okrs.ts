import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { defineCrudEndpoints } from '../crud-endpoints';
import { defineEndpoint } from '../endpoint';
import {
  CloneObjectiveSchema,
  CreateKeyResultSchema,
  CreateObjectiveSchema,
  KeyResultSchema,
  MoveKeyResultSchema,
  MoveObjectiveSchema,
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

export const moveObjective = defineEndpoint({
  method: 'POST',
  path: '/api/objectives/:id/move',
  tag: 'OKRs',
  summary:
    'Reorder an objective (position, 0-based) or move it into another cycle; the siblings are renumbered in one transaction',
  params: IdParamsSchema,
  body: MoveObjectiveSchema,
  response: ObjectiveSchema,
});

export const moveKeyResult = defineEndpoint({
  method: 'POST',
  path: '/api/key-results/:id/move',
  tag: 'OKRs',
  summary:
    'Reorder a key result (position, 0-based) or move it to another objective of the same unit, its check-ins with it',
  params: IdParamsSchema,
  body: MoveKeyResultSchema,
  response: KeyResultSchema,
});

export const cloneObjective = defineEndpoint({
  method: 'POST',
  path: '/api/objectives/:id/clone',
  tag: 'OKRs',
  summary:
    'Copy an objective with its key results into another cycle (by default the next one): targets kept, no check-ins, no alignment',
  status: 201,
  params: IdParamsSchema,
  body: CloneObjectiveSchema,
  response: ObjectiveWithKeyResultsSchema,
});
