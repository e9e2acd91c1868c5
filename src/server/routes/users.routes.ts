import { users as endpoints } from '../../contracts/endpoints';
import { publicBaseUrl } from '../auth/public-url';
import { implement, type Route } from '../route';
import type { Services } from '../services';
import { SITE_ADMIN, onOrganisationInPath, visiblePersonalRows } from './access-rules';

/** User accounts (site administrators) and roles on units (the admins of those units). */
export function userRoutes(services: Services): Route[] {
  return [
    implement(endpoints.listUsers, {
      access: SITE_ADMIN,
      handler: () => services.users.list(),
    }),
    implement(endpoints.createUser, {
      access: SITE_ADMIN,
      handler: ({ body, request }) => services.users.create(body, publicBaseUrl(request)),
    }),
    implement(endpoints.updateUser, {
      access: SITE_ADMIN,
      handler: ({ params, body }) => services.users.update(params.id, body),
    }),
    implement(endpoints.listRoleAssignments, {
      access: onOrganisationInPath('member'),
      handler: async ({ params, access }) =>
        visiblePersonalRows(access, params.id, await services.roles.listByOrganisation(params.id)),
    }),
    implement(endpoints.grantRole, {
      // Granting on a unit is for its admins (and those above); organisation-wide, for the organisation's.
      access: {
        kind: 'scoped',
        need: 'admin',
        scope: async ({ body }, locate) => {
          const organisation = await locate.referenced('organisationId', () =>
            locate.organisation(body.organisationId),
          );
          const unitId = body.unitId;
          if (unitId === null) return organisation;
          const unit = await locate.referenced('unitId', () => locate.unit(unitId));
          return unit.organisationId === body.organisationId ? unit : organisation;
        },
      },
      handler: ({ body, request }) => services.roles.grant(body, publicBaseUrl(request)),
    }),
    implement(endpoints.updateRoleAssignment, {
      access: {
        kind: 'scoped',
        need: 'admin',
        scope: ({ params }, locate) => locate.roleAssignment(params.id),
      },
      handler: ({ params, body }) => services.roles.update(params.id, body),
    }),
    implement(endpoints.removeRoleAssignment, {
      access: {
        kind: 'scoped',
        need: 'admin',
        scope: ({ params }, locate) => locate.roleAssignment(params.id),
      },
      handler: async ({ params, query }) => {
        await services.roles.remove(params.id, query.version);
        return undefined;
      },
    }),
  ];
}
