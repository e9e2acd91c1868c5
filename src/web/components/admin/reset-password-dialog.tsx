/** A site administrator sets a new password for an account (its sessions end on the server). */
import { useState } from 'react';
import type { User } from '../../../contracts';
import { updateUser } from '../../api-accounts';
import { FormAlert } from '../../pages/auth/auth-layout';
import {
  NewPasswordFields,
  newPasswordProblem,
  type NewPassword,
} from '../form/new-password-fields';
import { Button } from '../button';
import { Dialog } from '../dialog';

export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: User;
  onClose: () => void;
  onDone: () => void;
}) {
  const [next, setNext] = useState<NewPassword>({ password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const problem = newPasswordProblem(next);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await updateUser(user.id, { version: user.version, password: next.password });
      onDone();
      onClose();
    } catch (cause) {
      setBusy(false);
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }

  return (
    <Dialog
      title={`Set a password for ${user.name}`}
      description="Tell them the new password in person or by phone, and ask them to change it."
      onClose={onClose}
      onSubmit={() => void submit()}
      className="dialog-narrow"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Set password'}
          </Button>
        </>
      }
    >
      {error && <FormAlert>{error}</FormAlert>}
      <NewPasswordFields value={next} onChange={setNext} label="New password" />
    </Dialog>
  );
}
