import * as client from 'openid-client';
import type { Db } from '../db/store';
import type { OidcConfig } from './oidc-config';
import { hashSecret } from './principal';
import { createSession, type NewSession } from './sessions';
import {
  recordSsoFailure,
  recordSsoSignIn,
  resolveSsoAccount,
  type SsoAccount,
  type SsoIdentity,
} from './sso-accounts';
import { SsoFailure } from './sso-failure';
import { consumePendingLogin, savePendingLogin } from './sso-logins';

/**
 * Single sign-on with OpenID Connect: authorization code flow with PKCE (S256), state and nonce,
 * through openid-client. The login in flight is kept in the database (sso-logins.ts), and the
 * browser that started it holds its state in a short-lived cookie, so the callback works on any
 * app server and only in the browser that began it (no login CSRF).
 */

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's metadata and keys, fetched once per process and per client (a failed discovery
 * is forgotten, so the next sign-in tries again). The client authenticates with
 * client_secret_basic, or client_secret_post when the provider offers only that.
 */
export function discoverProvider(config: OidcConfig): Promise<client.Configuration> {
  const key = [config.issuer.href, config.clientId, hashSecret(config.clientSecret)].join(' ');
  let pending = discovered.get(key);
  if (!pending) {
    pending = discover(config);
    discovered.set(key, pending);
    pending.catch(() => discovered.delete(key));
  }
  return pending;
}

async function discover(config: OidcConfig): Promise<client.Configuration> {
  // Plain http only for a loopback issuer (oidc-config.ts refuses it anywhere else); the library
  // marks the switch deprecated only to make it stand out.
  const execute: ((configuration: client.Configuration) => void)[] = config.allowInsecureRequests
    ? // eslint-disable-next-line @typescript-eslint/no-deprecated
      [client.allowInsecureRequests]
    : [];
  const found = await client.discovery(
    config.issuer,
    config.clientId,
    config.clientSecret,
    client.ClientSecretBasic(config.clientSecret),
    { execute, timeout: 10 },
  );
  const methods = found.serverMetadata().token_endpoint_auth_methods_supported;
  if (!methods || methods.includes('client_secret_basic') || !methods.includes('client_secret_post'))
    return found;
  const configuration = new client.Configuration(
    found.serverMetadata(),
    config.clientId,
    config.clientSecret,
    client.ClientSecretPost(config.clientSecret),
  );
  for (const apply of execute) apply(configuration);
  return configuration;
}

/**
 * Starts a login: records its PKCE verifier, nonce and destination under its state, and
 * returns the provider's authorization URL to send the browser to.
 * @param returnTo a same-site path, already checked by the route.
 * @returns the URL and the state, which the route also sets as the browser's binding cookie.
 */
export async function beginSsoLogin(
  db: Db,
  config: OidcConfig,
  returnTo: string,
  now: Date,
): Promise<{ url: URL; state: string }> {
  const configuration = await discoverProvider(config);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await savePendingLogin(db, state, { codeVerifier, nonce, returnTo }, now);
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: config.redirectUri,
    scope: config.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state };
}

export interface SsoCallback {
  /** The callback's query string, as the provider sent it (`?code=…&state=…`). */
  search: string;
  /** The state cookie set by {@link beginSsoLogin}'s route in this browser. */
  browserState: string | undefined;
  userAgent?: string;
  ip?: string;
  now: Date;
}

/**
 * Finishes a login: takes the pending login once, exchanges the code (openid-client checks the
 * state, the PKCE verifier, and the ID token's signature, issuer, audience, expiry and nonce),
 * resolves the account, opens a session and records the sign-in. Every refusal is recorded as
 * `sign_in_failed`.
 * @throws SsoFailure with the reason the person is not signed in.
 */
export async function finishSsoLogin(
  db: Db,
  config: OidcConfig,
  callback: SsoCallback,
): Promise<{ session: NewSession; returnTo: string; account: SsoAccount }> {
  let identity: SsoIdentity | null = null;
  try {
    const state = new URLSearchParams(callback.search).get('state');
    if (!state || !callback.browserState || hashSecret(state) !== hashSecret(callback.browserState))
      throw new SsoFailure('sso_state_invalid', 'This sign-in was not started in this browser; start again');
    const pending = await consumePendingLogin(db, state, callback.now);
    if (!pending)
      throw new SsoFailure(
        'sso_state_invalid',
        'This sign-in link was already used or has expired; start again',
      );
    const configuration = await discoverProvider(config);
    identity = await exchangeCode(configuration, config, callback.search, { ...pending, state });
    const account = await resolveSsoAccount(db, identity, { allowSignup: config.allowSignup });
    const session = await createSession(db, account.id, {
      now: callback.now,
      ...(callback.userAgent === undefined ? {} : { userAgent: callback.userAgent }),
      ...(callback.ip === undefined ? {} : { ip: callback.ip }),
    });
    await recordSsoSignIn(db, account, identity, callback.now);
    return { session, returnTo: pending.returnTo, account };
  } catch (error) {
    const failure =
      error instanceof SsoFailure
        ? error
        : new SsoFailure(
            'sso_failed',
            `Single sign-on failed: ${error instanceof Error ? error.message : String(error)}`,
          );
    await recordSsoFailure(db, failure.reason, identity, failure.accountId);
    throw failure;
  }
}

async function exchangeCode(
  configuration: client.Configuration,
  config: OidcConfig,
  search: string,
  pending: { codeVerifier: string; nonce: string; state: string },
): Promise<SsoIdentity> {
  // The redirect URI sent with the code must be the registered one, whatever proxy we sit behind.
  const currentUrl = new URL(config.redirectUri);
  currentUrl.search = search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedNonce: pending.nonce,
      expectedState: pending.state,
      idTokenExpected: true,
    });
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError)
      throw new SsoFailure(
        'sso_denied',
        `The provider did not sign you in: ${error.error_description ?? error.error}`,
      );
    throw error;
  }
  const idToken = tokens.claims();
  if (!idToken) throw new SsoFailure('sso_failed', 'The provider sent no ID token');
  let claims: Record<string, unknown> = idToken;
  // Many providers put email and name in userinfo only (oidc-provider does, by default).
  const lacksProfile = ['email', 'email_verified', 'name'].some((claim) => idToken[claim] === undefined);
  if (lacksProfile && configuration.serverMetadata().userinfo_endpoint)
    claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
  return {
    issuer: idToken.iss,
    subject: idToken.sub,
    email: typeof claims.email === 'string' && claims.email.trim() ? claims.email.trim() : null,
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    name: typeof claims.name === 'string' ? claims.name : null,
  };
}
