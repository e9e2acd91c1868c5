/** The demo store's accounts, one per role, each signed in with one click (shown only on a demo). */
import { Trans, useTranslation } from 'react-i18next';
import type { DemoAccount } from '../../../contracts';
import { Button } from '../../components/button';
import { Avatar } from '../../components/avatar';

interface DemoAccountsPanelProps {
  accounts: DemoAccount[];
  /** The e-mail of the account being signed in, if any. */
  busyEmail: string | null;
  disabled: boolean;
  onSignIn: (account: DemoAccount) => void;
}

export function DemoAccountsPanel({ accounts, busyEmail, disabled, onSignIn }: DemoAccountsPanelProps) {
  const { t } = useTranslation('auth');
  return (
    <section className="demo-panel" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('demo.title')}</h2>
      <p className="muted">
        <Trans
          t={t}
          i18nKey="demo.intro"
          values={{ password: accounts[0]?.password ?? '' }}
          components={{ code: <code /> }}
        />
      </p>
      <ul className="demo-list">
        {accounts.map((account) => (
          <li key={account.email} className="demo-account" data-testid={`demo-${account.email}`}>
            <Avatar name={account.email.split('@')[0] ?? account.email} />
            <div className="demo-account-text">
              <strong>{account.role}</strong>
              <span className="muted">{account.description}</span>
              <span className="demo-account-email">{account.email}</span>
            </div>
            <Button
              size="sm"
              variant={busyEmail === account.email ? 'primary' : 'secondary'}
              disabled={disabled}
              aria-label={t('demo.signInAs', { email: account.email })}
              onClick={() => onSignIn(account)}
            >
              {busyEmail === account.email ? t('signIn.signingIn') : t('signIn.submit')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
