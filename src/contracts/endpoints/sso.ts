/**
 * Single sign-on: both endpoints answer a browser with a redirect (302, no JSON body), so the web
 * app links to them (`endpointUrl`) rather than calling them. They exist only when a provider is
 * configured; the server's document then names the provider in their summaries.
 */
import { defineEndpoint } from '../endpoint';
import { SsoCallbackQuerySchema, SsoStartQuerySchema } from '../sso';

const tag = 'Sign-in';

export const start = defineEndpoint({
  method: 'GET',
  path: '/api/auth/sso/start',
  tag,
  summary: 'Sign in with single sign-on: redirects to the OpenID provider',
  status: 302,
  query: SsoStartQuerySchema,
});

export const callback = defineEndpoint({
  method: 'GET',
  path: '/api/auth/sso/callback',
  tag,
  summary: 'Where the OpenID provider sends the browser back: opens a session, redirects to returnTo',
  status: 302,
  query: SsoCallbackQuerySchema,
});
