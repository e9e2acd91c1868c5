import { z } from 'zod';
import {
  BowlingChartSchema,
  BowlingParamsSchema,
  CountermeasureQuerySchema,
  CountermeasureSchema,
  IdParamsSchema,
  KpiThresholdSchema,
  SetKpiThresholdSchema,
} from '../../contracts';
import { defineRoute, type Route } from '../route';
import { onItemInPath, onUnitInPath } from './access-rules';
import type { Services } from '../services';
import { crudRoutes } from './crud';
import { bowling as endpoints } from '../../contracts/endpoints';

/** The bowling chart, KPI tolerances, and countermeasures on red months. */
export function bowlingRoutes(services: Services): Route[] {
  const { bowling, countermeasures } = services;
  const tag = 'Bowling chart';
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:id/bowling/:year',
      tag,
      summary:
        "The unit's bowling chart: per KPI twelve months of plan and actual coloured green/yellow/red, quarters, YTD, trend and countermeasures",
      params: BowlingParamsSchema,
      response: BowlingChartSchema,
      access: onUnitInPath('read'),
      handler: ({ params }) => bowling.chart(params.id, params.year),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/kpis/:id/threshold',
      tag,
      summary: "Set a KPI's tolerance: a miss within this percentage of the plan is yellow, beyond it red",
      params: IdParamsSchema,
      body: SetKpiThresholdSchema,
      response: KpiThresholdSchema,
      access: onItemInPath('edit'),
      handler: ({ params, body }) => bowling.setTolerance(params.id, body.tolerancePercent),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:id/countermeasures',
      tag,
      summary: "The unit's countermeasures, newest month first (open=true for those not closed)",
      params: IdParamsSchema,
      query: CountermeasureQuerySchema,
      response: z.array(CountermeasureSchema),
      access: onUnitInPath('read'),
      handler: ({ params, query }) => countermeasures.listByUnit(params.id, query),
    }),
    ...crudRoutes({
      endpoints: endpoints.countermeasures,
      // The KPI's owners write their own countermeasures (contributors), editors any of the unit's.
      access: {
        write: 'contribute',
        at: (id, locate) => locate.countermeasure(id),
        into: (body, locate) => locate.referenced('kpiId', () => locate.matrixItem(body.kpiId)),
      },
      service: countermeasures,
    }),
  ];
}
