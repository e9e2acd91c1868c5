/** The path the provider sends browsers back to, under the public URL. */
export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';

/**
 * Single sign-on settings (OpenID Connect, authorization code + PKCE), read from the
 * environment by {@link resolveOidcConfig}; tests build their own.
 */
export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** `<public URL>/api/auth/sso/callback`: must be registered with the provider exactly so. */
  redirectUri: string;
  /** Cookies get `Secure` when the public URL is https (the browser reaches us over TLS). */
  secureCookies: boolean;
  /** The sign-in button's label. */
  name: string;
  /** Space-separated; always includes `openid`. */
  scopes: string;
  /** Create an account on first sign-in for people the instance does not know yet. */
  allowSignup: boolean;
  /** Plain-http issuers are accepted only on a loopback host (development and tests). */
  allowInsecureRequests: boolean;
}

const VARIABLES = {
  issuer: 'CATCHBALL_OIDC_ISSUER',
  clientId: 'CATCHBALL_OIDC_CLIENT_ID',
  clientSecret: 'CATCHBALL_OIDC_CLIENT_SECRET',
  publicUrl: 'CATCHBALL_PUBLIC_URL',
  name: 'CATCHBALL_OIDC_NAME',
  scopes: 'CATCHBALL_OIDC_SCOPES',
  allowSignup: 'CATCHBALL_OIDC_ALLOW_SIGNUP',
} as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads the single sign-on settings from the environment.
 * @returns null when none of CATCHBALL_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET is set (single
 * sign-on off).
 * @throws Error naming the variable when the settings are incomplete or malformed, so a
 * half-configured server refuses to start instead of showing a button that cannot work.
 * @example resolveOidcConfig({ CATCHBALL_OIDC_ISSUER: 'https://id.example.com', ... })
 */
export function resolveOidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const issuerText = env[VARIABLES.issuer];
  const clientId = env[VARIABLES.clientId];
  const clientSecret = env[VARIABLES.clientSecret];
  if (!issuerText && !clientId && !clientSecret) return null;
  const required = (variable: string, value: string | undefined): string => {
    if (!value)
      throw new Error(`Single sign-on needs ${variable} (it is off only when no CATCHBALL_OIDC_* is set)`);
    return value;
  };
  const issuer = parseHttpUrl(VARIABLES.issuer, required(VARIABLES.issuer, issuerText));
  const publicUrl = parseHttpUrl(
    VARIABLES.publicUrl,
    required(VARIABLES.publicUrl, env[VARIABLES.publicUrl]),
  );
  const isLoopback = LOOPBACK_HOSTS.has(issuer.hostname);
  if (issuer.protocol === 'http:' && !isLoopback)
    throw new Error(
      `${VARIABLES.issuer} must be an https URL (plain http only for localhost), got ${issuer.href}`,
    );
  const scopes = (env[VARIABLES.scopes] ?? 'openid email profile').split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid'))
    throw new Error(`${VARIABLES.scopes} must include "openid", got "${scopes.join(' ')}"`);
  return {
    issuer,
    clientId: required(VARIABLES.clientId, clientId),
    clientSecret: required(VARIABLES.clientSecret, clientSecret),
    redirectUri: `${publicUrl.href.replace(/\/+$/, '')}${SSO_CALLBACK_PATH}`,
    secureCookies: publicUrl.protocol === 'https:',
    name: env[VARIABLES.name]?.trim() || 'Single sign-on',
    scopes: scopes.join(' '),
    allowSignup: parseFlag(VARIABLES.allowSignup, env[VARIABLES.allowSignup]),
    allowInsecureRequests: issuer.protocol === 'http:' && isLoopback,
  };
}

function parseHttpUrl(variable: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${variable} must be a URL, got "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`${variable} must be an http(s) URL, got "${text}"`);
  if (url.search || url.hash)
    throw new Error(`${variable} must not carry a query or fragment, got "${text}"`);
  return url;
}

function parseFlag(variable: string, text: string | undefined): boolean {
  const value = (text ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(value)) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  throw new Error(`${variable} must be true or false, got "${text ?? ''}"`);
}
