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
 * Where `value` holds a NUL character, in a string or a key: PostgreSQL stores no NUL in text,
 * so such a value would fail at the database (a 500) instead of naming its field.
 */
export function findNulCharacters(value: unknown, path: PropertyKey[] = []): Issue[] {
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ path: formatPath(path), message: NUL_MESSAGE }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => findNulCharacters(item, [...path, index]));
  // Uploaded files arrive as bytes; their readers judge their cells.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(key.includes('\u0000') ? [{ path: formatPath([...path, key]), message: NUL_MESSAGE }] : []),
    ...findNulCharacters(item, [...path, key]),
  ]);
}

const NUL_MESSAGE = 'must not contain a NUL character (\\u0000)';

/**
 * Parses `value` with `schema` or throws `validation_failed` naming every problem, located under
 * `where` (e.g. "body", "query"). Text with a NUL character is refused first, by field.
 */
export function parseOrThrow<S extends ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const nul = findNulCharacters(value, [where]);
  if (nul.length > 0) throw validationError(nul, `The ${where} is not valid`);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(issuesFromZod(result.error, where), `The ${where} is not valid`);
}
