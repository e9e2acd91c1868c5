import { z } from 'zod';
import {
  CreatedUserSchema,
  CreateRoleAssignmentSchema,
  CreateUserSchema,
  GrantedRoleSchema,
  IdParamsSchema,
  RoleAssignmentSchema,
  UpdateRoleAssignmentSchema,
  UpdateUserSchema,
  UserSchema,
} from '../../contracts';
import { publicBaseUrl } from '../auth/public-url';
import { defineRoute, type Route } from '../route';
import type { Services } from '../services';
import { SITE_ADMIN, onOrganisationInPath } from './access-rules';
import { VersionQuerySchema } from './shared';

/** User accounts (site administrators) and roles on units (the admins of those units). */
export function userRoutes(services: Services): Route[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/users',
      tag: 'Users',
      summary: 'List user accounts',
      response: z.array(UserSchema),
      access: SITE_ADMIN,
      handler: () => services.users.list(),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/users',
      tag: 'Users',
      summary: 'Create a user account (without a password: with a one-time invitation link)',
      status: 201,
      body: CreateUserSchema,
      response: CreatedUserSchema,
      access: SITE_ADMIN,
      handler: ({ body, request }) => services.users.create(body, publicBaseUrl(request)),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/users/:id',
      tag: 'Users',
      summary: 'Rename, promote, disable (ends their sessions) or set the password of a user',
      params: IdParamsSchema,
      body: UpdateUserSchema,
      response: UserSchema,
      access: SITE_ADMIN,
      handler: ({ params, body }) => services.users.update(params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/role-assignments',
      tag: 'Roles',
      summary: "List the organisation's role assignments",
      params: IdParamsSchema,
      response: z.array(RoleAssignmentSchema),
      access: onOrganisationInPath('member'),
      handler: ({ params }) => services.roles.listByOrganisation(params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/role-assignments',
      tag: 'Roles',
      summary:
        'Give a user (by e-mail; invited when new) a role on a unit and below, or on the whole organisation (unitId null)',
      status: 201,
      body: CreateRoleAssignmentSchema,
      response: GrantedRoleSchema,
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
    defineRoute({
      method: 'PATCH',
      url: '/api/role-assignments/:id',
      tag: 'Roles',
      summary: 'Change a role',
      params: IdParamsSchema,
      body: UpdateRoleAssignmentSchema,
      response: RoleAssignmentSchema,
      access: {
        kind: 'scoped',
        need: 'admin',
        scope: ({ params }, locate) => locate.roleAssignment(params.id),
      },
      handler: ({ params, body }) => services.roles.update(params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/role-assignments/:id',
      tag: 'Roles',
      summary: "Remove a role (never the organisation's last organisation-wide admin)",
      status: 204,
      params: IdParamsSchema,
      query: VersionQuerySchema,
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
