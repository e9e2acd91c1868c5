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
  const issues: Issue[] = [];
  // Walked with a stack of its own (children pushed last-first, so issues come in document
  // order): a body may nest deeper than the call stack would go.
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value, path }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: item, path: at } = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) issues.push({ path: formatPath(at), message: NUL_MESSAGE });
    } else if (Array.isArray(item)) {
      for (let index = item.length - 1; index >= 0; index--)
        pending.push({ value: item[index] as unknown, path: [...at, index] });
    } else if (item !== null && typeof item === 'object' && !ArrayBuffer.isView(item)) {
      // Uploaded files arrive as bytes (skipped above); their readers judge their cells.
      for (const [key, entry] of Object.entries(item).reverse()) {
        if (key.includes('\u0000')) issues.push({ path: formatPath([...at, key]), message: NUL_MESSAGE });
        pending.push({ value: entry, path: [...at, key] });
      }
    }
  }
  return issues;
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
