import { dashboard as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
import { onOrganisationInPath, onUnitInPath, readableUnits } from './access-rules';
import type { Services } from '../services';

/** The unit dashboard, the organisation overview, and the reminder digest. */
export function dashboardRoutes(services: Services): Route[] {
  const { dashboard, rhythm, digest } = services;
  return [
    implement(endpoints.getUnitDashboard, {
      access: onUnitInPath('read'),
      handler: ({ params, query }) => dashboard.unitDashboard(params.id, query.cycleId, query.asOf),
    }),
    // Open to every member; the per-unit rows are those of units the caller may read, the
    // organisation-wide figures (distribution, spread) stay whole since they name no unit.
    implement(endpoints.getOrganisationOverview, {
      access: onOrganisationInPath('member'),
      handler: async ({ params, query, access }) => {
        const overview = await dashboard.organisationOverview(params.id, query.cycleId, query.asOf);
        const readable = await readableUnits(
          access,
          params.id,
          overview.quarters.flatMap((quarter) => quarter.units.map((unit) => unit.unitId)),
        );
        return {
          ...overview,
          quarters: overview.quarters.map((quarter) => ({
            ...quarter,
            units: quarter.units.filter((unit) => readable.has(unit.unitId)),
          })),
        };
      },
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
