import { describe, expect, it } from 'vitest';
import type { Me, Unit } from '../../contracts';
import { adminsAnything, isAllowed, membershipIn, orgTreeOf, roleOn } from './permissions';

const unit = (id: string, parentId: string | null, ownerId: string | null = null): Unit => ({
  id,
  organisationId: 'org',
  parentId,
  name: id,
  ownerId,
  position: 0,
  version: 1,
});
const units = new Map(
  [unit('ceo', null), unit('cio', 'ceo', 'p-owner'), unit('ops', 'cio'), unit('cso', 'ceo')].map((u) => [
    u.id,
    u,
  ]),
);
const meWith = (roles: Me['organisations'][number]['roles'], personId: string | null = 'p-me'): Me => ({
  id: 'u',
  email: 'u@example.com',
  name: 'U',
  isSiteAdmin: false,
  language: null,
  organisations: [{ id: 'org', name: 'Org', personId, roles }],
});
const may = (me: Me, need: 'read' | 'contribute' | 'edit', unitId: string, owner?: string) =>
  isAllowed(me, orgTreeOf(units.values()), membershipIn(me, 'org'), need, {
    unitId,
    ownerPersonIds: owner ? [owner] : [],
  });

describe('web permissions (core/access.ts over the session)', () => {
  it('inherits a grant down the tree and gives line of sight up, not sideways', () => {
    const viewer = meWith([{ unitId: 'ops', role: 'viewer' }]);
    expect(roleOn(viewer, 'org', 'ops', units)).toBe('viewer');
    expect(roleOn(viewer, 'org', 'cio', units)).toBeNull();
    expect(may(viewer, 'read', 'cio')).toBe(true);
    expect(may(viewer, 'read', 'cso')).toBe(false);
    expect(may(viewer, 'edit', 'ops')).toBe(false);
  });

  it('lets a contributor check in only on what her person owns', () => {
    const contributor = meWith([{ unitId: 'cio', role: 'contributor' }]);
    expect(may(contributor, 'contribute', 'ops', 'p-me')).toBe(true);
    expect(may(contributor, 'contribute', 'ops', 'p-other')).toBe(false);
    expect(may(contributor, 'contribute', 'ops')).toBe(false);
  });

  it('makes the owner of a unit an editor below it, and site administrators admins everywhere', () => {
    const owner = meWith([], 'p-owner');
    expect(roleOn(owner, 'org', 'ops', units)).toBe('editor');
    expect(may(owner, 'edit', 'ops')).toBe(true);
    const site = { ...meWith([]), isSiteAdmin: true };
    expect(roleOn(site, 'org', 'cso', units)).toBe('admin');
    expect(may(site, 'edit', 'cso')).toBe(true);
    expect(adminsAnything(site, 'org')).toBe(true);
    expect(adminsAnything(meWith([{ unitId: 'ops', role: 'admin' }]), 'org')).toBe(true);
    expect(adminsAnything(owner, 'org')).toBe(false);
  });
});
