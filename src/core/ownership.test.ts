import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { assertSinglePrimary, findOwnershipProblems, nextRole, type Ownership } from './ownership';

const existing: Ownership[] = [
  { initiativeId: 'cso-i1', whoId: 'cso-w3', role: 'primary' },
  { initiativeId: 'cso-i1', whoId: 'cso-w1', role: 'secondary' },
  { initiativeId: 'cso-i2', whoId: 'cso-w6', role: 'secondary' },
];

describe('assertSinglePrimary', () => {
  it('allows the first primary of an initiative', () => {
    expect(() =>
      assertSinglePrimary(existing, { initiativeId: 'cso-i2', whoId: 'cso-w7', role: 'primary' }),
    ).not.toThrow();
    expect(() =>
      assertSinglePrimary([], { initiativeId: 'cso-i9', whoId: 'cso-w1', role: 'primary' }),
    ).not.toThrow();
  });

  it('allows setting the same primary again', () => {
    expect(() =>
      assertSinglePrimary(existing, { initiativeId: 'cso-i1', whoId: 'cso-w3', role: 'primary' }),
    ).not.toThrow();
  });

  it('allows any number of secondaries', () => {
    expect(() =>
      assertSinglePrimary(existing, { initiativeId: 'cso-i1', whoId: 'cso-w7', role: 'secondary' }),
    ).not.toThrow();
  });

  it('refuses a second primary with primary_owner_conflict naming the current one', () => {
    let caught: unknown;
    try {
      assertSinglePrimary(existing, { initiativeId: 'cso-i1', whoId: 'cso-w1', role: 'primary' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe('primary_owner_conflict');
    expect(error.details).toEqual({ initiativeId: 'cso-i1', primaryWhoId: 'cso-w3' });
    expect(error.message).toContain('cso-w3');
  });

  it('names the initiative and its primary owner by title when given their titles', () => {
    const titles: Record<string, string> = { 'cso-i1': 'Zero-trust rollout', 'cso-w3': 'Hannah Fischer' };
    expect(() =>
      assertSinglePrimary(
        existing,
        { initiativeId: 'cso-i1', whoId: 'cso-w1', role: 'primary' },
        (id) => titles[id] ?? id,
      ),
    ).toThrow(
      '“Zero-trust rollout” already has a primary owner, Hannah Fischer: an initiative has exactly one',
    );
  });

  it('does not count a primary of another initiative', () => {
    expect(() =>
      assertSinglePrimary(existing, { initiativeId: 'cso-i2', whoId: 'cso-w3', role: 'primary' }),
    ).not.toThrow();
  });
});

describe('findOwnershipProblems', () => {
  it('reports initiatives without a primary and with two', () => {
    const ownerships: Ownership[] = [
      ...existing,
      { initiativeId: 'cso-i3', whoId: 'cso-w4', role: 'primary' },
      { initiativeId: 'cso-i3', whoId: 'cso-w2', role: 'primary' },
    ];
    expect(findOwnershipProblems(['cso-i1', 'cso-i2', 'cso-i3', 'cso-i4'], ownerships)).toEqual([
      { initiativeId: 'cso-i2', primaryCount: 0 },
      { initiativeId: 'cso-i3', primaryCount: 2 },
      { initiativeId: 'cso-i4', primaryCount: 0 },
    ]);
  });

  it('reports nothing when every initiative has exactly one primary', () => {
    expect(findOwnershipProblems(['cso-i1'], existing)).toEqual([]);
  });
});

describe('nextRole', () => {
  it('cycles strongest first, like the correlation grids: blank → primary → secondary → blank', () => {
    expect(nextRole(null)).toBe('primary');
    expect(nextRole('primary')).toBe('secondary');
    expect(nextRole('secondary')).toBeNull();
  });
});
