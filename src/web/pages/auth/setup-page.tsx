/**
 * `/setup?token=…`: the first start's link (printed in the server log) creates the first site
 * administrator, who is then signed in.
 */
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'wouter';
import { setUp } from '../../api-accounts';
import { Button } from '../../components/button';
import { queryParam } from '../../session/return-to';
import { useSession } from '../../session/session-context';
import { AuthField, AuthLayout, FormAlert } from './auth-layout';
import { NewPasswordFields, newPasswordProblem, type NewPassword } from '../../components/form/new-password-fields';

export function SetupPage() {
  const { completeSignIn } = useSession();
  const token = queryParam('token');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const problem = newPasswordProblem(password);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      completeSignIn(
        await setUp({
          token: token ?? '',
          email: email.trim(),
          name: name.trim(),
          password: password.password,
        }),
        '/',
      );
    } catch (cause) {
      setBusy(false);
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }

  return (
    <AuthLayout
      title="Set up Catchball"
      subtitle="Create the first administrator. They can then invite everyone else and give them roles."
    >
      {error && <FormAlert>{error}</FormAlert>}
      <form className="auth-form" onSubmit={(event) => void submit(event)} aria-label="Create administrator">
        <AuthField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <AuthField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <NewPasswordFields value={password} onChange={setPassword} />
        <Button variant="primary" type="submit" className="auth-submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create administrator and sign in'}
        </Button>
      </form>
    </AuthLayout>
  );
}
