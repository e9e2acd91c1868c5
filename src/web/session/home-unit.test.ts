import { describe, expect, it } from 'vitest';
import type { Me, Unit } from '../../contracts';
import { homeUnitId } from './home-unit';

const unit = (id: string, parentId: string | null, ownerId: string | null = null): Unit => ({
  id,
  organisationId: 'org',
  parentId,
  name: id,
  ownerId,
  position: 0,
  version: 1,
});
const tree = [
  unit('cio', null, 'p-cio'),
  unit('cso', 'cio', 'p-cso'),
  unit('secops', 'cso'),
  unit('platform', 'cio'),
];
const meWith = (roles: Me['organisations'][number]['roles'], personId: string | null = null): Me => ({
  id: 'u',
  email: 'u@example.com',
  name: 'U',
  isSiteAdmin: false,
  language: null,
  organisations: [{ id: 'org', name: 'Org', personId, roles }],
});

describe('homeUnitId', () => {
  it('lands on the unit the person owns, before any unit they hold a role on', () => {
    expect(homeUnitId(meWith([{ unitId: 'platform', role: 'viewer' }], 'p-cso'), 'org', tree)).toBe('cso');
  });

  it('else on the first unit (tree order) they hold a role on', () => {
    const me = meWith([
      { unitId: 'secops', role: 'contributor' },
      { unitId: 'platform', role: 'editor' },
    ]);
    expect(homeUnitId(me, 'org', tree)).toBe('secops');
  });

  it('has no home for an organisation-wide role alone, nor in another organisation', () => {
    expect(homeUnitId(meWith([{ unitId: null, role: 'viewer' }]), 'org', tree)).toBeNull();
    expect(homeUnitId(meWith([{ unitId: 'cso', role: 'editor' }]), 'other', tree)).toBeNull();
  });
});
