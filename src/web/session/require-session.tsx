/** Renders its children only for a signed-in user; everyone else goes to the sign-in page. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect } from 'wouter';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon } from '../components/icons';
import { LoadingBlock } from '../components/spinner';
import { signInUrl } from './return-to';
import { useSession } from './session-context';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, reload } = useSession();
  switch (session.status) {
    case 'loading':
      return (
        <div className="auth-screen">
          <LoadingBlock label={t('session.checking')} />
        </div>
      );
    case 'error':
      return (
        <div className="auth-screen">
          <EmptyState
            tone="error"
            icon={<AlertIcon size={22} />}
            title={t('session.notAnswering')}
            action={<Button onClick={() => void reload()}>{t('actions.tryAgain')}</Button>}
          >
            {session.error.message}
          </EmptyState>
        </div>
      );
    case 'signed_out':
      return <Redirect to={signInUrl()} replace />;
    case 'signed_in':
      return <>{children}</>;
  }
}
