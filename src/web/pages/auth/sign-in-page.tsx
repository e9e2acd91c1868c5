/**
 * `/sign-in?returnTo=…&error=…`: e-mail and password, single sign-on when configured, and on a
 * demo store one-click sign-in per demo role. Errors show in place: a wrong address or password,
 * too many attempts (with the time to wait, counting down), or why single sign-on failed.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { Redirect } from 'wouter';
import type { DemoAccount } from '../../../contracts';
import { ApiError } from '../../api-client';
import { signIn, ssoStartUrl } from '../../api-accounts';
import { queries } from '../../api/queries';
import { Button } from '../../components/button';
import { EmailField, TextField } from '../../components/form/field';
import { FormAlert } from '../../components/form/form-alert';
import { Spinner } from '../../components/spinner';
import { safeReturnPath } from '../../../core/return-path';
import { queryParam } from '../../session/return-to';
import { useSession } from '../../session/session-context';
import { AuthLayout } from './auth-layout';
import { DemoAccountsPanel } from './demo-accounts-panel';

const SSO_ERRORS: Record<string, string> = {
  sso_state_invalid: 'The single sign-on took too long or was started in another browser. Try again.',
  sso_denied: 'Single sign-on was cancelled or refused by the identity provider.',
  sso_failed: 'Single sign-on failed. Try again, or sign in with your password.',
  sso_unavailable: 'The identity provider cannot be reached right now. Try again later.',
  sso_unknown_user: 'There is no Catchball account for you yet. Ask an administrator to invite you.',
  sso_email_unverified:
    'Your identity provider does not confirm your e-mail address, so it cannot be linked.',
  sso_account_conflict: 'Your account is linked to another single sign-on identity.',
  account_disabled: 'Your account is disabled. Ask an administrator.',
};

export function SignInPage() {
  const { session, completeSignIn } = useSession();
  const config = useQuery(queries.authConfig());
  const returnTo = safeReturnPath(queryParam('returnTo'));
  const ssoError = queryParam('error');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(
    ssoError ? (SSO_ERRORS[ssoError] ?? `Single sign-on failed (${ssoError}).`) : null,
  );
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(waitUntil);

  if (session.status === 'signed_in') return <Redirect to={returnTo} replace />;

  async function attempt(address: string, secret: string) {
    setBusy(address);
    setError(null);
    try {
      completeSignIn(await signIn(address, secret), returnTo);
    } catch (cause) {
      setBusy(null);
      if (cause instanceof ApiError && cause.code === 'rate_limited') {
        const seconds = retryAfterOf(cause);
        setWaitUntil(Date.now() + seconds * 1000);
        setError(null);
      } else if (cause instanceof ApiError && cause.status === 401) {
        setError('That e-mail address and password do not match an account.');
      } else {
        setError(cause instanceof Error ? cause.message : String(cause));
      }
    }
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    void attempt(email.trim(), password);
  }

  const limited = secondsLeft > 0;
  const demoAccounts = config.data?.demoAccounts ?? [];
  return (
    <AuthLayout
      title="Sign in"
      subtitle="Strategy deployment · OKRs × Hoshin Kanri"
      aside={
        demoAccounts.length > 0 ? (
          <DemoAccountsPanel
            accounts={demoAccounts}
            busyEmail={busy}
            disabled={busy !== null || limited}
            onSignIn={(account: DemoAccount) => void attempt(account.email, account.password)}
          />
        ) : undefined
      }
    >
      {config.data?.needsSetup && (
        <FormAlert tone="info">
          Catchball has no accounts yet. Open the setup link printed in the server log when it first started
          to create the first administrator.
        </FormAlert>
      )}
      {error && <FormAlert>{error}</FormAlert>}
      {limited && (
        <FormAlert>
          Too many sign-in attempts. Try again in{' '}
          <strong data-testid="retry-after">{formatWait(secondsLeft)}</strong>.
        </FormAlert>
      )}
      <form className="auth-form" onSubmit={submit} aria-label="Sign in">
        <EmailField
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button variant="primary" type="submit" className="auth-submit" disabled={busy !== null || limited}>
          {busy === email.trim() && busy !== null ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {config.isPending && (
        <div className="auth-config-loading">
          <Spinner size={14} label="Loading sign-in options" />
        </div>
      )}
      {config.data?.sso && (
        <>
          <div className="auth-divider" role="separator">
            <span>or</span>
          </div>
          <a className="btn btn-secondary btn-md auth-submit" href={ssoStartUrl(returnTo)}>
            Sign in with {config.data.sso.name}
          </a>
        </>
      )}
    </AuthLayout>
  );
}

/** Seconds to wait from a `rate_limited` error (its details, else the message's number). */
function retryAfterOf(error: ApiError): number {
  const details = error.details as { retryAfterSeconds?: unknown } | undefined;
  if (typeof details?.retryAfterSeconds === 'number') return details.retryAfterSeconds;
  return 60;
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Whole seconds left until `until` (0 when past or null), updated every second. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
