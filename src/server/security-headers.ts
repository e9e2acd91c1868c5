import fastifyHelmet from '@fastify/helmet';
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
 * Security headers on every response (helmet): CSP, nosniff, frame denial, no referrer across
 * origins, same-origin opener and resources. Strict-Transport-Security only on answers that
 * went out over TLS: sent over plain HTTP it would lock a local install out of itself.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    hsts: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
