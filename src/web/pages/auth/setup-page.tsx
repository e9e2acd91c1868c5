/**
 * `/setup?token=…`: the first start's link (printed in the server log) creates the first site
 * administrator, who is then signed in.
 */
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { setUp } from '../../api-accounts';
import { Button } from '../../components/button';
import { TextField } from '../../components/form/field';
import { FormAlert } from '../../components/form/form-alert';
import { useSubmit } from '../../components/form/use-submit';
import { queryParam } from '../../session/return-to';
import { useSession } from '../../session/session-context';
import { AuthLayout } from './auth-layout';
import {
  NewPasswordFields,
  newPasswordProblem,
  type NewPassword,
} from '../../components/form/new-password-fields';

export function SetupPage() {
  const { completeSignIn } = useSession();
  const token = queryParam('token');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const save = useSubmit(
    async (setupToken: string) =>
      completeSignIn(
        await setUp({
          token: setupToken,
          email: email.trim(),
          name: name.trim(),
          password: password.password,
        }),
        '/',
      ),
    { staysPendingOnSuccess: true },
  );

  if (!token)
    return (
      <AuthLayout title="Set up Catchball">
        <FormAlert>
          This address lacks its setup token. Open the full link printed in the server log when Catchball
          first started.
        </FormAlert>
        <Link href="/sign-in">Go to sign-in</Link>
      </AuthLayout>
    );

  function submit(event: SyntheticEvent, setupToken: string) {
    event.preventDefault();
    const problem = newPasswordProblem(password);
    if (problem) return save.fail(problem);
    void save.run(setupToken);
  }

  return (
    <AuthLayout
      title="Set up Catchball"
      subtitle="Create the first administrator. They can then invite everyone else and give them roles."
    >
      <FormAlert error={save.error} fields={['name', 'email', 'password']} />
      <form
        className="auth-form"
        onSubmit={(event) => submit(event, token)}
        aria-label="Create administrator"
      >
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          autoFocus
          error={save.fieldErrors.name}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="username"
          required
          error={save.fieldErrors.email}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <NewPasswordFields value={password} onChange={setPassword} error={save.fieldErrors.password} />
        <Button variant="primary" type="submit" className="auth-submit" disabled={save.isPending}>
          {save.isPending ? 'Creating…' : 'Create administrator and sign in'}
        </Button>
      </form>
    </AuthLayout>
  );
}
