import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { VersionQuerySchema } from '../crud-endpoints';
import { defineEndpoint } from '../endpoint';
import {
  ApplyScenarioSchema,
  CreateScenarioSchema,
  ScenarioApplyPreviewSchema,
  ScenarioComparisonSchema,
  ScenarioSchema,
  UpdateScenarioSchema,
} from '../scenario';

const tag = 'Pressure test';

export const createScenario = defineEndpoint({
  method: 'POST',
  path: '/api/matrices/:id/scenarios',
  tag,
  summary:
    "Save a what-if scenario of the matrix: its changes, and the pressure test's outcome of them (probability and 80 % value per target)",
  status: 201,
  params: IdParamsSchema,
  body: CreateScenarioSchema,
  response: ScenarioSchema,
});

export const listScenarios = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id/scenarios',
  tag,
  summary: "A matrix's saved what-if scenarios, newest first",
  params: IdParamsSchema,
  response: z.array(ScenarioSchema),
});

export const getScenario = defineEndpoint({
  method: 'GET',
  path: '/api/scenarios/:id',
  tag,
  summary: 'One saved what-if scenario',
  params: IdParamsSchema,
  response: ScenarioSchema,
});

export const updateScenario = defineEndpoint({
  method: 'PATCH',
  path: '/api/scenarios/:id',
  tag,
  summary:
    'Rename a scenario or replace its changes (its outcome is computed again); send the version you read',
  params: IdParamsSchema,
  body: UpdateScenarioSchema,
  response: ScenarioSchema,
});

export const deleteScenario = defineEndpoint({
  method: 'DELETE',
  path: '/api/scenarios/:id',
  tag,
  summary: 'Delete a scenario (send the version you read); proposals that name it keep its outcome',
  status: 204,
  params: IdParamsSchema,
  query: VersionQuerySchema,
});

export const compareScenario = defineEndpoint({
  method: 'GET',
  path: '/api/scenarios/:id/comparison',
  tag,
  summary:
    'The scenario beside the plan as it is now: per target both probabilities and 80 % values, the capacity differences, and where the plan changed since it was saved',
  params: IdParamsSchema,
  response: ScenarioComparisonSchema,
});

export const previewApplyScenario = defineEndpoint({
  method: 'GET',
  path: '/api/scenarios/:id/apply-preview',
  tag,
  summary: 'What applying the scenario would write into the matrix, and what would stop it',
  params: IdParamsSchema,
  response: ScenarioApplyPreviewSchema,
});

export const applyScenario = defineEndpoint({
  method: 'POST',
  path: '/api/scenarios/:id/apply',
  tag,
  summary:
    "Write the scenario's changes into the matrix in one transaction; 409 naming the item when the plan changed there since the scenario was saved",
  params: IdParamsSchema,
  body: ApplyScenarioSchema,
  response: ScenarioApplyPreviewSchema,
});
