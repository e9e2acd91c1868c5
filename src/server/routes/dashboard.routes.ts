import { dashboard as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
import { onOrganisationInPath, onUnitInPath } from './access-rules';
import type { Services } from '../services';

/** The unit dashboard, the organisation overview, and the reminder digest. */
export function dashboardRoutes(services: Services): Route[] {
  const { dashboard, rhythm, digest } = services;
  return [
    implement(endpoints.getUnitDashboard, {
      access: onUnitInPath('read'),
      handler: ({ params, query }) => dashboard.unitDashboard(params.id, query.cycleId, query.asOf),
    }),
    implement(endpoints.getOrganisationOverview, {
      access: onOrganisationInPath('read'),
      handler: ({ params, query }) => dashboard.organisationOverview(params.id, query.cycleId, query.asOf),
    }),
    implement(endpoints.getDigestSettings, {
      access: onOrganisationInPath('admin'),
      handler: ({ params }) => rhythm.digestSettings(params.id),
    }),
    implement(endpoints.setDigestSettings, {
      access: onOrganisationInPath('admin'),
      handler: ({ params, body }) => rhythm.setDigestSettings(params.id, body),
    }),
    implement(endpoints.sendDigest, {
      access: onOrganisationInPath('admin'),
      handler: ({ params, query }) => digest.send(params.id, query),
    }),
  ];
}
