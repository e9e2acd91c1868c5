/**
 * A minimal browser over real HTTP for sign-in flows: it keeps cookies per origin (honouring
 * Path and deletion by Max-Age=0), sends `Accept: text/html` like a navigation, and never follows
 * redirects by itself, so tests see every hop.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, { value: string; path: string }>>();
  private readonly routes = new Map<string, string>();

  /**
   * Sends requests for one origin to another address, keeping the first origin's cookies: a load
   * balancer in front of several app servers of one deployment.
   */
  route(publicOrigin: string | URL, toOrigin: string | URL): void {
    this.routes.set(new URL(publicOrigin).origin, new URL(toOrigin).origin);
  }

  /** A top-level navigation (GET), its cookies sent and the answer's cookies kept. */
  navigate(url: string | URL, init: { accept?: string } = {}): Promise<Response> {
    return this.send(new URL(url), { method: 'GET', headers: { accept: init.accept ?? 'text/html' } });
  }

  /** Submits a form (POST, urlencoded), as a login page would. */
  submit(url: string | URL, fields: Record<string, string>): Promise<Response> {
    return this.send(new URL(url), {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** A cookie this browser holds for an origin. */
  cookie(origin: string | URL, name: string): string | undefined {
    return this.jars.get(new URL(origin).origin)?.get(name)?.value;
  }

  /** Forgets one cookie (a different browser, or the user clearing it). */
  dropCookie(origin: string | URL, name: string): void {
    this.jars.get(new URL(origin).origin)?.delete(name);
  }

  private async send(
    url: URL,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<Response> {
    const jar = this.jars.get(url.origin) ?? new Map<string, { value: string; path: string }>();
    this.jars.set(url.origin, jar);
    const cookie = [...jar]
      .filter(([, entry]) => url.pathname.startsWith(entry.path))
      .map(([name, entry]) => `${name}=${entry.value}`)
      .join('; ');
    const target = new URL(url);
    const routed = this.routes.get(url.origin);
    if (routed) {
      const to = new URL(routed);
      target.protocol = to.protocol;
      target.host = to.host;
    }
    const response = await fetch(target, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const attribute = (key: string) =>
        attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const expires = attribute('expires');
      const deleted =
        attribute('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() <= Date.now());
      if (deleted) jar.delete(name);
      else jar.set(name, { value: pair.slice(at + 1), path: attribute('path') ?? '/' });
    }
    return response;
  }
}

/** The Location of a redirect, resolved against the URL that answered it. */
export function locationOf(response: Response, base: string | URL): URL {
  const location = response.headers.get('location');
  if (!location) throw new Error(`Expected a redirect, got ${response.status}`);
  return new URL(location, base);
}
