/** The text values of a form, and the props that bind one to its {@link TextField}. */
import { useCallback, useState, type ChangeEvent } from 'react';

export interface Fields<T extends Record<string, string>> {
  values: T;
  /** Back to the initial values (after a successful submit). */
  reset: () => void;
  /** `value`, `onChange` and the server's `error` for the field `name` (a TextField's props). */
  bind: (
    name: keyof T & string,
    errors?: Record<string, string>,
  ) => {
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    error: string | undefined;
  };
}

/**
 * Holds a form's text fields in one state; `bind` wires a field, the server's problem with it
 * included when `errors` (useSubmit's `fieldErrors`) names it.
 * @example const form = useFields({ email: '' }); <TextField label="E-mail" {...form.bind('email', save.fieldErrors)} />
 */
export function useFields<T extends Record<string, string>>(initial: T): Fields<T> {
  const [values, setValues] = useState(initial);
  const [first] = useState(initial);
  const reset = useCallback(() => setValues(first), [first]);
  const bind: Fields<T>['bind'] = (name, errors) => ({
    value: values[name] ?? '',
    onChange: (event) => setValues((current) => ({ ...current, [name]: event.target.value })),
    error: errors?.[name],
  });
  return { values, reset, bind };
}
