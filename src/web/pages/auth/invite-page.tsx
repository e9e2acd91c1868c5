/** `/invite?token=…`: an invited person chooses a password and is signed in. */
import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api-client';
import { acceptInvite } from '../../api-accounts';
import { FormAlert } from '../../components/form/form-alert';
import { SubmitButton } from '../../components/form/submit-button';
import { useSubmit } from '../../components/form/use-submit';
import { queryParam } from '../../session/return-to';
import { useSession } from '../../session/session-context';
import { AuthLayout } from './auth-layout';
import {
  NewPasswordFields,
  newPasswordProblem,
  type NewPassword,
} from '../../components/form/new-password-fields';

export function InvitePage() {
  const { completeSignIn } = useSession();
  const token = queryParam('token');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const save = useSubmit(
    async () => {
      try {
        completeSignIn(await acceptInvite(token ?? '', password.password), '/');
      } catch (cause) {
        if (cause instanceof ApiError && cause.status === 401)
          throw new Error(`${cause.message}. Ask whoever invited you for a new link.`, { cause });
        throw cause;
      }
    },
    { staysPendingOnSuccess: true, check: () => newPasswordProblem(password) },
  );

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
          <FormAlert error={save.error} fields={['password']} />
          <form className="auth-form" onSubmit={save.onSubmit} aria-label="Choose a password">
            <NewPasswordFields
              value={password}
              onChange={setPassword}
              label="New password"
              error={save.fieldErrors.password}
            />
            <SubmitButton submit={save} pendingLabel="Saving…" className="auth-submit">
              Set password and sign in
            </SubmitButton>
          </form>
        </>
      )}
      <p className="auth-footnote">
        Already have a password? <Link href="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
