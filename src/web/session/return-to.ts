/** The sign-in page's own address and query; where it returns to is core/return-path.ts's rule. */
import { safeReturnPath } from '../../core/return-path';

/** The sign-in page's address that comes back to `path` (the current page by default). */
export function signInUrl(path = `${window.location.pathname}${window.location.search}`): string {
  const target = safeReturnPath(path);
  return target === '/' ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(target)}`;
}

/** A query parameter of the current address. */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}
