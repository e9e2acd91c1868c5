import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { VersionQuerySchema } from '../crud-endpoints';
import { CycleSchema } from '../cycle';
import { defineEndpoint } from '../endpoint';
import { CreateOrganisationSchema, OrganisationSchema, UpdateOrganisationSchema } from '../organisation';
import { CreatePeopleSchema, PersonSchema } from '../person';
import { UnitSchema } from '../unit';
import { XMatrixSchema } from '../x-matrix';

const tag = 'Organisations';

export const list = defineEndpoint({
  method: 'GET',
  path: '/api/organisations',
  tag,
  summary: 'List organisations',
  response: z.array(OrganisationSchema),
});

export const create = defineEndpoint({
  method: 'POST',
  path: '/api/organisations',
  tag,
  summary: 'Create an organisation',
  status: 201,
  body: CreateOrganisationSchema,
  response: OrganisationSchema,
});

export const get = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id',
  tag,
  summary: 'Get an organisation',
  params: IdParamsSchema,
  response: OrganisationSchema,
});

export const update = defineEndpoint({
  method: 'PATCH',
  path: '/api/organisations/:id',
  tag,
  summary: 'Update an organisation (name, part names, horizon)',
  params: IdParamsSchema,
  body: UpdateOrganisationSchema,
  response: OrganisationSchema,
});

export const remove = defineEndpoint({
  method: 'DELETE',
  path: '/api/organisations/:id',
  tag,
  summary: 'Delete an organisation and everything it holds',
  status: 204,
  params: IdParamsSchema,
  query: VersionQuerySchema,
});

export const listUnits = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/units',
  tag,
  summary: "List the organisation's units (flat; parentId gives the tree)",
  params: IdParamsSchema,
  response: z.array(UnitSchema),
});

export const listPeople = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/people',
  tag,
  summary: "List the organisation's people",
  params: IdParamsSchema,
  response: z.array(PersonSchema),
});

export const createPeople = defineEndpoint({
  method: 'POST',
  path: '/api/organisations/:id/people',
  tag,
  summary: 'Add many people at once (all or nothing: a bad row writes none, and is named by index and field)',
  status: 201,
  params: IdParamsSchema,
  body: CreatePeopleSchema,
  response: z.array(PersonSchema),
});

export const listCycles = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/cycles',
  tag,
  summary: "List the organisation's cycles",
  params: IdParamsSchema,
  response: z.array(CycleSchema),
});

export const listMatrices = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/matrices',
  tag,
  summary: "List the organisation's X-matrices",
  params: IdParamsSchema,
  response: z.array(XMatrixSchema),
});
