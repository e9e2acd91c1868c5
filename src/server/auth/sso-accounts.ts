import { sql } from 'kysely';
import type { Db } from '../db/store';
import { runAsActor } from '../db/actor-context';
import { newId } from '../ids';
import { SsoFailure } from './sso-failure';

/** Who the provider says signed in, from the validated ID token (and userinfo for what it lacks). */
export interface SsoIdentity {
  /** The ID token's `iss`: openid-client has checked it is the configured issuer. */
  issuer: string;
  subject: string;
  email: string | null;
  /** Only a provider's explicit `email_verified: true` counts. */
  emailVerified: boolean;
  name: string | null;
}

/** The account a single sign-on resolved to, and how. */
export interface SsoAccount {
  id: string;
  name: string;
  /** `known`: already linked; `linked`: found by verified email and linked now; `created`: signed up now. */
  how: 'known' | 'linked' | 'created';
}

/**
 * Finds the account of an identity: by (issuer, subject) first; else by the same email when
 * the provider has verified it, and links the two; else creates one when sign-up is allowed.
 * Call inside the sign-in's transaction. Linking and creation are recorded in the audit trail
 * as the person's own doing.
 * @throws SsoFailure `account_disabled`, `sso_account_conflict`, `sso_email_unverified`, `sso_unknown_user`
 */
export async function resolveSsoAccount(
  db: Db,
  identity: SsoIdentity,
  options: { allowSignup: boolean },
): Promise<SsoAccount> {
  const known = await db
    .selectFrom('users')
    .select(['id', 'name', 'disabledAt'])
    .where('oidcIssuer', '=', identity.issuer)
    .where('oidcSubject', '=', identity.subject)
    .executeTakeFirst();
  if (known) {
    if (known.disabledAt !== null) throw disabled(known.id);
    return { id: known.id, name: known.name, how: 'known' };
  }

  const email = identity.email?.trim() ?? '';
  const sameEmail = email
    ? await db
        .selectFrom('users')
        .select(['id', 'name', 'disabledAt', 'oidcSubject'])
        .where(sql<string>`lower(${sql.ref('email')})`, '=', email.toLowerCase())
        .executeTakeFirst()
    : undefined;
  if (sameEmail) {
    if (!identity.emailVerified)
      throw new SsoFailure(
        'sso_email_unverified',
        `An account uses ${email}, but the provider does not confirm that this email address is verified`,
        sameEmail.id,
      );
    if (sameEmail.disabledAt !== null) throw disabled(sameEmail.id);
    if (sameEmail.oidcSubject !== null)
      throw new SsoFailure(
        'sso_account_conflict',
        `The account with ${email} is already linked to another single sign-on identity`,
        sameEmail.id,
      );
    await runAsActor({ kind: 'user', id: sameEmail.id, name: sameEmail.name }, () =>
      db
        .updateTable('users')
        .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject, updatedAt: new Date() })
        .where('id', '=', sameEmail.id)
        .execute(),
    );
    return { id: sameEmail.id, name: sameEmail.name, how: 'linked' };
  }

  if (!options.allowSignup)
    throw new SsoFailure(
      'sso_unknown_user',
      `No Catchball account belongs to ${email || 'this single sign-on identity'}; ask an administrator to invite you`,
    );
  // A new account takes the email as its own, so only an email the provider vouches for will do.
  if (!email || !identity.emailVerified)
    throw new SsoFailure(
      'sso_email_unverified',
      'Signing up needs a verified email address from the provider (claims email and email_verified)',
    );
  const id = newId('usr');
  const name = identity.name?.trim() || email;
  await runAsActor({ kind: 'user', id, name }, () =>
    db
      .insertInto('users')
      .values({
        id,
        email,
        name,
        passwordHash: null,
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
      })
      .execute(),
  );
  return { id, name, how: 'created' };
}

const disabled = (accountId: string): SsoFailure =>
  new SsoFailure('account_disabled', 'This account is disabled', accountId);

/** Records a completed sign-in (audit action `sign_in`) and stamps the account's last sign-in. */
export async function recordSsoSignIn(
  db: Db,
  account: SsoAccount,
  identity: SsoIdentity,
  now: Date,
): Promise<void> {
  await db.updateTable('users').set({ lastSignInAt: now }).where('id', '=', account.id).execute();
  await db
    .insertInto('auditEvents')
    .values({
      organisationId: null,
      unitId: null,
      actorKind: 'user',
      actorId: account.id,
      actorName: account.name,
      action: 'sign_in',
      entityTable: 'users',
      entityId: account.id,
      before: JSON.stringify(null),
      after: JSON.stringify({
        method: 'oidc',
        issuer: identity.issuer,
        subject: identity.subject,
        account: account.how,
      }),
    })
    .execute();
}

/**
 * Records a refused sign-in (audit action `sign_in_failed`) with its reason and whatever the
 * provider had said of the person; `entity_id` is the account when one was found, else empty.
 */
export async function recordSsoFailure(
  db: Db,
  reason: string,
  identity: SsoIdentity | null,
  accountId: string | null = null,
): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({
      organisationId: null,
      unitId: null,
      actorKind: 'system',
      actorId: null,
      actorName: 'single sign-on',
      action: 'sign_in_failed',
      entityTable: 'users',
      entityId: accountId ?? '',
      before: JSON.stringify(null),
      after: JSON.stringify({
        method: 'oidc',
        reason,
        ...(identity ? { issuer: identity.issuer, subject: identity.subject, email: identity.email } : {}),
      }),
    })
    .execute();
}
