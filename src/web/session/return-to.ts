/** Where to go after signing in: only paths inside this app, so a link cannot send users elsewhere. */

const AUTH_PAGES = ['/sign-in', '/setup', '/invite'];

/**
 * `returnTo` if it is a local path (starts with one `/`, not `//` or `/\`) outside the sign-in
 * pages, else `/`.
 */
export function safeReturnTo(returnTo: string | null | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\'))
    return '/';
  const path = returnTo.split(/[?#]/)[0] ?? '';
  return AUTH_PAGES.includes(path) ? '/' : returnTo;
}

/** The sign-in page's address that comes back to `path` (the current page by default). */
export function signInUrl(path = `${window.location.pathname}${window.location.search}`): string {
  const target = safeReturnTo(path);
  return target === '/' ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(target)}`;
}

/** A query parameter of the current address. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}
