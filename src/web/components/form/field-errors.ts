/** Reading a `validation_failed` answer: which field each problem names. */
import { ApiError } from '../../api-client';

/** One problem of a `validation_failed` error's `details.issues`. */
export interface Issue {
  path: string;
  message: string;
}

/** Refusals whose details locate each problem at a field (`inconsistent_target`: a key result's target). */
const LOCATED_CODES: ReadonlySet<string> = new Set([
  'validation_failed',
  'inconsistent_target',
  'cycle_locked',
]);

/** The issues of a refusal that locates its problems (see LOCATED_CODES), or [] for any other error. */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || !LOCATED_CODES.has(error.code)) return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is Issue =>
      typeof issue === 'object' &&
      issue !== null &&
      typeof (issue as Issue).path === 'string' &&
      typeof (issue as Issue).message === 'string',
  );
}

/**
 * The form field an issue's path names: the path without where it was sent (`body.`, `query.`,
 * `params.`), up to its first `.` or `[` — `body.currentPassword` → `currentPassword`,
 * `body.scopes[0]` → `scopes`. Null when the issue is about the whole request.
 */
export function fieldOf(path: string): string | null {
  const inside = path.replace(/^(body|query|params)(\.|$)/, '');
  const field = /^[^.[]+/.exec(inside)?.[0];
  return field && field !== '(root)' ? field : null;
}

/** Field name → the first problem the server reported for it. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issuesOf(error)) {
    const field = fieldOf(issue.path);
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}
