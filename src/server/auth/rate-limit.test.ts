import { describe, expect, it } from 'vitest';
import { rateLimited, windowOf } from './rate-limit';

describe('windowOf', () => {
  it('puts every moment of a window on the same start and counts down to its end', () => {
    const windowMs = 15 * 60 * 1000;
    const first = windowOf(new Date('2026-03-01T10:00:00Z'), windowMs);
    const later = windowOf(new Date('2026-03-01T10:14:59.500Z'), windowMs);
    expect(first.start.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(later.start).toEqual(first.start);
    expect(first.retryAfterSeconds).toBe(900);
    expect(later.retryAfterSeconds).toBe(1);
    expect(windowOf(new Date('2026-03-01T10:15:00Z'), windowMs).start.toISOString()).toBe(
      '2026-03-01T10:15:00.000Z',
    );
  });
});

describe('rateLimited', () => {
  it('is a rate_limited error carrying the wait', () => {
    const error = rateLimited('sign-in attempts', 300);
    expect(error.code).toBe('rate_limited');
    expect(error.message).toBe('Too many sign-in attempts; try again in 5 minutes');
    expect(error.details).toEqual({ retryAfterSeconds: 300 });
  });
});
