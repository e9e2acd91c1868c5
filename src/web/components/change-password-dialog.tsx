/** Changes the signed-in user's password: the current one, then the new one twice. */
import { useState } from 'react';
import { changePassword } from '../api-accounts';
import { AuthField, FormAlert } from '../pages/auth/auth-layout';
import { NewPasswordFields, newPasswordProblem, type NewPassword } from './form/new-password-fields';
import { Button } from './button';
import { Dialog } from './dialog';
import { useToast } from './toast';

export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassword>({ password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const problem = newPasswordProblem(next);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await changePassword({ currentPassword: current, newPassword: next.password });
      toast.show({
        tone: 'success',
        message: 'Password changed. You were signed out on your other devices.',
      });
      onClose();
    } catch (cause) {
      setBusy(false);
      setError(
        cause instanceof Error
          ? cause.message.replace(/^currentPassword: is not/, 'That is not')
          : String(cause),
      );
    }
  }

  return (
    <Dialog
      title="Change password"
      onClose={onClose}
      onSubmit={() => void submit()}
      className="dialog-narrow"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Change password'}
          </Button>
        </>
      }
    >
      {error && <FormAlert>{error}</FormAlert>}
      <AuthField
        label="Current password"
        type="password"
        name="current-password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <NewPasswordFields value={next} onChange={setNext} label="New password" />
    </Dialog>
  );
}
