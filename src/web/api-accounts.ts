/**
 * The accounts part of the API: signing in and out, first-start setup, invitations, users, roles
 * and unit API tokens. Every function calls an endpoint declared in src/contracts/endpoints
 * through {@link callEndpoint}: resolves with the contract type or rejects with an ApiError
 * carrying the server's error body.
 */
import type {
  ApiToken,
  ChangePasswordInput,
  CreateRoleAssignmentInput,
  CreateUserInput,
  Language,
  RoleName,
  UpdateUserInput,
} from '../contracts';
import { endpointUrl } from '../contracts/endpoint';
import { auth, checkIns, sso, users } from '../contracts/endpoints';
import { callEndpoint } from './api-client';

/** What an API token may do: read the unit subtree, check in there, or edit as an editor. */
export type TokenScope = ApiToken['scopes'][number];

/** Setup state, single sign-on and the demo accounts, before signing in. */
export const getAuthConfig = () => callEndpoint(auth.getConfig);

/** The signed-in user and the CSRF token, or nulls. */
export const getSession = () => callEndpoint(auth.getSession);

/** 401 `unauthorized` for a wrong address or password, 429 `rate_limited`. */
export const signIn = (email: string, password: string) =>
  callEndpoint(auth.signIn, { body: { email, password } });

/** Ends this browser's session. */
export const signOut = () => callEndpoint(auth.signOut);

/** Ends every session of the user, this one included. */
export const signOutEverywhere = () => callEndpoint(auth.signOutEverywhere);

/** Changes the signed-in user's password; their other sessions end. */
export const changePassword = (input: ChangePasswordInput) =>
  callEndpoint(auth.changePassword, { body: input });

/** Saves the signed-in user's language; null follows the browser. */
export const setLanguage = (language: Language | null) =>
  callEndpoint(auth.setLanguage, { body: { language } });

/** Creates the first site administrator from the first-start link. */
export const setUp = (input: { token: string; email: string; name: string; password: string }) =>
  callEndpoint(auth.setup, { body: input });

/** Chooses a password from an invitation link and signs in. */
export const acceptInvite = (token: string, password: string) =>
  callEndpoint(auth.acceptInvite, { body: { token, password } });

/** Where the single sign-on button goes; the provider sends the browser back to `returnTo`. */
export const ssoStartUrl = (returnTo: string) => endpointUrl(sso.start, { query: { returnTo } });

/** User accounts (site administrators only). */
export const listUsers = () => callEndpoint(users.listUsers);

/** Without a password the answer carries a one-time invitation link. */
export const createUser = (input: CreateUserInput) => callEndpoint(users.createUser, { body: input });

/** Renames, promotes, disables or sets the password of a user. */
export const updateUser = (id: string, input: UpdateUserInput) =>
  callEndpoint(users.updateUser, { params: { id }, body: input });

/** The organisation's role assignments. */
export const listRoleAssignments = (orgId: string) =>
  callEndpoint(users.listRoleAssignments, { params: { id: orgId } });

/** A new e-mail address becomes an invited user. */
export const grantRole = (input: CreateRoleAssignmentInput) => callEndpoint(users.grantRole, { body: input });

/** Changes a role, naming the version read. */
export const changeRole = (id: string, version: number, role: RoleName) =>
  callEndpoint(users.updateRoleAssignment, { params: { id }, body: { version, role } });

/** Removes a role, naming the version read (409 when it changed since). */
export const removeRole = (id: string, version: number) =>
  callEndpoint(users.removeRoleAssignment, { params: { id }, query: { version } });

/** A unit's API tokens, never the secrets. */
export const listApiTokens = (unitId: string) =>
  callEndpoint(checkIns.listApiTokens, { params: { id: unitId } });

/** The answer's `token` is the secret, shown this once. */
export const createApiToken = (
  unitId: string,
  input: { name: string; scopes: TokenScope[]; expiresAt: string | null },
) => callEndpoint(checkIns.createApiToken, { params: { id: unitId }, body: input });

/** Revokes it at once. */
export const revokeApiToken = (id: string) => callEndpoint(checkIns.revokeApiToken, { params: { id } });
