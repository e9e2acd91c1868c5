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

export function organisationRoutes(services: Services): Route[] {
  const tag = 'Organisations';
  return [
    defineRoute({
      method: 'GET',
      url: '/api/organisations',
      tag,
      summary: 'List organisations',
      response: z.array(OrganisationSchema),
      handler: () => services.organisations.list(),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/organisations',
      tag,
      summary: 'Create an organisation',
      status: 201,
      body: CreateOrganisationSchema,
      response: OrganisationSchema,
      handler: ({ body }) => services.organisations.create(body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id',
      tag,
      summary: 'Get an organisation',
      params: IdParamsSchema,
      response: OrganisationSchema,
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
      handler: ({ params }) => services.units.listByOrganisation(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/people',
      tag,
      summary: "List the organisation's people",
      params: IdParamsSchema,
      response: z.array(PersonSchema),
      handler: ({ params }) => services.people.listByOrganisation(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/cycles',
      tag,
      summary: "List the organisation's cycles",
      params: IdParamsSchema,
      response: z.array(CycleSchema),
      handler: ({ params }) => services.cycles.listByOrganisation(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/matrices',
      tag,
      summary: "List the organisation's X-matrices",
      params: IdParamsSchema,
      response: z.array(XMatrixSchema),
      handler: ({ params }) => services.matrices.listByOrganisation(params.id),
    }),
  ];
}
