import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../src/contracts';
import { auth, users } from '../../src/contracts/endpoints';
import { hashPassword } from '../../src/server/auth/passwords';
import { ensureFirstAdmin } from '../../src/server/auth/first-admin';
import { createSetupToken } from '../../src/server/auth/setup-tokens';
import { buildPasswordUser } from '../support/builders';
import { body, createTestApp, type ErrorResponse, type TestApp } from '../support/test-app';

const PASSWORD = 'a long enough password';

/** The session cookie a response set, as a Cookie header (throws when there is none). */
function cookieOf(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const value = (Array.isArray(header) ? header : [header])
    .map(String)
    .find((c) => c.startsWith('catchball_session='));
  if (!value) throw new Error('no session cookie was set');
  return value.split(';')[0] ?? '';
}

describe('accounts and sign-in', () => {
  let t: TestApp;
  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.call(auth.signIn, { body: { email, password } }, { anonymous: true, headers });
  /** Headers to act as the user a sign-in answer stands for (cookie + CSRF token). */
  const asUser = (response: { headers: Record<string, unknown>; data: unknown }) => ({
    cookie: cookieOf(response),
    'x-csrf-token': body<SignedIn>(response).csrfToken,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await buildPasswordUser(t.store.db, { name: 'Ada', password: PASSWORD });
  });
  afterAll(() => t.close());

  it('signs in with e-mail and password, sets a hardened session cookie and records it', async () => {
    const response = await signIn('Ada@Example.test', PASSWORD);
    expect(response.statusCode).toBe(200);
    const signedIn = response.result;
    expect(signedIn.user).toMatchObject({ id: 'usr_ada', email: 'ada@example.test', isSiteAdmin: false });
    expect(signedIn.csrfToken.length).toBeGreaterThan(20);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^catchball_session=[\w-]{40,}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(cookie).not.toContain('Secure');

    const session = await t.call(auth.getSession, {}, { headers: { cookie: cookieOf(response) } });
    expect(session.result).toEqual({ user: signedIn.user, csrfToken: signedIn.csrfToken });
    const audit = await t.store.db
      .selectFrom('auditEvents')
      .select(['action', 'actorId', 'entityTable'])
      .where('action', '=', 'sign_in')
      .where('actorId', '=', 'usr_ada')
      .execute();
    expect(audit).toEqual([{ action: 'sign_in', actorId: 'usr_ada', entityTable: 'users' }]);
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const app = await createTestApp();
    try {
      // The test app trusts no proxy: a forwarded scheme is ignored.
      await app.store.db
        .insertInto('users')
        .values({
          id: 'usr_tls',
          email: 'tls@example.test',
          name: 'TLS',
          passwordHash: await hashPassword(PASSWORD),
          isSiteAdmin: false,
          oidcIssuer: null,
          oidcSubject: null,
        })
        .execute();
      const plain = await app.call(
        auth.signIn,
        { body: { email: 'tls@example.test', password: PASSWORD } },
        { headers: { 'x-forwarded-proto': 'https' }, anonymous: true },
      );
      expect(String(plain.headers['set-cookie'])).not.toContain('Secure');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
    const { buildApp } = await import('../../src/server/app');
    const behindProxy = await buildApp({ store: t.store, webDir: '/nonexistent', trustProxy: true });
    try {
      const response = await behindProxy.inject({
        method: 'POST',
        url: auth.signIn.path,
        payload: { email: 'ada@example.test', password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.statusCode).toBe(200);
      expect(String(response.headers['set-cookie'])).toContain('; Secure');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await behindProxy.close();
    }
  });

  it('answers a wrong password and an unknown e-mail address with the same 401', async () => {
    const wrong = await signIn('ada@example.test', 'not the password');
    const unknown = await signIn('nobody@example.test', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(body<ErrorResponse>(wrong)).toEqual(body<ErrorResponse>(unknown));
    expect(body<ErrorResponse>(wrong).error).toEqual({
      code: 'unauthorized',
      message: 'The e-mail address or the password is wrong',
    });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const failed = await t.store.db
      .selectFrom('auditEvents')
      .select(['actorId', 'actorName'])
      .where('action', '=', 'sign_in_failed')
      .orderBy('id')
      .execute();
    expect(failed).toEqual([
      { actorId: 'usr_ada', actorName: 'Ada' },
      { actorId: null, actorName: 'anonymous' },
    ]);
  });

  it('refuses a cookie write without the CSRF header and accepts it with the header', async () => {
    const headers = asUser(await signIn('ada@example.test', PASSWORD));
    const without = await t.call(
      auth.changePassword,
      { body: { currentPassword: PASSWORD, newPassword: PASSWORD } },
      { headers: { cookie: headers.cookie } },
    );
    expect(without.statusCode).toBe(403);
    expect(body<ErrorResponse>(without).error.message).toContain('x-csrf-token');
    const wrongToken = await t.call(
      auth.changePassword,
      { body: { currentPassword: PASSWORD, newPassword: PASSWORD } },
      { headers: { cookie: headers.cookie, 'x-csrf-token': 'guessed' } },
    );
    expect(wrongToken.statusCode).toBe(403);
    const withHeader = await t.call(
      auth.changePassword,
      { body: { currentPassword: PASSWORD, newPassword: PASSWORD } },
      { headers },
    );
    expect(withHeader.statusCode).toBe(204);
  });

  it('keeps the language a user chose on the account; null follows the browser; others are refused', async () => {
    const headers = asUser(await signIn('ada@example.test', PASSWORD));
    const me = async () =>
      (await t.call(auth.getSession, {}, { headers: { cookie: headers.cookie } })).result.user;
    expect((await me())?.language).toBeNull();
    expect((await t.call(auth.setLanguage, { body: { language: 'ja' } }, { headers })).statusCode).toBe(204);
    expect((await me())?.language).toBe('ja');
    const refused = await t.call(auth.setLanguage, { body: { language: 'fr' as 'ja' } }, { headers });
    expect(refused.statusCode).toBe(400);
    expect(body<ErrorResponse>(refused).error.details?.issues?.[0]?.path).toBe('body.language');
    expect((await me())?.language).toBe('ja');
    expect((await t.call(auth.setLanguage, { body: { language: null } }, { headers })).statusCode).toBe(204);
    expect((await me())?.language).toBeNull();
    const anonymous = await t.call(auth.setLanguage, { body: { language: 'de' } }, { anonymous: true });
    expect(anonymous.statusCode).toBe(401);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const headers = asUser(await signIn('ada@example.test', PASSWORD));
    const out = await t.call(auth.signOut, {}, { headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^catchball_session=; Max-Age=0/);
    const after = await t.call(auth.getSession, {}, { headers: { cookie: headers.cookie } });
    expect(after.result).toEqual({ user: null, csrfToken: null });
    const write = await t.call(auth.signOut, {}, { headers });
    expect(write.statusCode).toBe(401);
  });

  it('signs out everywhere: every session of the user ends', async () => {
    const first = asUser(await signIn('ada@example.test', PASSWORD));
    const second = asUser(await signIn('ada@example.test', PASSWORD));
    const me = (headers: { cookie: string }) =>
      t.call(auth.getSession, {}, { headers: { cookie: headers.cookie } });
    expect((await me(second)).result.user?.id).toBe('usr_ada');
    expect((await t.call(auth.signOutEverywhere, {}, { headers: first })).statusCode).toBe(204);
    expect((await me(first)).result.user).toBeNull();
    expect((await me(second)).result.user).toBeNull();
    const left = await t.store.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', 'usr_ada')
      .execute();
    expect(left).toEqual([]);
  });

  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const here = asUser(await signIn('ada@example.test', PASSWORD));
    const elsewhere = asUser(await signIn('ada@example.test', PASSWORD));
    const wrongCurrent = await t.call(
      auth.changePassword,
      { body: { currentPassword: 'not it at all', newPassword: 'another long password' } },
      { headers: here },
    );
    expect(wrongCurrent.statusCode).toBe(400);
    expect(body<ErrorResponse>(wrongCurrent).error.details?.issues?.[0]?.path).toBe('body.currentPassword');
    const tooShort = await t.call(
      auth.changePassword,
      { body: { currentPassword: PASSWORD, newPassword: 'short' } },
      { headers: here },
    );
    expect(tooShort.statusCode).toBe(400);
    const changed = await t.call(
      auth.changePassword,
      { body: { currentPassword: PASSWORD, newPassword: 'another long password' } },
      { headers: here },
    );
    expect(changed.statusCode).toBe(204);
    const session = (headers: { cookie: string }) =>
      t.call(auth.getSession, {}, { headers: { cookie: headers.cookie } });
    expect((await session(here)).result.user?.id).toBe('usr_ada');
    expect((await session(elsewhere)).result.user).toBeNull();
    expect((await signIn('ada@example.test', PASSWORD)).statusCode).toBe(401);
    expect((await signIn('ada@example.test', 'another long password')).statusCode).toBe(200);
    // The audit trail records that the account changed, never the hash.
    const changes = await t.store.db
      .selectFrom('auditEvents')
      .select(['action', 'after'])
      .where('entityTable', '=', 'users')
      .where('entityId', '=', 'usr_ada')
      .where('action', '=', 'update')
      .execute();
    expect(changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(changes)).not.toContain('argon2');
  });

  it('refuses a disabled user, and disabling ends their sessions', async () => {
    const created = await t.call(users.createUser, {
      body: { email: 'bob@example.test', name: 'Bob', password: PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    const bob = created.result;
    expect(bob.inviteUrl).toBeNull();
    expect(bob.user).toMatchObject({
      email: 'bob@example.test',
      hasPassword: true,
      disabled: false,
      sso: false,
    });
    const headers = asUser(await signIn('bob@example.test', PASSWORD));
    const disabled = await t.call(users.updateUser, {
      params: { id: bob.user.id },
      body: { version: bob.user.version, disabled: true },
    });
    expect(disabled.result.disabled).toBe(true);
    const session = await t.call(auth.getSession, {}, { headers: { cookie: headers.cookie } });
    expect(session.result.user).toBeNull();
    const again = await signIn('bob@example.test', PASSWORD);
    expect(again.statusCode).toBe(401);
    expect(body<ErrorResponse>(again).error.message).toContain('disabled');
    // User management is the site administrators'.
    const ada = asUser(await signIn('ada@example.test', 'another long password'));
    expect((await t.call(users.listUsers, {}, { headers: ada })).statusCode).toBe(403);
  });

  it('invites a user without a password: the link sets it once and signs them in', async () => {
    const { result: created } = await t.call(users.createUser, {
      body: { email: 'cleo@example.test', name: 'Cleo' },
    });
    expect(created.user.hasPassword).toBe(false);
    expect(created.inviteUrl).toMatch(/^http:\/\/localhost(:\d+)?\/invite\?token=[\w-]+$/);
    const token = new URL(created.inviteUrl ?? '').searchParams.get('token') ?? '';
    expect((await signIn('cleo@example.test', 'anything at all')).statusCode).toBe(401);
    const accept = (password: string) =>
      t.call(auth.acceptInvite, { body: { token, password } }, { anonymous: true });
    const accepted = await accept('cleos own password');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.result.user.email).toBe('cleo@example.test');
    cookieOf(accepted);
    const reused = await accept('an attacker password');
    expect(reused.statusCode).toBe(401);
    expect((await signIn('cleo@example.test', 'cleos own password')).statusCode).toBe(200);
  });

  it('reports first start and single sign-on in the sign-in page settings', async () => {
    const config = (await t.call(auth.getConfig, {}, { anonymous: true })).result;
    expect(config).toEqual({ needsSetup: false, sso: null, demoAccounts: [] });
  });
});

describe('first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // An empty instance: no account at all (the test app's administrator is removed).
    await t.store.db.deleteFrom('users').execute();
  });
  afterAll(() => t.close());

  const setup = (token: string, email = 'root@example.test') =>
    t.call(
      auth.setup,
      { body: { token, email, name: 'Root', password: 'the first admin password' } },
      { anonymous: true },
    );

  it('creates the first site administrator once, with an unexpired setup token', async () => {
    const config = (await t.call(auth.getConfig, {}, { anonymous: true })).result;
    expect(config.needsSetup).toBe(true);
    const expired = await createSetupToken(
      t.store.db,
      'setup',
      null,
      new Date(Date.now() - 25 * 60 * 60 * 1000),
    );
    expect((await setup(expired)).statusCode).toBe(401);
    expect((await setup('made-up-token')).statusCode).toBe(401);

    const token = await createSetupToken(t.store.db, 'setup', null);
    const stored = await t.store.db.selectFrom('setupTokens').select('id').execute();
    expect(stored.map((row) => row.id)).not.toContain(token);
    const done = await setup(token);
    expect(done.statusCode).toBe(200);
    expect(done.result.user).toMatchObject({ email: 'root@example.test', isSiteAdmin: true });
    expect(cookieOf(done)).toMatch(/^catchball_session=/);
    const again = await setup(token, 'second@example.test');
    expect(again.statusCode).toBe(401);
    // A second, unused link is refused too once someone has set the instance up.
    const late = await createSetupToken(t.store.db, 'setup', null);
    expect((await setup(late, 'third@example.test')).statusCode).toBe(422);
    expect((await t.call(auth.getConfig, {}, { anonymous: true })).result.needsSetup).toBe(false);
  });
});

describe('ensureFirstAdmin (catchball serve)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.store.db.deleteFrom('users').execute();
  });
  afterAll(() => t.close());

  it('prints a one-time setup link when there is no account and no admin in the environment', async () => {
    const lines: string[] = [];
    const outcome = await ensureFirstAdmin(t.store.db, {}, (line) => lines.push(line), {
      baseUrl: 'http://localhost:4123',
    });
    expect(outcome).toBe('setup_link');
    const link = /http:\/\/localhost:4123\/setup\?token=([\w-]+)/.exec(lines.join('\n'));
    expect(link).not.toBeNull();
    const setup = await t.call(
      auth.setup,
      {
        body: {
          token: link?.[1] ?? '',
          email: 'first@example.test',
          name: 'First',
          password: 'first admin password',
        },
      },
      { anonymous: true },
    );
    expect(setup.statusCode).toBe(200);
    expect(await ensureFirstAdmin(t.store.db, {}, (line) => lines.push(line))).toBe('exists');
  });

  it('creates the site administrator named in the environment on an empty instance only', async () => {
    await t.store.db.deleteFrom('users').execute();
    const env = { CATCHBALL_ADMIN_EMAIL: 'Boss@Example.test', CATCHBALL_ADMIN_PASSWORD: 'boss password 123' };
    await expect(
      ensureFirstAdmin(t.store.db, { ...env, CATCHBALL_ADMIN_PASSWORD: 'short' }, () => undefined),
    ).rejects.toThrow('at least 10 characters');
    expect(await ensureFirstAdmin(t.store.db, env, () => undefined)).toBe('created_from_env');
    expect(await ensureFirstAdmin(t.store.db, env, () => undefined)).toBe('exists');
    const signedIn = await t.call(
      auth.signIn,
      { body: { email: 'boss@example.test', password: 'boss password 123' } },
      { anonymous: true },
    );
    expect(signedIn.result.user.isSiteAdmin).toBe(true);
    expect(
      await t.store.db.selectFrom('setupTokens').select('id').where('usedAt', 'is', null).execute(),
    ).toEqual([]);
  });
});
