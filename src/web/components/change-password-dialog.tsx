/** Changes the signed-in user's password: the current one, then the new one twice. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api-accounts';
import { TextField } from './form/field';
import { FormDialog } from './form/form-dialog';
import { NewPasswordFields, newPasswordProblem, type NewPassword } from './form/new-password-fields';
import { useSubmit } from './form/use-submit';
import { useToast } from './toast';

export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassword>({ password: '', repeat: '' });
  const save = useSubmit(
    async () => {
      await changePassword({ currentPassword: current, newPassword: next.password });
      toast.show({
        tone: 'success',
        message: t('changePassword.changed'),
      });
      onClose();
    },
    { check: () => newPasswordProblem(next) },
  );

  return (
    <FormDialog
      title={t('changePassword.title')}
      submit={save}
      submitLabel={t('changePassword.submit')}
      fields={['currentPassword', 'newPassword']}
      onClose={onClose}
    >
      <TextField
        label={t('changePassword.current')}
        type="password"
        name="current-password"
        autoComplete="current-password"
        required
        error={save.fieldErrors.currentPassword}
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <NewPasswordFields
        value={next}
        onChange={setNext}
        label={t('changePassword.new')}
        error={save.fieldErrors.newPassword}
      />
    </FormDialog>
  );
}
