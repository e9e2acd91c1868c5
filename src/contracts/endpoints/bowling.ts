import { z } from 'zod';
import {
  BowlingChartSchema,
  BowlingParamsSchema,
  CountermeasureQuerySchema,
  CountermeasureSchema,
  CreateCountermeasureSchema,
  KpiThresholdSchema,
  SetKpiThresholdSchema,
  UpdateCountermeasureSchema,
} from '../bowling';
import { IdParamsSchema } from '../common';
import { defineCrudEndpoints } from '../crud-endpoints';
import { defineEndpoint } from '../endpoint';

const tag = 'Bowling chart';

export const getChart = defineEndpoint({
  method: 'GET',
  path: '/api/units/:id/bowling/:year',
  tag,
  summary:
    "The unit's bowling chart: per KPI twelve months of plan and actual coloured green/yellow/red, quarters, YTD, trend and countermeasures",
  params: BowlingParamsSchema,
  response: BowlingChartSchema,
});

export const setKpiThreshold = defineEndpoint({
  method: 'PUT',
  path: '/api/kpis/:id/threshold',
  tag,
  summary: "Set a KPI's tolerance: a miss within this percentage of the plan is yellow, beyond it red",
  params: IdParamsSchema,
  body: SetKpiThresholdSchema,
  response: KpiThresholdSchema,
});

export const listUnitCountermeasures = defineEndpoint({
  method: 'GET',
  path: '/api/units/:id/countermeasures',
  tag,
  summary: "The unit's countermeasures, newest month first (open=true for those not closed)",
  params: IdParamsSchema,
  query: CountermeasureQuerySchema,
  response: z.array(CountermeasureSchema),
});

export const countermeasures = defineCrudEndpoints({
  path: '/api/countermeasures',
  noun: 'countermeasure',
  tag,
  create: CreateCountermeasureSchema,
  update: UpdateCountermeasureSchema,
  response: CountermeasureSchema,
});
