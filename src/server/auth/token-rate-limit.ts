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
  app.addHook('onRequest', async (request) => {
    if (request.headers.authorization !== undefined) await limiter.check(key(request.ip), limit, WHAT);
  });
  // Counted before the answer leaves, so the next request already sees it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.headers.authorization !== undefined && reply.statusCode === 401)
      await limiter.count(key(request.ip), limit);
    return payload;
  });
}
