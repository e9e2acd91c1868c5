import type { FastifyInstance } from 'fastify';
import type { Limit, RateLimiter } from './rate-limit';

const WHAT = 'failed API-token attempts from this address';

/**
 * Limits failed API-token attempts per IP, across every app server: each request that brought
 * an `Authorization` header and was answered 401 counts, and once an address is over the limit
 * its token requests are refused with 429 until the window ends (good tokens included, so
 * guessing cannot go on behind them). Requests without the header cost nothing.
 */
export function registerTokenRateLimit(app: FastifyInstance, limiter: RateLimiter, limit: Limit): void {
  const key = (ip: string): string => `token:ip:${ip}`;
  // Callback-style hooks: a request without the header passes without a promise or a tick.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.headers.authorization === undefined) {
      done();
      return;
    }
    limiter.check(key(request.ip), limit, WHAT).then(() => done(), done);
  });
  // Counted before the answer leaves, so the next request already sees it.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.headers.authorization === undefined || reply.statusCode !== 401) {
      done(null, payload);
      return;
    }
    limiter.count(key(request.ip), limit).then(() => done(null, payload), done);
  });
}
