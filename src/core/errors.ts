/**
 * The closed set of error codes that core and services may raise. Each code is stable: the HTTP
 * layer maps it to a status and the CLI to an exit code, and clients may branch on it.
 */
export const ERROR_CODES = [
  'validation_failed',
  'not_found',
  'version_conflict',
  'already_exists',
  'invariant_violated',
  'not_adjacent',
  'primary_owner_conflict',
  'inconsistent_target',
  'cycle_locked',
  'cycle_closed',
  'unauthorized',
  'forbidden',
  'illegal_transition',
  'rate_limited',
  'store_locked',
  'import_in_progress',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem inside a larger input, located by a path such as `units[2].parentId` or `row 7, column C`. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * The one error type of the domain. `details` carries machine-readable context: the list of
 * problems for validation errors, the current state of an entity for version conflicts.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** Builds a `validation_failed` error from a list of issues; the message names each one. */
export function validationError(issues: Issue[], summary = 'The input is not valid'): DomainError {
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new DomainError('validation_failed', `${summary}: ${listed}`, { issues });
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
