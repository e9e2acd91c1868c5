/** `/invite?token=…`: an invited person chooses a password and is signed in. */
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api-client';
import { acceptInvite } from '../../api-accounts';
import { Button } from '../../components/button';
import { queryParam } from '../../session/return-to';
import { useSession } from '../../session/session-context';
import { AuthLayout, FormAlert } from './auth-layout';
import { NewPasswordFields, newPasswordProblem, type NewPassword } from '../../components/form/new-password-fields';

export function InvitePage() {
  const { completeSignIn } = useSession();
  const token = queryParam('token');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const problem = newPasswordProblem(password);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      completeSignIn(await acceptInvite(token ?? '', password.password), '/');
    } catch (cause) {
      setBusy(false);
      setError(
        cause instanceof ApiError && cause.status === 401
          ? `${cause.message}. Ask whoever invited you for a new link.`
          : cause instanceof Error
            ? cause.message
            : String(cause),
      );
    }
  }

  return (
    <AuthLayout
      title="Welcome to Catchball"
      subtitle="You have been invited. Choose a password to finish setting up your account."
    >
      {!token ? (
        <FormAlert>
          This invitation link is incomplete. Copy the whole link from the message you received.
        </FormAlert>
      ) : (
        <>
          {error && <FormAlert>{error}</FormAlert>}
          <form className="auth-form" onSubmit={(event) => void submit(event)} aria-label="Choose a password">
            <NewPasswordFields value={password} onChange={setPassword} label="New password" />
            <Button variant="primary" type="submit" className="auth-submit" disabled={busy}>
              {busy ? 'Saving…' : 'Set password and sign in'}
            </Button>
          </form>
        </>
      )}
      <p className="auth-footnote">
        Already have a password? <Link href="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
