import { sql } from 'kysely';
import { DomainError } from '../../core/errors';
import type { Db } from '../db/store';

/** One limit: at most `max` hits per fixed window of `windowMs`. */
export interface Limit {
  max: number;
  windowMs: number;
}

/** The limits the server applies; tests pass smaller ones through the services' options. */
export interface RateLimits {
  /** Sign-in attempts per e-mail address and IP since the last success there. */
  signInPerEmailAndIp: Limit;
  /** Sign-in attempts per IP, successes included (one address trying many accounts). */
  signInPerIp: Limit;
  /** Failed API-token attempts per IP (unknown, revoked or expired tokens). */
  tokenFailuresPerIp: Limit;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerEmailAndIp: { max: 10, windowMs: FIFTEEN_MINUTES },
  signInPerIp: { max: 100, windowMs: FIFTEEN_MINUTES },
  tokenFailuresPerIp: { max: 50, windowMs: FIFTEEN_MINUTES },
};

/** Counters older than this are deleted whenever a new window starts somewhere. */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

/** The start of the fixed window holding `now`, and the seconds until it ends (at least 1). */
export function windowOf(now: Date, windowMs: number): { start: Date; retryAfterSeconds: number } {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    start: new Date(start),
    retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
  };
}

/** The `rate_limited` error (429) with the seconds to wait, which the error handler sends as Retry-After. */
export function rateLimited(what: string, retryAfterSeconds: number): DomainError {
  return new DomainError('rate_limited', `Too many ${what}; try again in ${formatWait(retryAfterSeconds)}`, {
    retryAfterSeconds,
  });
}

function formatWait(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * Fixed-window counters in the `rate_limit_hits` table, so every app server shares them. A hit
 * is one upsert (`hits = hits + 1 RETURNING hits`): atomic, so parallel attempts cannot slip
 * past the limit together.
 */
export function createRateLimiter(db: Db, clock: () => Date = () => new Date()) {
  const prune = async (): Promise<void> => {
    await db
      .deleteFrom('rateLimitHits')
      .where('windowStart', '<', new Date(clock().getTime() - PRUNE_AFTER_MS))
      .execute();
  };
  const limiter = {
    /** Counts a hit on `key`: the hits in the current window, this one included. */
    async count(key: string, limit: Limit): Promise<{ hits: number; retryAfterSeconds: number }> {
      const window = windowOf(clock(), limit.windowMs);
      const row = await db
        .insertInto('rateLimitHits')
        .values({ key, windowStart: window.start, hits: 1 })
        .onConflict((oc) =>
          oc.columns(['key', 'windowStart']).doUpdateSet({ hits: sql<number>`rate_limit_hits.hits + 1` }),
        )
        .returning('hits')
        .executeTakeFirstOrThrow();
      // The first hit of a window is a good moment to drop long-gone windows, now and then.
      if (row.hits === 1) await prune();
      return { hits: row.hits, retryAfterSeconds: window.retryAfterSeconds };
    },

    /**
     * Counts a hit on `key` and refuses it when it goes over the limit.
     * @throws DomainError `rate_limited` naming `what` and the wait.
     */
    async hit(key: string, limit: Limit, what: string): Promise<void> {
      const { hits, retryAfterSeconds } = await limiter.count(key, limit);
      if (hits > limit.max) throw rateLimited(what, retryAfterSeconds);
    },

    /** @throws DomainError `rate_limited` when `key` is already over the limit (counts nothing). */
    async check(key: string, limit: Limit, what: string): Promise<void> {
      const window = windowOf(clock(), limit.windowMs);
      const row = await db
        .selectFrom('rateLimitHits')
        .select('hits')
        .where('key', '=', key)
        .where('windowStart', '=', window.start)
        .executeTakeFirst();
      if (row && row.hits >= limit.max) throw rateLimited(what, window.retryAfterSeconds);
    },

    /** Forgets `key`'s current count (a successful sign-in clears its address's failures). */
    async reset(key: string, limit: Limit): Promise<void> {
      const window = windowOf(clock(), limit.windowMs);
      await db
        .deleteFrom('rateLimitHits')
        .where('key', '=', key)
        .where('windowStart', '=', window.start)
        .execute();
    },
  };
  return limiter;
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
