/** Renders its children only for a signed-in user; everyone else goes to the sign-in page. */
import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon } from '../components/icons';
import { LoadingBlock } from '../components/spinner';
import { signInUrl } from './return-to';
import { useSession } from './session-context';

export function RequireSession({ children }: { children: ReactNode }) {
  const { session, reload } = useSession();
  switch (session.status) {
    case 'loading':
      return (
        <div className="auth-screen">
          <LoadingBlock label="Checking your session" />
        </div>
      );
    case 'error':
      return (
        <div className="auth-screen">
          <EmptyState
            tone="error"
            icon={<AlertIcon size={22} />}
            title="Catchball is not answering"
            action={<Button onClick={() => void reload()}>Try again</Button>}
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
