/**
 * Creates an account (site administrators). Leaving the password blank creates an invitation link
 * instead, which `onCreated` receives to show.
 */
import { useState, type SyntheticEvent } from 'react';
import type { CreatedUser } from '../../../contracts';
import { createUser } from '../../api-accounts';
import { FormAlert } from '../../pages/auth/auth-layout';
import { MIN_PASSWORD_LENGTH } from '../form/new-password-fields';
import { Button } from '../button';
import { PlusIcon } from '../icons';

export function CreateUserForm({ onCreated }: { onCreated: (created: CreatedUser) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [isSiteAdmin, setIsSiteAdmin] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await createUser({
        email: email.trim(),
        name: name.trim(),
        isSiteAdmin,
        ...(password ? { password } : {}),
      });
      setEmail('');
      setName('');
      setPassword('');
      setIsSiteAdmin(false);
      onCreated(created);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-card" aria-label="Create a user" onSubmit={(event) => void submit(event)}>
      <h2>Create a user</h2>
      {error && <FormAlert>{error}</FormAlert>}
      <div className="grant-form-fields">
        <label className="field">
          <span className="field-label">Name</span>
          <input
            className="input"
            name="name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">E-mail</span>
          <input
            className="input"
            type="email"
            name="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Password (optional)</span>
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <span className="field-hint">Leave blank to get an invitation link instead.</span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isSiteAdmin}
            onChange={(event) => setIsSiteAdmin(event.target.checked)}
          />
          <span>Site administrator (manages users and every organisation)</span>
        </label>
      </div>
      <div className="admin-card-actions">
        <Button variant="primary" type="submit" icon={<PlusIcon />} disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </Button>
      </div>
    </form>
  );
}
