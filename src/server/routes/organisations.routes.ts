import { organisations as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
import type { Services } from '../services';
import { SIGNED_IN, SITE_ADMIN, onOrganisationInPath, visiblePersonalRows } from './access-rules';

export function organisationRoutes(services: Services): Route[] {
  return [
    implement(endpoints.list, {
      access: SIGNED_IN,
      // Only the organisations the caller belongs to (all of them for a site administrator).
      handler: async ({ access }) => {
        const organisations = await services.organisations.list();
        const member = await Promise.all(
          organisations.map((organisation) =>
            access.allows('member', { organisationId: organisation.id, unitId: null }),
          ),
        );
        return organisations.filter((_organisation, index) => member[index]);
      },
    }),
    implement(endpoints.create, {
      access: SITE_ADMIN,
      // The creator administers the new organisation.
      handler: ({ body, access }) =>
        services.organisations.create(
          body,
          access.principal.kind === 'user' ? { adminUserId: access.principal.id } : {},
        ),
    }),
    implement(endpoints.get, {
      access: onOrganisationInPath('member'),
      handler: ({ params }) => services.organisations.get(params.id),
    }),
    implement(endpoints.update, {
      access: onOrganisationInPath('admin'),
      handler: ({ params, body }) => services.organisations.update(params.id, body),
    }),
    implement(endpoints.remove, {
      access: onOrganisationInPath('admin'),
      handler: async ({ params, query }) => {
        await services.organisations.remove(params.id, query.version);
        return undefined;
      },
    }),
    implement(endpoints.listUnits, {
      access: onOrganisationInPath('member'),
      handler: ({ params }) => services.units.listByOrganisation(params.id),
    }),
    implement(endpoints.listPeople, {
      access: onOrganisationInPath('member'),
      handler: async ({ params, access }) =>
        visiblePersonalRows(access, params.id, await services.people.listByOrganisation(params.id)),
    }),
    implement(endpoints.createPeople, {
      // Like one person each, for the whole organisation at once: its editors and admins.
      access: onOrganisationInPath('edit'),
      handler: ({ params, body }) => services.people.createMany(params.id, body),
    }),
    implement(endpoints.listCycles, {
      access: onOrganisationInPath('member'),
      handler: ({ params }) => services.cycles.listByOrganisation(params.id),
    }),
    implement(endpoints.listMatrices, {
      access: onOrganisationInPath('member'),
      // Structure is for every member; a matrix only for those who may read its unit.
      handler: async ({ params, access }) => {
        const matrices = await services.matrices.listByOrganisation(params.id);
        const readable = await Promise.all(
          matrices.map((matrix) =>
            access.allows('read', { organisationId: params.id, unitId: matrix.unitId }),
          ),
        );
        return matrices.filter((_matrix, index) => readable[index]);
      },
    }),
  ];
}
