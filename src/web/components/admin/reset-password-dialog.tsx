/** A site administrator sets a new password for an account (its sessions end on the server). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('admin');
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
      title={t('resetPassword.title', { name: user.name })}
      description={t('resetPassword.description')}
      submit={save}
      submitLabel={t('resetPassword.submit')}
      fields={['password']}
      onClose={onClose}
    >
      <NewPasswordFields
        value={next}
        onChange={setNext}
        label={t('resetPassword.newPassword')}
        error={save.fieldErrors.password}
      />
    </FormDialog>
  );
}
