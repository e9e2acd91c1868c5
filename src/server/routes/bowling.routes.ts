import { implement, type Route } from '../route';
import { onItemInPath, onUnitInPath } from './access-rules';
import type { Services } from '../services';
import { crudRoutes } from './crud';
import { bowling as endpoints } from '../../contracts/endpoints';

/** The bowling chart, KPI tolerances, and countermeasures on red months. */
export function bowlingRoutes(services: Services): Route[] {
  const { bowling, countermeasures } = services;
  return [
    implement(endpoints.getChart, {
      access: onUnitInPath('read'),
      handler: ({ params }) => bowling.chart(params.id, params.year),
    }),
    implement(endpoints.setKpiThreshold, {
      access: onItemInPath('edit'),
      handler: ({ params, body }) => bowling.setTolerance(params.id, body.tolerancePercent),
    }),
    implement(endpoints.listUnitCountermeasures, {
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
