/**
 * `/sign-in?returnTo=…&error=…`: e-mail and password, single sign-on when configured, and on a
 * demo store one-click sign-in per demo role. Errors show in place: a wrong address or password,
 * too many attempts (with the time to wait, counting down), or why single sign-on failed.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
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

/** The reasons single sign-on sends back (`?error=`), each with its own message. */
const SSO_ERRORS = [
  'sso_state_invalid',
  'sso_denied',
  'sso_failed',
  'sso_unavailable',
  'sso_unknown_user',
  'sso_email_unverified',
  'sso_account_conflict',
  'account_disabled',
] as const;
type SsoError = (typeof SSO_ERRORS)[number];
const isSsoError = (code: string): code is SsoError => (SSO_ERRORS as readonly string[]).includes(code);

export function SignInPage() {
  const { t } = useTranslation(['auth', 'common']);
  const { session, completeSignIn } = useSession();
  const config = useQuery(queries.authConfig());
  const returnTo = safeReturnPath(queryParam('returnTo'));
  const ssoError = queryParam('error');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(
    ssoError ? (isSsoError(ssoError) ? t(`sso.${ssoError}`) : t('sso.unknown', { code: ssoError })) : null,
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
        setError(t('signIn.wrong'));
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
      title={t('signIn.title')}
      subtitle={t('common:tagline')}
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
      {config.data?.needsSetup && <FormAlert tone="info">{t('signIn.needsSetup')}</FormAlert>}
      {error && <FormAlert>{error}</FormAlert>}
      {limited && (
        <FormAlert>
          <Trans
            t={t}
            i18nKey="signIn.rateLimited"
            values={{ wait: formatWait(t, secondsLeft) }}
            components={{ strong: <strong data-testid="retry-after" /> }}
          />
        </FormAlert>
      )}
      <form className="auth-form" onSubmit={submit} aria-label={t('signIn.title')}>
        <EmailField
          autoComplete="username"
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button variant="primary" type="submit" className="auth-submit" disabled={busy !== null || limited}>
          {busy === email.trim() && busy !== null ? t('signIn.signingIn') : t('signIn.submit')}
        </Button>
      </form>
      {config.isPending && (
        <div className="auth-config-loading">
          <Spinner size={14} label={t('signIn.loadingOptions')} />
        </div>
      )}
      {config.data?.sso && (
        <>
          <div className="auth-divider" role="separator">
            <span>{t('signIn.or')}</span>
          </div>
          <a className="btn btn-secondary btn-md auth-submit" href={ssoStartUrl(returnTo)}>
            {t('signIn.withSso', { name: config.data.sso.name })}
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

function formatWait(t: TFunction<['auth', 'common']>, seconds: number): string {
  if (seconds < 60) return t('wait.seconds', { seconds });
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? t('wait.minutes', { minutes }) : t('wait.minutesSeconds', { minutes, seconds: rest });
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
