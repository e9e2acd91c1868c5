import { DomainError } from '../../core/errors';

/**
 * Why a single sign-on did not sign anyone in. Browsers are sent to `/sign-in?error=<reason>`;
 * API clients get the error body with `details.reason`.
 */
export type SsoFailureReason =
  /** The callback's state is missing, altered, already used, expired, or from another browser. */
  | 'sso_state_invalid'
  /** The provider answered with an error (the person cancelled, say). */
  | 'sso_denied'
  /** The code exchange or the ID token check failed. */
  | 'sso_failed'
  /** The provider could not be reached (discovery failed). */
  | 'sso_unavailable'
  /** No account has this identity or its verified email, and sign-up is off. */
  | 'sso_unknown_user'
  /** An account has this email, but the provider does not vouch that the email is theirs. */
  | 'sso_email_unverified'
  /** The account with this email is already linked to another single sign-on identity. */
  | 'sso_account_conflict'
  | 'account_disabled';

const FORBIDDEN: ReadonlySet<SsoFailureReason> = new Set([
  'sso_unknown_user',
  'sso_email_unverified',
  'sso_account_conflict',
  'account_disabled',
]);

/** A refused single sign-on: 401 when the login itself failed, 403 when the person may not enter. */
export class SsoFailure extends DomainError {
  readonly reason: SsoFailureReason;
  /** The account concerned, when one was found (for the audit trail, never shown). */
  readonly accountId: string | null;

  constructor(reason: SsoFailureReason, message: string, accountId: string | null = null) {
    super(FORBIDDEN.has(reason) ? 'forbidden' : 'unauthorized', message, { reason });
    this.reason = reason;
    this.accountId = accountId;
  }
}
