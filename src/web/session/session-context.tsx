/**
 * The signed-in user, shared through context. {@link SessionProvider} asks the server for the
 * session once on start, hands the CSRF token to the API client, and turns any 401 from the API
 * into "signed out": the app goes to the sign-in page, which comes back to where the user was.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { navigate } from 'wouter/use-browser-location';
import type { Me, SignedIn } from '../../contracts';
import { onUnauthorized, setCsrfToken } from '../api-client';
import { getSession, signOut, signOutEverywhere } from '../api-accounts';
import { applyLanguage } from '../i18n/language';
import { signInUrl } from './return-to';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'signed_out' }
  | { status: 'signed_in'; me: Me };

interface SessionApi {
  session: SessionState;
  /** Asks the server again (after an error, or when the user's roles changed). */
  reload: () => Promise<void>;
  /**
   * Finishes a sign-in: a full page load at `returnTo`, so nothing the previous visitor loaded
   * stays in memory and every page starts with the new user's rights.
   */
  completeSignIn: (result: SignedIn, returnTo: string) => void;
  /** Signs out (this browser, or every session of the user) and shows the sign-in page. */
  endSession: (everywhere?: boolean) => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      const info = await getSession();
      setCsrfToken(info.csrfToken);
      if (info.user) await applyLanguage(info.user.language);
      setSession(info.user ? { status: 'signed_in', me: info.user } : { status: 'signed_out' });
    } catch (cause) {
      setSession({ status: 'error', error: cause instanceof Error ? cause : new Error(String(cause)) });
    }
  }, []);

  useEffect(() => {
    void reload();
    onUnauthorized(() => {
      setCsrfToken(null);
      setSession({ status: 'signed_out' });
      // Several requests may fail together; the first one decides where to come back to.
      if (window.location.pathname !== '/sign-in') navigate(signInUrl(), { replace: true });
    });
    return () => onUnauthorized(null);
  }, [reload]);

  const completeSignIn = useCallback((result: SignedIn, returnTo: string) => {
    setCsrfToken(result.csrfToken);
    setSession({ status: 'signed_in', me: result.user });
    window.location.replace(returnTo);
  }, []);

  const endSession = useCallback(async (everywhere = false) => {
    try {
      await (everywhere ? signOutEverywhere() : signOut());
    } finally {
      setCsrfToken(null);
      window.location.replace('/sign-in');
    }
  }, []);

  const api = useMemo<SessionApi>(
    () => ({ session, reload, completeSignIn, endSession }),
    [session, reload, completeSignIn, endSession],
  );
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

/** The session API of the nearest {@link SessionProvider}. */
export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession must be used inside <SessionProvider>');
  return api;
}

/** The signed-in user; only for components rendered inside {@link RequireSession}. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.status !== 'signed_in') throw new Error('useMe must be used inside <RequireSession>');
  return session.me;
}
