/**
 * Creates an account (site administrators). Leaving the password blank creates an invitation link
 * instead, which `onCreated` receives to show.
 */
import { useState, type SyntheticEvent } from 'react';
import type { CreatedUser } from '../../../contracts';
import { createUser } from '../../api-accounts';
import { Button } from '../button';
import { TextField } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { MIN_PASSWORD_LENGTH } from '../form/new-password-fields';
import { useSubmit } from '../form/use-submit';
import { PlusIcon } from '../icons';

export function CreateUserForm({ onCreated }: { onCreated: (created: CreatedUser) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [isSiteAdmin, setIsSiteAdmin] = useState(false);
  const save = useSubmit(async () => {
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
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    void save.run();
  }

  return (
    <form className="admin-card" aria-label="Create a user" onSubmit={submit}>
      <h2>Create a user</h2>
      <FormAlert error={save.error} fields={['name', 'email', 'password']} />
      <div className="grant-form-fields">
        <TextField
          label="Name"
          name="name"
          required
          error={save.fieldErrors.name}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label="E-mail"
          type="email"
          name="email"
          required
          error={save.fieldErrors.email}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Password (optional)"
          type="password"
          name="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          hint="Leave blank to get an invitation link instead."
          error={save.fieldErrors.password}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
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
        <Button variant="primary" type="submit" icon={<PlusIcon />} disabled={save.isPending}>
          {save.isPending ? 'Creating…' : 'Create user'}
        </Button>
      </div>
    </form>
  );
}
