/** A site administrator sets a new password for an account (its sessions end on the server). */
import { useState } from 'react';
import type { User } from '../../../contracts';
import { updateUser } from '../../api-accounts';
import { FormDialog } from '../form/form-dialog';
import { NewPasswordFields, newPasswordProblem, type NewPassword } from '../form/new-password-fields';
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
  const save = useSubmit(
    async () => {
      await updateUser(user.id, { version: user.version, password: next.password });
      onDone();
      onClose();
    },
    { check: () => newPasswordProblem(next) },
  );

  return (
    <FormDialog
      title={`Set a password for ${user.name}`}
      description="Tell them the new password in person or by phone, and ask them to change it."
      submit={save}
      submitLabel="Set password"
      fields={['password']}
      onClose={onClose}
    >
      <NewPasswordFields
        value={next}
        onChange={setNext}
        label="New password"
        error={save.fieldErrors.password}
      />
    </FormDialog>
  );
}
