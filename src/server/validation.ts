import type { ZodError, ZodType, z } from 'zod';
import { validationError, type Issue } from '../core/errors';

/** Renders a Zod path as `units[2].parentId`, the form every error message in Catchball uses. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function issuesFromZod(error: ZodError, prefix = ''): Issue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return {
      path: prefix && path === '(root)' ? prefix : prefix ? `${prefix}.${path}` : path,
      message: issue.message,
    };
  });
}

/**
 * Parses `value` with `schema` or throws `validation_failed` naming every problem, located under
 * `where` (e.g. "body", "query").
 */
export function parseOrThrow<S extends ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(issuesFromZod(result.error, where), `The ${where} is not valid`);
}
