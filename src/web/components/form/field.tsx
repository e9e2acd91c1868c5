/** A labelled form control: label, the control itself, an optional hint and the server's error for it. */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** What the server said about this field (useSubmit's `fieldErrors[name]`). */
  error?: string | undefined;
  className?: string;
  /** The input, select or textarea. */
  children: ReactNode;
}

export function Field({ label, hint, error, className = 'field', children }: FieldProps) {
  return (
    <label className={className}>
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  error?: string | undefined;
};

/** A {@link Field} around a text input; the other props go to the input. */
export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      <input className="input" aria-invalid={error ? true : undefined} {...input} />
    </Field>
  );
}

/** The required e-mail address field (`name="email"`) of the account forms. */
export function EmailField(props: Omit<TextFieldProps, 'label' | 'type'> & { label?: string }) {
  const { t } = useTranslation();
  return <TextField label={t('form.email')} type="email" name="email" required {...props} />;
}
