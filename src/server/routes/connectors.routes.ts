import { implement, type Route } from '../route';
import { onItemInPath } from './access-rules';
import type { Services } from '../services';
import { connectors as endpoints } from '../../contracts/endpoints';

/**
 * KPI connectors. Readers of the KPI see its connector and last run; setting one up, a dry run
 * (it reaches the source with the secret) and a run are for editors of the KPI's unit.
 */
export function connectorRoutes(services: Services): Route[] {
  const { connectors } = services;
  return [
    implement(endpoints.getConnector, {
      access: onItemInPath('read'),
      handler: ({ params }) => connectors.get(params.id),
    }),
    implement(endpoints.setConnector, {
      access: onItemInPath('edit'),
      handler: ({ params, body }) => connectors.set(params.id, body),
    }),
    implement(endpoints.removeConnector, {
      access: onItemInPath('edit'),
      handler: ({ params, query }) => connectors.remove(params.id, query.version),
    }),
    implement(endpoints.previewConnector, {
      access: onItemInPath('edit'),
      handler: ({ params, body }) => connectors.preview(params.id, body),
    }),
    implement(endpoints.runConnector, {
      access: onItemInPath('edit'),
      handler: ({ params }) => connectors.run(params.id),
    }),
  ];
}
