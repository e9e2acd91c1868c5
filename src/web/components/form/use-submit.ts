/** Running a form's submit: pending state, the error, and the server's per-field problems. */
import { useCallback, useRef, useState } from 'react';
import { fieldErrorsOf } from './field-errors';

interface SubmitOptions {
  /**
   * The success navigates away with a full reload (signing in), so the form stays busy until
   * the page goes instead of flashing back to idle.
   */
  staysPendingOnSuccess?: boolean;
}

export interface Submit<Args extends unknown[]> {
  /** Runs the action; resolves true when it succeeded. Never rejects: the error lands in `error`. */
  run: (...args: Args) => Promise<boolean>;
  isPending: boolean;
  /** The last failure (an ApiError from the server, or what {@link fail} was given); null after success. */
  error: Error | null;
  /** Field name → the server's problem with it, from a `validation_failed` answer's details. */
  fieldErrors: Record<string, string>;
  /** Shows a problem the form found itself (before asking the server). */
  fail: (message: string) => void;
  /** Forgets the last error. */
  clear: () => void;
}

/**
 * Wraps an async submit so every form handles pending, errors and field errors the same way.
 * @example const save = useSubmit(() => createUser(input)); <Button disabled={save.isPending}> …
 */
export function useSubmit<Args extends unknown[]>(
  action: (...args: Args) => Promise<unknown>,
  options: SubmitOptions = {},
): Submit<Args> {
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const actionRef = useRef(action);
  actionRef.current = action;
  const staysPending = options.staysPendingOnSuccess ?? false;

  const run = useCallback(
    async (...args: Args) => {
      setPending(true);
      setError(null);
      try {
        await actionRef.current(...args);
        if (!staysPending) setPending(false);
        return true;
      } catch (cause) {
        setPending(false);
        setError(cause instanceof Error ? cause : new Error(String(cause)));
        return false;
      }
    },
    [staysPending],
  );
  const fail = useCallback((message: string) => setError(new Error(message)), []);
  const clear = useCallback(() => setError(null), []);
  return { run, isPending, error, fieldErrors: fieldErrorsOf(error), fail, clear };
}
