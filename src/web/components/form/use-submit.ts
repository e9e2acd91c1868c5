/** Running a form's submit: pending state, the error, and the server's per-field problems. */
import { useCallback, useRef, useState, type SyntheticEvent } from 'react';
import { fieldErrorsOf } from './field-errors';

interface SubmitOptions {
  /** The form's own check before asking the server: a problem to show, or null to go on. */
  check?: () => string | null;
  /**
   * The success navigates away with a full reload (signing in), so the form stays busy until
   * the page goes instead of flashing back to idle.
   */
  staysPendingOnSuccess?: boolean;
}

export interface Submit {
  /** Runs the check and the action; resolves true when it succeeded. Never rejects: the error lands in `error`. */
  run: () => Promise<boolean>;
  /** A form's (or dialog's) submit handler: prevents the page load, then runs. */
  onSubmit: (event?: SyntheticEvent) => void;
  isPending: boolean;
  /** The last failure (an ApiError from the server, or the check's problem); null after success. */
  error: Error | null;
  /** Field name → the server's problem with it, from a `validation_failed` answer's details. */
  fieldErrors: Record<string, string>;
}

/**
 * Wraps an async submit so every form handles pending, errors and field errors the same way.
 * @example const save = useSubmit(() => createUser(input)); <Button disabled={save.isPending}> …
 */
export function useSubmit(action: () => Promise<unknown>, options: SubmitOptions = {}): Submit {
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const actionRef = useRef(action);
  actionRef.current = action;
  const checkRef = useRef(options.check);
  checkRef.current = options.check;
  const staysPending = options.staysPendingOnSuccess ?? false;

  const run = useCallback(async () => {
    const problem = checkRef.current?.() ?? null;
    if (problem !== null) {
      setError(new Error(problem));
      return false;
    }
    setPending(true);
    setError(null);
    try {
      await actionRef.current();
      if (!staysPending) setPending(false);
      return true;
    } catch (cause) {
      setPending(false);
      setError(cause instanceof Error ? cause : new Error(String(cause)));
      return false;
    }
  }, [staysPending]);
  const onSubmit = useCallback(
    (event?: SyntheticEvent) => {
      event?.preventDefault();
      void run();
    },
    [run],
  );
  return { run, onSubmit, isPending, error, fieldErrors: fieldErrorsOf(error) };
}
