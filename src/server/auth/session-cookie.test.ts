import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, sessionCookie } from './session-cookie';

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, site-wide, with a lifetime; Secure only over TLS', () => {
    expect(sessionCookie('s3cret', false, 60_000)).toBe(
      'catchball_session=s3cret; Max-Age=60; Path=/; HttpOnly; SameSite=Lax',
    );
    expect(sessionCookie('s3cret', true, 60_000)).toContain('; Secure');
  });

  it('is cleared with an empty value and Max-Age=0', () => {
    expect(clearedSessionCookie(false)).toBe('catchball_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax');
  });
});
