import type { Language } from '../../../core/languages';
import { sql } from 'kysely';
import { DomainError } from '../../../core/errors';
import type {
  AcceptInviteInput,
  AuthConfig,
  ChangePasswordInput,
  Me,
  SetupInput,
  SignInInput,
} from '../../../contracts';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RateLimits } from '../../auth/rate-limit';
import { createSession, endAllSessions, endSession, type NewSession } from '../../auth/sessions';
import { consumeSetupToken } from '../../auth/setup-tokens';
import { recordSignInEvent, type ClientMeta } from '../../auth/sign-in-audit';
import { runAsActor } from '../../db/actor-context';
import {
  endSessionsOf,
  hasAnyUser,
  setPasswordHash,
  userByEmail,
  insertLocalUser,
} from '../../db/repositories/account.repository';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { demoAccountsIn } from '../../demo/demo-users';
import { newId } from '../../ids';
import { loadMe } from './me';

export interface AccountsOptions {
  rateLimits?: Partial<RateLimits>;
  now?: () => Date;
}

/** What every way of signing in produces: who, and the session to set as a cookie. */
export interface SignedInSession {
  user: Me;
  session: NewSession;
}

/** One message for a wrong e-mail address and a wrong password: the answer tells nothing about who has an account. */
const WRONG_CREDENTIALS = 'The e-mail address or the password is wrong';

const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Sign-in, sign-out, passwords, the first-start setup and accepting an invitation. */
export function createAccountsService(db: Db, options: AccountsOptions = {}) {
  const now = options.now ?? (() => new Date());
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const limiter = createRateLimiter(db, now);

  async function openSession(userId: string, meta: ClientMeta): Promise<SignedInSession> {
    const at = now();
    await db.updateTable('users').set({ lastSignInAt: at }).where('id', '=', userId).execute();
    const session = await createSession(db, userId, { ...meta, now: at });
    return { user: await loadMe(db, userId), session };
  }

  return {
    limits,
    limiter,

    /** The sign-in page's settings: first start, single sign-on (as the app was configured), demo accounts. */
    async config(sso: { name: string } | null): Promise<AuthConfig> {
      return {
        needsSetup: !(await hasAnyUser(db)),
        sso,
        demoAccounts: await demoAccountsIn(db),
      };
    },

    me: (userId: string): Promise<Me> => loadMe(db, userId),

    /**
     * Checks an e-mail address and password and opens a session. Attempts are limited per address
     * and IP (reset by a success) and per IP; every attempt is recorded in the audit trail.
     * @throws DomainError `unauthorized` with one message for an unknown address and a wrong
     * password; `rate_limited` (429) once over a limit, without checking the password.
     */
    async signIn(input: SignInInput, meta: ClientMeta): Promise<SignedInSession> {
      const email = normaliseEmail(input.email);
      const accountKey = `sign-in:account:${email}|${meta.ip}`;
      await limiter.hit(`sign-in:ip:${meta.ip}`, limits.signInPerIp, 'sign-in attempts from this address');
      await limiter.hit(accountKey, limits.signInPerEmailAndIp, 'failed sign-in attempts for this account');
      const user = await userByEmail(db, email);
      const matches = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !matches || user.disabledAt !== null) {
        const reason = !user ? 'unknown e-mail address' : !matches ? 'wrong password' : 'account disabled';
        await recordSignInEvent(db, { action: 'sign_in_failed', user: user ?? null, email, meta, reason });
        throw new DomainError(
          'unauthorized',
          // Only someone who knows the password learns that the account is disabled.
          user && matches ? 'This account is disabled; ask a site administrator' : WRONG_CREDENTIALS,
        );
      }
      await limiter.reset(accountKey, limits.signInPerEmailAndIp);
      await recordSignInEvent(db, { action: 'sign_in', user, email, meta });
      return openSession(user.id, meta);
    },

    /** Ends the session the request came with. */
    async signOut(user: { id: string; name: string; email: string }, sessionId: string, meta: ClientMeta) {
      await endSession(db, sessionId);
      await recordSignInEvent(db, { action: 'sign_out', user, email: user.email, meta });
    },

    /** Ends every session of the user (every server sees it: sessions live in the database). */
    async signOutEverywhere(user: { id: string; name: string; email: string }, meta: ClientMeta) {
      await endAllSessions(db, user.id);
      await recordSignInEvent(db, {
        action: 'sign_out',
        user,
        email: user.email,
        meta,
        reason: 'everywhere',
      });
    },

    /**
     * Changes the user's own password and ends their other sessions (this one stays).
     * @throws DomainError `validation_failed` naming `currentPassword` when it is wrong.
     */
    async changePassword(userId: string, keepSessionId: string | null, input: ChangePasswordInput) {
      const user = await getRow(db, 'users', userId);
      if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
        throw new DomainError('validation_failed', 'currentPassword: is not your current password', {
          issues: [{ path: 'body.currentPassword', message: 'is not your current password' }],
        });
      const passwordHash = await hashPassword(input.newPassword);
      await setPasswordHash(db, userId, passwordHash, now());
      await endSessionsOf(db, userId, keepSessionId);
    },

    /** The language the account chose (null: follow the browser, or no such user). */
    async languageOf(userId: string): Promise<Language | null> {
      const row = await db.selectFrom('users').select('language').where('id', '=', userId).executeTakeFirst();
      return row?.language ?? null;
    },

    /** The language the user reads Catchball in; null follows their browser. */
    async setLanguage(userId: string, language: Language | null) {
      await db.updateTable('users').set({ language }).where('id', '=', userId).execute();
    },

    /**
     * First start: creates the first site administrator with a one-time setup token.
     * @throws DomainError `invariant_violated` once any user exists; `unauthorized` for a bad token.
     */
    async setup(input: SetupInput, meta: ClientMeta): Promise<SignedInSession> {
      const passwordHash = await hashPassword(input.password);
      const id = newId('usr');
      await runAsActor({ kind: 'user', id, name: input.name }, () =>
        db.transaction().execute(async (trx) => {
          // Two setup links used at once must not make two first administrators.
          await sql`SELECT pg_advisory_xact_lock(hashtext('catchball_setup'))`.execute(trx);
          await consumeSetupToken(trx, 'setup', input.token, now());
          if (await hasAnyUser(trx))
            throw new DomainError('invariant_violated', 'Catchball is already set up: sign in instead');
          await insertLocalUser(trx, {
            id,
            email: input.email,
            name: input.name,
            passwordHash,
            isSiteAdmin: true,
          });
        }),
      );
      await recordSignInEvent(db, {
        action: 'sign_in',
        user: { id, name: input.name },
        email: input.email,
        meta,
      });
      return openSession(id, meta);
    },

    /**
     * Sets the invited user's password with their one-time link, and signs them in.
     * @throws DomainError `unauthorized` for a bad link or a disabled account.
     */
    async acceptInvite(input: AcceptInviteInput, meta: ClientMeta): Promise<SignedInSession> {
      const passwordHash = await hashPassword(input.password);
      const user = await db.transaction().execute(async (trx) => {
        const { userId } = await consumeSetupToken(trx, 'invite', input.token, now());
        const row = await setPasswordHash(trx, userId ?? '', passwordHash, now(), { enabledOnly: true });
        if (!row)
          throw new DomainError('unauthorized', 'This invitation is for an account that is disabled or gone');
        return row;
      });
      await recordSignInEvent(db, { action: 'sign_in', user, email: user.email, meta });
      return openSession(user.id, meta);
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
