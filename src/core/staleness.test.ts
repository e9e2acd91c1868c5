import { describe, expect, it } from 'vitest';
import { isStale, resolveCadence } from './staleness';

describe('isStale', () => {
  it('marks an item stale once its last check-in is older than the cadence', () => {
    const base = { since: '2026-01-01', lastCheckIn: '2026-03-01' };
    expect(isStale({ ...base, today: '2026-03-08', cadence: 'weekly' })).toBe(false);
    expect(isStale({ ...base, today: '2026-03-09', cadence: 'weekly' })).toBe(true);
    expect(isStale({ ...base, today: '2026-03-30', cadence: 'monthly' })).toBe(false);
    expect(isStale({ ...base, today: '2026-04-02', cadence: 'monthly' })).toBe(true);
  });

  it('gives an item never checked in one cadence from the cycle start', () => {
    expect(isStale({ since: '2026-01-01', lastCheckIn: null, today: '2026-01-20', cadence: 'monthly' })).toBe(
      false,
    );
    expect(isStale({ since: '2026-01-01', lastCheckIn: null, today: '2026-02-20', cadence: 'monthly' })).toBe(
      true,
    );
  });
});

describe('resolveCadence', () => {
  const parents = new Map<string, string | null>([
    ['cio', null],
    ['cso', 'cio'],
    ['soc', 'cso'],
  ]);

  it('inherits the nearest ancestor cadence, else monthly', () => {
    expect(resolveCadence('soc', parents, new Map([['cso', 'weekly']]))).toEqual({
      cadence: 'weekly',
      from: 'cso',
    });
    expect(
      resolveCadence(
        'soc',
        parents,
        new Map([
          ['soc', 'monthly'],
          ['cio', 'weekly'],
        ]),
      ),
    ).toEqual({
      cadence: 'monthly',
      from: 'soc',
    });
    expect(resolveCadence('soc', parents, new Map())).toEqual({ cadence: 'monthly', from: null });
  });

  it('stops at parent links that loop', () => {
    const loop = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(resolveCadence('a', loop, new Map())).toEqual({ cadence: 'monthly', from: null });
  });
});
