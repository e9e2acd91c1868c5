import { z } from 'zod';
import {
  CreatedUserSchema,
  CreateRoleAssignmentSchema,
  CreateUserSchema,
  GrantedRoleSchema,
  RoleAssignmentSchema,
  UpdateRoleAssignmentSchema,
  UpdateUserSchema,
  UserSchema,
} from '../accounts';
import { IdParamsSchema } from '../common';
import { VersionQuerySchema } from '../crud-endpoints';
import { defineEndpoint } from '../endpoint';

export const listUsers = defineEndpoint({
  method: 'GET',
  path: '/api/users',
  tag: 'Users',
  summary: 'List user accounts',
  response: z.array(UserSchema),
});

export const createUser = defineEndpoint({
  method: 'POST',
  path: '/api/users',
  tag: 'Users',
  summary: 'Create a user account (without a password: with a one-time invitation link)',
  status: 201,
  body: CreateUserSchema,
  response: CreatedUserSchema,
});

export const updateUser = defineEndpoint({
  method: 'PATCH',
  path: '/api/users/:id',
  tag: 'Users',
  summary: 'Rename, promote, disable (ends their sessions) or set the password of a user',
  params: IdParamsSchema,
  body: UpdateUserSchema,
  response: UserSchema,
});

export const listRoleAssignments = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/role-assignments',
  tag: 'Roles',
  summary: "List the organisation's role assignments",
  params: IdParamsSchema,
  response: z.array(RoleAssignmentSchema),
});

export const grantRole = defineEndpoint({
  method: 'POST',
  path: '/api/role-assignments',
  tag: 'Roles',
  summary:
    'Give a user (by e-mail; invited when new) a role on a unit and below, or on the whole organisation (unitId null)',
  status: 201,
  body: CreateRoleAssignmentSchema,
  response: GrantedRoleSchema,
});

export const updateRoleAssignment = defineEndpoint({
  method: 'PATCH',
  path: '/api/role-assignments/:id',
  tag: 'Roles',
  summary: 'Change a role',
  params: IdParamsSchema,
  body: UpdateRoleAssignmentSchema,
  response: RoleAssignmentSchema,
});

export const removeRoleAssignment = defineEndpoint({
  method: 'DELETE',
  path: '/api/role-assignments/:id',
  tag: 'Roles',
  summary: "Remove a role (never the organisation's last organisation-wide admin)",
  status: 204,
  params: IdParamsSchema,
  query: VersionQuerySchema,
});
