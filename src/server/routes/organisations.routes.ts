import { z } from 'zod';
import {
  CreateOrganisationSchema,
  CycleSchema,
  IdParamsSchema,
  OrganisationSchema,
  PersonSchema,
  UnitSchema,
  UpdateOrganisationSchema,
  XMatrixSchema,
} from '../../contracts';
import { defineRoute, type Route } from '../route';
import type { Services } from '../services';
import { VersionQuerySchema } from './shared';
import { SIGNED_IN, SITE_ADMIN, onOrganisationInPath } from './access-rules';

export function organisationRoutes(services: Services): Route[] {
  const tag = 'Organisations';
  return [
    defineRoute({
      method: 'GET',
      url: '/api/organisations',
      tag,
      summary: 'List organisations',
      response: z.array(OrganisationSchema),
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
    defineRoute({
      method: 'POST',
      url: '/api/organisations',
      tag,
      summary: 'Create an organisation',
      status: 201,
      body: CreateOrganisationSchema,
      response: OrganisationSchema,
      access: SITE_ADMIN,
      // The creator administers the new organisation.
      handler: ({ body, access }) =>
        services.organisations.create(
          body,
          access.principal.kind === 'user' ? { adminUserId: access.principal.id } : {},
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id',
      tag,
      summary: 'Get an organisation',
      params: IdParamsSchema,
      response: OrganisationSchema,
      access: onOrganisationInPath('member'),
      handler: ({ params }) => services.organisations.get(params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/organisations/:id',
      tag,
      summary: 'Update an organisation (name, part names, horizon)',
      params: IdParamsSchema,
      body: UpdateOrganisationSchema,
      response: OrganisationSchema,
      access: onOrganisationInPath('admin'),
      handler: ({ params, body }) => services.organisations.update(params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/organisations/:id',
      tag,
      summary: 'Delete an organisation and everything it holds',
      status: 204,
      params: IdParamsSchema,
      query: VersionQuerySchema,
      access: onOrganisationInPath('admin'),
      handler: async ({ params, query }) => {
        await services.organisations.remove(params.id, query.version);
        return undefined;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/units',
      tag,
      summary: "List the organisation's units (flat; parentId gives the tree)",
      params: IdParamsSchema,
      response: z.array(UnitSchema),
      access: onOrganisationInPath('member'),
      handler: ({ params }) => services.units.listByOrganisation(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/people',
      tag,
      summary: "List the organisation's people",
      params: IdParamsSchema,
      response: z.array(PersonSchema),
      access: onOrganisationInPath('member'),
      handler: ({ params }) => services.people.listByOrganisation(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/cycles',
      tag,
      summary: "List the organisation's cycles",
      params: IdParamsSchema,
      response: z.array(CycleSchema),
      access: onOrganisationInPath('member'),
      handler: ({ params }) => services.cycles.listByOrganisation(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/matrices',
      tag,
      summary: "List the organisation's X-matrices",
      params: IdParamsSchema,
      response: z.array(XMatrixSchema),
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
