import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { ForecastHistorySchema } from '../forecast';

const tag = 'Pressure test';

export const forecastHistory = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id/forecast',
  tag,
  summary:
    "The forecast from actuals of an X-matrix's targets, month by month as recorded: the chance of hitting each target by year end as it stood then",
  params: IdParamsSchema,
  response: ForecastHistorySchema,
});

export const recordForecast = defineEndpoint({
  method: 'POST',
  path: '/api/matrices/:id/forecast',
  tag,
  summary:
    "Record the forecast from actuals now (a KPI check-in records it too): this month's figure of every target is replaced; answers the history",
  params: IdParamsSchema,
  response: ForecastHistorySchema,
});

export const keyResultForecast = defineEndpoint({
  method: 'GET',
  path: '/api/key-results/:id/forecast',
  tag,
  summary:
    "A key result's forecast from actuals, month by month, from each X-matrix whose KPIs measure it (each history holds only its outcomes)",
  params: IdParamsSchema,
  response: z.array(ForecastHistorySchema),
});
