/**
 * The accounts part of the API: signing in and out, first-start setup, invitations, users, roles
 * and unit API tokens. Same conventions as {@link request}: resolves with the contract type or
 * rejects with an ApiError carrying the server's error body.
 */
import type {
  ApiToken,
  AuthConfig,
  ChangePasswordInput,
  CreateRoleAssignmentInput,
  CreateUserInput,
  CreatedUser,
  GrantedRole,
  RoleAssignment,
  RoleName,
  SessionInfo,
  SignedIn,
  UpdateUserInput,
  User,
} from '../contracts';
import { enc, request } from './api-client';

/** What an API token may do: read the unit subtree, check in there, or edit as an editor. */
export type TokenScope = ApiToken['scopes'][number];

/** GET /api/auth/config — setup state, single sign-on and the demo accounts, before signing in. */
export const getAuthConfig = () => request<AuthConfig>('GET', '/api/auth/config');

/** GET /api/auth/session — the signed-in user and the CSRF token, or nulls. */
export const getSession = () => request<SessionInfo>('GET', '/api/auth/session');

/** POST /api/auth/sign-in — 401 `unauthorized` for a wrong address or password, 429 `rate_limited`. */
export const signIn = (email: string, password: string) =>
  request<SignedIn>('POST', '/api/auth/sign-in', { email, password });

/** POST /api/auth/sign-out — ends this browser's session. */
export const signOut = () => request<undefined>('POST', '/api/auth/sign-out');

/** POST /api/auth/sign-out-everywhere — ends every session of the user, this one included. */
export const signOutEverywhere = () => request<undefined>('POST', '/api/auth/sign-out-everywhere');

/** PUT /api/auth/password */
export const changePassword = (input: ChangePasswordInput) =>
  request<undefined>('PUT', '/api/auth/password', input);

/** POST /api/auth/setup — creates the first site administrator from the first-start link. */
export const setUp = (input: { token: string; email: string; name: string; password: string }) =>
  request<SignedIn>('POST', '/api/auth/setup', input);

/** POST /api/auth/accept-invite — chooses a password from an invitation link and signs in. */
export const acceptInvite = (token: string, password: string) =>
  request<SignedIn>('POST', '/api/auth/accept-invite', { token, password });

/** Where the single sign-on button goes; the provider sends the browser back to `returnTo`. */
export const ssoStartUrl = (returnTo: string) => `/api/auth/sso/start?returnTo=${enc(returnTo)}`;

/** GET /api/users (site administrators) */
export const listUsers = () => request<User[]>('GET', '/api/users');

/** POST /api/users — without a password the answer carries a one-time invitation link. */
export const createUser = (input: CreateUserInput) => request<CreatedUser>('POST', '/api/users', input);

/** PATCH /api/users/:id */
export const updateUser = (id: string, input: UpdateUserInput) =>
  request<User>('PATCH', `/api/users/${enc(id)}`, input);

/** GET /api/organisations/:id/role-assignments */
export const listRoleAssignments = (orgId: string) =>
  request<RoleAssignment[]>('GET', `/api/organisations/${enc(orgId)}/role-assignments`);

/** POST /api/role-assignments — a new e-mail address becomes an invited user. */
export const grantRole = (input: CreateRoleAssignmentInput) =>
  request<GrantedRole>('POST', '/api/role-assignments', input);

/** PATCH /api/role-assignments/:id */
export const changeRole = (id: string, version: number, role: RoleName) =>
  request<RoleAssignment>('PATCH', `/api/role-assignments/${enc(id)}`, { version, role });

/** DELETE /api/role-assignments/:id?version=N */
export const removeRole = (id: string, version: number) =>
  request<undefined>('DELETE', `/api/role-assignments/${enc(id)}?version=${version}`);

/** GET /api/units/:id/api-tokens — never the secrets. */
export const listApiTokens = (unitId: string) =>
  request<ApiToken[]>('GET', `/api/units/${enc(unitId)}/api-tokens`);

/** POST /api/units/:id/api-tokens — the answer's `token` is the secret, shown this once. */
export const createApiToken = (
  unitId: string,
  input: { name: string; scopes: TokenScope[]; expiresAt: string | null },
) => request<ApiToken>('POST', `/api/units/${enc(unitId)}/api-tokens`, input);

/** DELETE /api/api-tokens/:id — revokes it at once. */
export const revokeApiToken = (id: string) => request<undefined>('DELETE', `/api/api-tokens/${enc(id)}`);
