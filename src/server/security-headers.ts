import type { FastifyInstance } from 'fastify';

/**
 * The content security policy of every answer. Scripts only from this server (the built web app
 * and the docs page's bundled Swagger UI; no inline scripts, no eval); styles may be inline
 * because Swagger UI and chart libraries set them; images also from data: and blob: URLs
 * (the favicon, exported drawings); no framing by any site (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Browsers remember HTTPS-only for this long once they have seen the header over TLS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * API answers that are the same for everyone and may be cached: the API's documentation, its
 * assets and the OpenAPI document. Every other `/api/` answer is someone's (or says who is
 * signed in) and carries `Cache-Control: no-store`, so no browser, proxy or shared computer
 * keeps it; the web app's own files keep their caching.
 */
const SHARED_API_PREFIXES = ['/api/docs', '/api/openapi.json'];

/** Whether an answer to `url` is private to its caller, so kept by no cache. */
export function isPrivateAnswer(url: string): boolean {
  return url.startsWith('/api/') && !SHARED_API_PREFIXES.some((prefix) => url.startsWith(prefix));
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The policy as one header value, computed once. */
export const CONTENT_SECURITY_POLICY_HEADER = Object.entries(CONTENT_SECURITY_POLICY)
  .map(([directive, sources]) => `${kebab(directive)} ${sources.join(' ')}`)
  .join('; ');

/**
 * The headers every answer carries: the set helmet would send with this policy, built once and
 * copied onto each reply (helmet's per-request work cost a third of a cached read's throughput).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/**
 * Security headers on every response: CSP, nosniff, frame denial, no referrer across origins,
 * same-origin opener and resources; `no-store` on private API answers (see `isPrivateAnswer`).
 * Strict-Transport-Security only on answers that went out
 * over TLS: sent over plain HTTP it would lock a local install out of itself.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(SECURITY_HEADERS);
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    if (isPrivateAnswer(request.url)) void reply.header('cache-control', 'no-store');
    done();
  });
}
