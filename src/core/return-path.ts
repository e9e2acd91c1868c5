/**
 * Where a browser may be sent back to after signing in: a path on this site. One rule for the
 * server (the single sign-on start refuses anything else) and the web app (the sign-in page falls
 * back to `/`), so a crafted link cannot land a freshly signed-in user on another site.
 *
 * A browser drops tabs and line breaks from a URL and reads `\` as `/`, so `/\thost`, `/%0a/host`
 * and `/\host` all become `//host`, another site. The rule refuses control characters and
 * backslashes outright, then resolves the path as a browser would and requires it to stay on
 * the same origin.
 */
export function isSameSitePath(value: string): boolean {
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    return new URL(value, SAME_SITE_BASE).origin === SAME_SITE_BASE;
  } catch {
    return false;
  }
}

// A base no real request resolves against: only its origin is compared.
const SAME_SITE_BASE = 'https://same-site.invalid';

/** The pages a return path must not lead back to: signing in again would loop. */
const AUTH_PAGES = ['/sign-in', '/setup', '/invite'];

/** `value` if it is a path on this site outside the sign-in pages, else `/`. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !isSameSitePath(value)) return '/';
  const path = value.split(/[?#]/)[0] ?? '';
  return AUTH_PAGES.includes(path) ? '/' : value;
}
