/** A site administrator sets a new password for an account (its sessions end on the server). */
import { useState } from 'react';
import type { User } from '../../../contracts';
import { updateUser } from '../../api-accounts';
import { NewPasswordFields, newPasswordProblem, type NewPassword } from '../form/new-password-fields';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { FormAlert } from '../form/form-alert';
import { useSubmit } from '../form/use-submit';

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
  const save = useSubmit(async () => {
    await updateUser(user.id, { version: user.version, password: next.password });
    onDone();
    onClose();
  });

  function submit() {
    const problem = newPasswordProblem(next);
    if (problem) return save.fail(problem);
    void save.run();
  }

  return (
    <Dialog
      title={`Set a password for ${user.name}`}
      description="Tell them the new password in person or by phone, and ask them to change it."
      onClose={onClose}
      onSubmit={submit}
      className="dialog-narrow"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Set password'}
          </Button>
        </>
      }
    >
      <FormAlert error={save.error} fields={['password']} />
      <NewPasswordFields
        value={next}
        onChange={setNext}
        label="New password"
        error={save.fieldErrors.password}
      />
    </Dialog>
  );
}
