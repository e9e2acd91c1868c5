/** Reading a `validation_failed` answer: which field each problem names. */
import { ApiError } from '../../api-client';

/** One problem of a `validation_failed` error's `details.issues`. */
export interface Issue {
  path: string;
  message: string;
}

/** The issues of a `validation_failed` ApiError, or [] for any other error. */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
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
