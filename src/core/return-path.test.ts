import { describe, expect, it } from 'vitest';
import { isSameSitePath, safeReturnPath } from './return-path';

describe('the return path after signing in', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    for (const path of ['/', '/org/acme', '/org/acme/units/cso/matrix/2026?tab=okrs#k1', '/a%2Fb'])
      expect(isSameSitePath(path), path).toBe(true);
  });

  it('refuses every way a browser would read as another site', () => {
    const hostile = [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'org/acme',
      '',
      // what `?returnTo=/%09/evil.example`, `%0a`, `%0d` decode to: a browser strips them, leaving `//`
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '/\u0000/evil.example',
      '/\u007f/evil.example',
      'javascript:alert(1)',
    ];
    for (const value of hostile) expect(isSameSitePath(value), JSON.stringify(value)).toBe(false);
  });

  it('falls back to the start page for hostile paths and for the sign-in pages themselves', () => {
    expect(safeReturnPath('/\t/evil.example')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath('/sign-in?returnTo=/x')).toBe('/');
    expect(safeReturnPath('/invite')).toBe('/');
    expect(safeReturnPath('/org/acme?tab=okrs')).toBe('/org/acme?tab=okrs');
  });
});
