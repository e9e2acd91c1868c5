/** A new password typed twice, with the server's rule (at least 10 characters) stated up front. */
import { TextField } from './field';

export const MIN_PASSWORD_LENGTH = 10;

export interface NewPassword {
  password: string;
  repeat: string;
}

/** Why the two entries cannot be used yet, or null when they can. */
export function newPasswordProblem({ password, repeat }: NewPassword): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password !== repeat) return 'The two passwords differ.';
  return null;
}

export function NewPasswordFields({
  value,
  onChange,
  label = 'Password',
  error,
}: {
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  label?: string;
  /** The server's problem with the new password, if any. */
  error?: string | undefined;
}) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; a phrase of a few words is easy to remember.`}
        error={error}
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.target.value })}
      />
      <TextField
        label="Repeat the password"
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
