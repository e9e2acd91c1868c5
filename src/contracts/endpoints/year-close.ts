import { IdParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import {
  CycleClosureSchema,
  ReflectionSchema,
  RolloverPreviewSchema,
  RolloverResultSchema,
  RolloverSchema,
  SaveReflectionSchema,
  YearReviewSchema,
} from '../year-close';

const tag = 'Year close';

export const getYearReview = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id/year-review',
  tag,
  summary:
    "The matrix's year under review: final scores of its KPIs, annual objectives and the unit's OKRs, reflections",
  params: IdParamsSchema,
  response: YearReviewSchema,
});

export const saveReflection = defineEndpoint({
  method: 'PUT',
  path: '/api/matrix-items/:id/reflection',
  tag,
  summary: 'Write the reflection (hansei) of an annual objective: what was reached, why, what was learned',
  params: IdParamsSchema,
  body: SaveReflectionSchema,
  response: ReflectionSchema,
});

export const getCycleClosure = defineEndpoint({
  method: 'GET',
  path: '/api/cycles/:id/closure',
  tag,
  summary: 'Whether the cycle is closed',
  params: IdParamsSchema,
  response: CycleClosureSchema,
});

export const closeCycle = defineEndpoint({
  method: 'POST',
  path: '/api/cycles/:id/close',
  tag,
  summary: 'Close the cycle: its OKRs, X-matrices and check-ins refuse every later write (cycle_closed)',
  params: IdParamsSchema,
  response: CycleClosureSchema,
});

export const previewRollover = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id/rollover',
  tag,
  summary: "What rolling the matrix into next year proposes for each item, with the year's scores and gaps",
  params: IdParamsSchema,
  response: RolloverPreviewSchema,
});

export const rollover = defineEndpoint({
  method: 'POST',
  path: '/api/matrices/:id/rollover',
  tag,
  summary:
    "Roll a closed year's matrix into next year as chosen: next year's cycle (if missing) and matrix in one transaction, each carried item linked to its source",
  params: IdParamsSchema,
  body: RolloverSchema,
  response: RolloverResultSchema,
  status: 201,
});
