import { defineEndpoint } from '../endpoint';
import {
  AcceptInviteSchema,
  AuthConfigSchema,
  ChangePasswordSchema,
  SessionInfoSchema,
  SetLanguageSchema,
  SetupSchema,
  SignedInSchema,
  SignInSchema,
} from '../accounts';

const tag = 'Sign-in';

export const getConfig = defineEndpoint({
  method: 'GET',
  path: '/api/auth/config',
  tag,
  summary: 'What the sign-in page offers: first-start setup, single sign-on, demo accounts',
  response: AuthConfigSchema,
});

export const getSession = defineEndpoint({
  method: 'GET',
  path: '/api/auth/session',
  tag,
  summary: 'Who is signed in (null when nobody), and the CSRF token their writes must send',
  response: SessionInfoSchema,
});

export const signIn = defineEndpoint({
  method: 'POST',
  path: '/api/auth/sign-in',
  tag,
  summary: 'Sign in with e-mail address and password (sets the session cookie); limited per address and IP',
  body: SignInSchema,
  response: SignedInSchema,
});

export const signOut = defineEndpoint({
  method: 'POST',
  path: '/api/auth/sign-out',
  tag,
  summary: 'End this session (clears the cookie)',
  status: 204,
});

export const signOutEverywhere = defineEndpoint({
  method: 'POST',
  path: '/api/auth/sign-out-everywhere',
  tag,
  summary: 'End every session of the signed-in user, on every device and server',
  status: 204,
});

export const changePassword = defineEndpoint({
  method: 'PUT',
  path: '/api/auth/password',
  tag,
  summary: 'Change your password (at least 10 characters); your other sessions end',
  status: 204,
  body: ChangePasswordSchema,
});

export const setLanguage = defineEndpoint({
  method: 'PUT',
  path: '/api/auth/language',
  tag,
  summary: 'Choose the language you read Catchball in (null: follow the browser)',
  status: 204,
  body: SetLanguageSchema,
});

export const setup = defineEndpoint({
  method: 'POST',
  path: '/api/auth/setup',
  tag,
  summary: 'First start: create the first site administrator with the one-time setup link',
  body: SetupSchema,
  response: SignedInSchema,
});

export const acceptInvite = defineEndpoint({
  method: 'POST',
  path: '/api/auth/accept-invite',
  tag,
  summary: 'Choose a password with a one-time invitation link, and sign in',
  body: AcceptInviteSchema,
  response: SignedInSchema,
});
