import { describe, expect, it } from 'vitest';
import { resolveOidcConfig } from './oidc-config';

const base = {
  CATCHBALL_OIDC_ISSUER: 'https://id.example.com/realms/acme',
  CATCHBALL_OIDC_CLIENT_ID: 'catchball',
  CATCHBALL_OIDC_CLIENT_SECRET: 's3cret',
  CATCHBALL_PUBLIC_URL: 'https://okr.example.com/',
};

describe('resolveOidcConfig', () => {
  it('is off when no CATCHBALL_OIDC_* variable is set', () => {
    expect(resolveOidcConfig({ CATCHBALL_PUBLIC_URL: 'https://okr.example.com' })).toBeNull();
  });

  it('reads the settings with their defaults', () => {
    expect(resolveOidcConfig(base)).toEqual({
      issuer: new URL('https://id.example.com/realms/acme'),
      clientId: 'catchball',
      clientSecret: 's3cret',
      redirectUri: 'https://okr.example.com/api/auth/sso/callback',
      secureCookies: true,
      name: 'Single sign-on',
      scopes: 'openid email profile',
      allowSignup: false,
      allowInsecureRequests: false,
    });
  });

  it('takes the label, scopes and sign-up switch, and keeps a public URL path', () => {
    const config = resolveOidcConfig({
      ...base,
      CATCHBALL_PUBLIC_URL: 'http://localhost:3000/catchball',
      CATCHBALL_OIDC_NAME: 'Acme login',
      CATCHBALL_OIDC_SCOPES: ' openid  email ',
      CATCHBALL_OIDC_ALLOW_SIGNUP: 'TRUE',
    });
    expect(config).toMatchObject({
      redirectUri: 'http://localhost:3000/catchball/api/auth/sso/callback',
      secureCookies: false,
      name: 'Acme login',
      scopes: 'openid email',
      allowSignup: true,
    });
  });

  it('accepts a plain-http issuer only on a loopback host', () => {
    const local = resolveOidcConfig({ ...base, CATCHBALL_OIDC_ISSUER: 'http://127.0.0.1:8080' });
    expect(local?.allowInsecureRequests).toBe(true);
    expect(() => resolveOidcConfig({ ...base, CATCHBALL_OIDC_ISSUER: 'http://id.example.com' })).toThrow(
      /CATCHBALL_OIDC_ISSUER must be an https URL/,
    );
  });

  it.each([
    [{ CATCHBALL_PUBLIC_URL: undefined }, /needs CATCHBALL_PUBLIC_URL/],
    [{ CATCHBALL_OIDC_CLIENT_SECRET: undefined }, /needs CATCHBALL_OIDC_CLIENT_SECRET/],
    [{ CATCHBALL_OIDC_ISSUER: undefined }, /needs CATCHBALL_OIDC_ISSUER/],
    [{ CATCHBALL_OIDC_ISSUER: 'id.example.com' }, /CATCHBALL_OIDC_ISSUER must be a URL/],
    [{ CATCHBALL_PUBLIC_URL: 'https://okr.example.com/?x=1' }, /CATCHBALL_PUBLIC_URL must not carry a query/],
    [{ CATCHBALL_OIDC_SCOPES: 'email profile' }, /CATCHBALL_OIDC_SCOPES must include "openid"/],
    [{ CATCHBALL_OIDC_ALLOW_SIGNUP: 'maybe' }, /CATCHBALL_OIDC_ALLOW_SIGNUP must be true or false/],
  ])('refuses incomplete or malformed settings: %o', (change, message) => {
    expect(() => resolveOidcConfig({ ...base, ...change })).toThrow(message);
  });
});
