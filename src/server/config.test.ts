import { describe, expect, it } from 'vitest';
import { resolveSettings, resolveTrustProxy } from './config';

describe('resolveTrustProxy', () => {
  it('trusts no proxy unless told', () => {
    expect(resolveTrustProxy({})).toBe(false);
    expect(resolveTrustProxy({ CATCHBALL_TRUST_PROXY: 'false' })).toBe(false);
    expect(resolveTrustProxy({ CATCHBALL_TRUST_PROXY: 'true' })).toBe(true);
  });

  it('reads a hop count and a list of addresses', () => {
    const hops = resolveTrustProxy({ CATCHBALL_TRUST_PROXY: '1' });
    if (typeof hops !== 'function') throw new Error('expected a function for a hop count');
    expect(hops('10.0.0.1', 0)).toBe(true);
    expect(hops('10.0.0.2', 1)).toBe(false);
    expect(resolveTrustProxy({ CATCHBALL_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' })).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });
});

describe('resolveSettings', () => {
  it('listens on loopback unless a host is set, so the demo administrator is not on the network', () => {
    expect(resolveSettings({}, {}).host).toBe('127.0.0.1');
    expect(resolveSettings({}, { HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(resolveSettings({ host: '::' }, { HOST: '0.0.0.0' }).host).toBe('::');
  });
});
