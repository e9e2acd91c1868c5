/** A new password typed twice, with the server's rule (at least 10 characters) stated up front. */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { TextField } from './field';

export const MIN_PASSWORD_LENGTH = 10;

export interface NewPassword {
  password: string;
  repeat: string;
}

/** Why the two entries cannot be used yet, or null when they can. */
export function newPasswordProblem({ password, repeat }: NewPassword): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return i18n.t('common:newPassword.tooShort', { min: MIN_PASSWORD_LENGTH });
  if (password !== repeat) return i18n.t('common:newPassword.differ');
  return null;
}

export function NewPasswordFields({
  value,
  onChange,
  label,
  error,
}: {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  label?: string;
  /** The server's problem with the new password, if any. */
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={label ?? t('newPassword.label')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={t('newPassword.hint', { min: MIN_PASSWORD_LENGTH })}
        error={error}
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.target.value })}
      />
      <TextField
        label={t('newPassword.repeat')}
        type="password"
        name="repeat-password"
        autoComplete="new-password"
        required
        value={value.repeat}
        onChange={(event) => onChange({ ...value, repeat: event.target.value })}
      />
    </>
  );
}
