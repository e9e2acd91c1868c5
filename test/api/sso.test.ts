import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointUrl } from '../../src/contracts/endpoint';
import { auth, sso } from '../../src/contracts/endpoints';
import { buildApp } from '../../src/server/app';
import { resolveOidcConfig, type OidcConfig } from '../../src/server/auth/oidc-config';
import { hashSecret, SESSION_COOKIE } from '../../src/server/auth/principal';
import type { Store } from '../../src/server/db/store';
import { SSO_STATE_COOKIE } from '../../src/server/routes/sso.routes';
import { openTestProvider, type TestProvider } from '../support/oidc-test-provider';
import { openTestStore, type ErrorResponse } from '../support/test-app';
import { locationOf, TestBrowser } from '../support/test-browser';

/**
 * Single sign-on against a real OpenID provider (oidc-provider, in-process on a random port) and
 * Catchball app servers on random ports, all over real HTTP: the browser follows every redirect
 * by hand and carries cookies, and logs in and consents on the provider's own pages.
 */

const CLIENT = { clientId: 'catchball-test', clientSecret: 'catchball-test-secret' };

interface ServedApp {
  url: string;
  config: OidcConfig;
  close(): Promise<void>;
}

let store: Store;
let dropStore: () => Promise<void>;
let idp: TestProvider;
/** Sign-up off (the default). */
let strict: ServedApp;
/** A second app server of the same deployment as `strict`. */
let twin: ServedApp;
/** Sign-up on. */
let open: ServedApp;

/** Listens first, so the public URL (and the redirect URI) can name the real port. */
async function serveApp(configFor: (publicUrl: string) => OidcConfig): Promise<ServedApp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = configFor(url);
  const app = await buildApp({ store, webDir: '/nonexistent', services: { smtp: null }, oidc: config });
  await app.ready();
  server.on('request', (request, response) => app.routing(request, response));
  return {
    url,
    config,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

const env = (publicUrl: string, extra: Record<string, string> = {}) =>
  resolveOidcConfig({
    CATCHBALL_OIDC_ISSUER: idp.issuer,
    CATCHBALL_OIDC_CLIENT_ID: CLIENT.clientId,
    CATCHBALL_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    CATCHBALL_PUBLIC_URL: publicUrl,
    ...extra,
  })!;

beforeAll(async () => {
  ({ store, drop: dropStore } = await openTestStore());
  idp = await openTestProvider();
  strict = await serveApp((url) => env(url));
  twin = await serveApp(() => strict.config);
  open = await serveApp((url) => env(url, { CATCHBALL_OIDC_ALLOW_SIGNUP: 'true' }));
  idp.start({ ...CLIENT, redirectUris: [strict.config.redirectUri, open.config.redirectUri] });
});

afterAll(async () => {
  await Promise.all([strict.close(), twin.close(), open.close()]);
  await idp.close();
  await dropStore();
});

async function addUser(user: { id: string; email: string; oidcSubject?: string }): Promise<void> {
  await store.db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.id,
      passwordHash: null,
      oidcIssuer: user.oidcSubject ? idp.issuer : null,
      oidcSubject: user.oidcSubject ?? null,
    })
    .execute();
}

/**
 * Start → the provider's login and consent pages → the URL the provider sends the browser back
 * to (not visited yet). `abort` cancels on the provider's login page instead.
 */
async function throughProvider(
  browser: TestBrowser,
  app: ServedApp,
  login: string,
  options: { returnTo?: string; abort?: boolean } = {},
): Promise<{ authorizationUrl: URL; callbackUrl: URL }> {
  const start = `${app.url}${endpointUrl(sso.start, { query: { returnTo: options.returnTo } })}`;
  let response = await browser.navigate(start);
  expect(response.status).toBe(302);
  const authorizationUrl = locationOf(response, app.url);
  expect(authorizationUrl.origin).toBe(idp.issuer);
  let url = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (url.href.startsWith(`${app.config.redirectUri}?`)) return { authorizationUrl, callbackUrl: url };
    response = await browser.navigate(url);
    if (response.status === 200) {
      const page = await response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (options.abort) {
        response = await browser.navigate(new URL(`${url.pathname}/abort`, url));
      } else {
        const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
        if (!action || !prompt) throw new Error(`Unexpected provider page: ${page.slice(0, 300)}`);
        const fields: Record<string, string> =
          prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
        response = await browser.submit(new URL(action, url), fields);
      }
    }
    url = locationOf(response, url);
  }
  throw new Error('The provider never sent the browser back');
}

/** The failure page a browser lands on, or null when it is signed in. */
function errorOf(response: Response, app: ServedApp): string | null {
  const location = locationOf(response, app.url);
  return location.pathname === '/sign-in' ? location.searchParams.get('error') : null;
}

async function sessionUserOf(secret: string | undefined): Promise<string | undefined> {
  if (!secret) return undefined;
  const row = await store.db
    .selectFrom('sessions')
    .select('userId')
    .where('id', '=', hashSecret(secret))
    .executeTakeFirst();
  return row?.userId;
}

async function auditOf(
  action: 'sign_in' | 'sign_in_failed',
  match: (after: Record<string, unknown>) => boolean,
) {
  const rows = await store.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('action', '=', action)
    .where('entityTable', '=', 'users')
    .execute();
  return rows.filter((row) => row.after !== null && match(row.after));
}

describe('single sign-on with OpenID Connect', () => {
  it('signs in through the provider, linking the account that has the same verified email', async () => {
    await addUser({ id: 'usr_ann', email: 'ann@example.test' });
    idp.people.set('ann-sub', { email: 'Ann@Example.test', email_verified: true, name: 'Ann at the IdP' });
    const browser = new TestBrowser();
    // The sign-in page offers the button, labelled as configured.
    const config = (await (await fetch(`${strict.url}/api/auth/config`)).json()) as {
      sso: { name: string } | null;
    };
    expect(config.sso).toEqual({ name: strict.config.name });

    const { authorizationUrl, callbackUrl } = await throughProvider(browser, strict, 'ann-sub', {
      returnTo: '/org/acme?tab=okrs',
    });
    const sent = authorizationUrl.searchParams;
    expect(sent.get('client_id')).toBe(CLIENT.clientId);
    expect(sent.get('redirect_uri')).toBe(`${strict.url}${sso.callback.path}`);
    expect(sent.get('scope')).toBe('openid email profile');
    expect(sent.get('code_challenge_method')).toBe('S256');
    expect(sent.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(sent.get('nonce')).toBeTruthy();
    const state = sent.get('state')!;
    expect(callbackUrl.searchParams.get('state')).toBe(state);
    expect(browser.cookie(strict.url, SSO_STATE_COOKIE)).toBe(state);
    const pending = await store.db
      .selectFrom('ssoLogins')
      .selectAll()
      .where('id', '=', hashSecret(state))
      .execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.returnTo).toBe('/org/acme?tab=okrs');

    const back = await browser.navigate(callbackUrl);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/org/acme?tab=okrs');
    const sessionCookie = back.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))!;
    expect(sessionCookie).toMatch(/; HttpOnly/);
    expect(sessionCookie).toMatch(/; SameSite=Lax/);
    expect(sessionCookie).toMatch(/; Path=\//);
    expect(sessionCookie).not.toMatch(/; Secure/);
    const secret = browser.cookie(strict.url, SESSION_COOKIE);
    expect(await sessionUserOf(secret)).toBe('usr_ann');
    expect(browser.cookie(strict.url, SSO_STATE_COOKIE)).toBeUndefined();

    // The cookie works on the API as that user; without it, nobody is signed in.
    const signedIn = await fetch(`${strict.url}/api/organisations`, {
      headers: { cookie: `${SESSION_COOKIE}=${secret}` },
    });
    expect(signedIn.status).toBe(200);
    expect((await fetch(`${strict.url}/api/organisations`)).status).toBe(401);

    const ann = await store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', 'usr_ann')
      .executeTakeFirstOrThrow();
    expect([ann.oidcIssuer, ann.oidcSubject, ann.email]).toEqual([idp.issuer, 'ann-sub', 'ann@example.test']);
    expect(ann.lastSignInAt).not.toBeNull();
    expect(
      await store.db.selectFrom('ssoLogins').select('id').where('id', '=', hashSecret(state)).execute(),
    ).toEqual([]);
    const signIns = await auditOf('sign_in', (after) => after.subject === 'ann-sub');
    expect(signIns).toMatchObject([{ actorKind: 'user', actorId: 'usr_ann', entityId: 'usr_ann' }]);
    expect(signIns[0]!.after).toMatchObject({ method: 'oidc', issuer: idp.issuer, account: 'linked' });
    const link = await store.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'update')
      .where('entityId', '=', 'usr_ann')
      .execute();
    expect(link).toMatchObject([
      { actorKind: 'user', actorId: 'usr_ann', after: { oidc_subject: 'ann-sub' } },
    ]);
  });

  it('knows a linked person by issuer and subject, whatever email the provider gives now', async () => {
    await addUser({ id: 'usr_bo', email: 'bo@example.test', oidcSubject: 'bo-sub' });
    idp.people.set('bo-sub', { email: 'bo.renamed@example.test', email_verified: false });
    const browser = new TestBrowser();
    const { callbackUrl } = await throughProvider(browser, strict, 'bo-sub');
    const back = await browser.navigate(callbackUrl);
    expect(back.headers.get('location')).toBe('/');
    expect(await sessionUserOf(browser.cookie(strict.url, SESSION_COOKIE))).toBe('usr_bo');
  });

  it('lets another app server of the deployment finish a login that one started (nothing in memory)', async () => {
    await addUser({ id: 'usr_cas', email: 'cas@example.test', oidcSubject: 'cas-sub' });
    idp.people.set('cas-sub', { email: 'cas@example.test', email_verified: true });
    const browser = new TestBrowser();
    const { callbackUrl } = await throughProvider(browser, strict, 'cas-sub');
    browser.route(strict.url, twin.url);
    const back = await browser.navigate(callbackUrl);
    expect(back.headers.get('location')).toBe('/');
    expect(await sessionUserOf(browser.cookie(strict.url, SESSION_COOKIE))).toBe('usr_cas');
  });

  it('refuses a callback from another browser, an altered state, and a replay', async () => {
    await addUser({ id: 'usr_cy', email: 'cy@example.test', oidcSubject: 'cy-sub' });
    idp.people.set('cy-sub', { email: 'cy@example.test', email_verified: true });
    const browser = new TestBrowser();
    const { callbackUrl } = await throughProvider(browser, strict, 'cy-sub');
    const state = callbackUrl.searchParams.get('state')!;

    // Someone else's browser given the link (login CSRF) gets no session.
    const elsewhere = new TestBrowser();
    const stolen = await elsewhere.navigate(callbackUrl);
    expect(errorOf(stolen, strict)).toBe('sso_state_invalid');
    expect(elsewhere.cookie(strict.url, SESSION_COOKIE)).toBeUndefined();

    const altered = new URL(callbackUrl);
    altered.searchParams.set('state', `${state.slice(0, -2)}xx`);
    expect(errorOf(await browser.navigate(altered), strict)).toBe('sso_state_invalid');
    expect(browser.cookie(strict.url, SESSION_COOKIE)).toBeUndefined();

    // Neither attempt used up the genuine login.
    const genuine = await browser.navigate(callbackUrl);
    expect(errorOf(genuine, strict)).toBeNull();
    expect(await sessionUserOf(browser.cookie(strict.url, SESSION_COOKIE))).toBe('usr_cy');

    // A replay, even with the state cookie, finds the login used; API clients get the error body.
    const replay = await fetch(callbackUrl.href.replace(strict.url, twin.url), {
      redirect: 'manual',
      headers: { accept: 'application/json', cookie: `${SSO_STATE_COOKIE}=${state}` },
    });
    expect(replay.status).toBe(401);
    const body = (await replay.json()) as ErrorResponse & { error: { details: { reason: string } } };
    expect(body.error.code).toBe('unauthorized');
    expect(body.error.details.reason).toBe('sso_state_invalid');
    expect(body.error.message).toMatch(/already used or has expired/);
    expect(replay.headers.getSetCookie().some((cookie) => cookie.startsWith(SESSION_COOKIE))).toBe(false);
    expect(await auditOf('sign_in_failed', (after) => after.reason === 'sso_state_invalid')).toHaveLength(3);
  });

  it('refuses a person the instance does not know while sign-up is off', async () => {
    idp.people.set('dee-sub', { email: 'dee@example.test', email_verified: true, name: 'Dee' });
    const browser = new TestBrowser();
    const page = await browser.navigate((await throughProvider(browser, strict, 'dee-sub')).callbackUrl);
    expect(errorOf(page, strict)).toBe('sso_unknown_user');
    expect(browser.cookie(strict.url, SESSION_COOKIE)).toBeUndefined();

    const api = new TestBrowser();
    const answer = await api.navigate((await throughProvider(api, strict, 'dee-sub')).callbackUrl, {
      accept: 'application/json',
    });
    expect(answer.status).toBe(403);
    const body = (await answer.json()) as ErrorResponse & { error: { details: { reason: string } } };
    expect(body.error).toMatchObject({ code: 'forbidden', details: { reason: 'sso_unknown_user' } });
    expect(body.error.message).toContain('dee@example.test');

    const dee = await store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'dee@example.test')
      .execute();
    expect(dee).toEqual([]);
    const refusals = await auditOf('sign_in_failed', (after) => after.subject === 'dee-sub');
    expect(refusals).toHaveLength(2);
    expect(refusals[0]!.after).toMatchObject({ reason: 'sso_unknown_user', email: 'dee@example.test' });
  });

  it('does not link an account by an email the provider has not verified', async () => {
    await addUser({ id: 'usr_eve', email: 'eve@example.test' });
    idp.people.set('eve-sub', { email: 'eve@example.test', email_verified: false });
    const browser = new TestBrowser();
    const page = await browser.navigate((await throughProvider(browser, open, 'eve-sub')).callbackUrl);
    expect(errorOf(page, open)).toBe('sso_email_unverified');
    const eve = await store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', 'usr_eve')
      .executeTakeFirstOrThrow();
    expect(eve.oidcSubject).toBeNull();
  });

  it('creates the account on first sign-in when sign-up is allowed, and finds it the next time', async () => {
    idp.people.set('fay-sub', { email: 'fay@example.test', email_verified: true, name: 'Fay Example' });
    const first = new TestBrowser();
    expect(
      errorOf(await first.navigate((await throughProvider(first, open, 'fay-sub')).callbackUrl), open),
    ).toBeNull();
    const fay = await store.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'fay@example.test')
      .execute();
    expect(fay).toMatchObject([
      { name: 'Fay Example', oidcIssuer: idp.issuer, oidcSubject: 'fay-sub', passwordHash: null },
    ]);
    expect(await sessionUserOf(first.cookie(open.url, SESSION_COOKIE))).toBe(fay[0]!.id);
    const created = await store.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'insert')
      .where('entityId', '=', fay[0]!.id)
      .execute();
    expect(created).toMatchObject([{ actorKind: 'user', actorId: fay[0]!.id }]);

    const again = new TestBrowser();
    expect(
      errorOf(await again.navigate((await throughProvider(again, open, 'fay-sub')).callbackUrl), open),
    ).toBeNull();
    expect(await sessionUserOf(again.cookie(open.url, SESSION_COOKIE))).toBe(fay[0]!.id);
    const signIns = await auditOf('sign_in', (after) => after.subject === 'fay-sub');
    expect(signIns.map((row) => (row.after as { account: string }).account)).toEqual(['created', 'known']);
  });

  it('checks the ID token nonce and the PKCE verifier it kept', async () => {
    await addUser({ id: 'usr_gil', email: 'gil@example.test', oidcSubject: 'gil-sub' });
    idp.people.set('gil-sub', { email: 'gil@example.test', email_verified: true });
    for (const forged of [{ nonce: 'forged-nonce' }, { codeVerifier: 'f'.repeat(43) }]) {
      const browser = new TestBrowser();
      const { callbackUrl } = await throughProvider(browser, strict, 'gil-sub');
      await store.db
        .updateTable('ssoLogins')
        .set(forged)
        .where('id', '=', hashSecret(callbackUrl.searchParams.get('state')!))
        .execute();
      expect(errorOf(await browser.navigate(callbackUrl), strict)).toBe('sso_failed');
      expect(browser.cookie(strict.url, SESSION_COOKIE)).toBeUndefined();
    }
    const failures = await auditOf('sign_in_failed', (after) => after.reason === 'sso_failed');
    expect(failures).toHaveLength(2);
  });

  it('sends the browser back with the reason when the person cancels at the provider', async () => {
    idp.people.set('hal-sub', { email: 'hal@example.test', email_verified: true });
    const browser = new TestBrowser();
    const { callbackUrl } = await throughProvider(browser, strict, 'hal-sub', { abort: true });
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    expect(errorOf(await browser.navigate(callbackUrl), strict)).toBe('sso_denied');
  });

  it('accepts only paths on this site as returnTo', async () => {
    for (const returnTo of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      'org/acme',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
    ]) {
      const response = await fetch(`${strict.url}${endpointUrl(sso.start, { query: { returnTo } })}`, {
        redirect: 'manual',
        headers: { accept: 'application/json' },
      });
      expect(response.status, returnTo).toBe(400);
      const body = (await response.json()) as ErrorResponse;
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message).toContain('returnTo');
    }
  });

  it('has no single sign-on routes when it is not configured', async () => {
    const app = await buildApp({ store, webDir: '/nonexistent', services: { smtp: null }, oidc: null });
    try {
      expect((await app.inject({ url: sso.start.path })).statusCode).toBe(404);
      const callback = endpointUrl(sso.callback, { query: { code: 'x', state: 'y' } });
      expect((await app.inject({ url: callback })).statusCode).toBe(404);
      expect((await app.inject({ url: auth.getConfig.path })).json()).toMatchObject({ sso: null });
    } finally {
      await app.close();
    }
  });
});
