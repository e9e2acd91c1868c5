import { describe, expect, it } from 'vitest';
import type { Unit } from '../../contracts';
import { ancestorsOf, buildUnitTree, flattenTree, isBelow } from './unit-tree';

const unit = (id: string, parentId: string | null, position: number, name = id): Unit => ({
  id,
  organisationId: 'org',
  parentId,
  name,
  ownerId: null,
  position,
  version: 1,
});

const units = [
  unit('cio', 'ceo', 1),
  unit('cso', 'ceo', 0),
  unit('ceo', null, 0),
  unit('ops', 'cio', 0, 'Ops'),
  unit('dev', 'cio', 0, 'Dev'),
  unit('stray', 'gone', 0),
];

describe('buildUnitTree', () => {
  it('nests by parent, orders siblings by position then name, and roots units whose parent is missing', () => {
    const tree = buildUnitTree(units);
    expect(flattenTree(tree).map((node) => `${node.unit.id}@${node.depth}`)).toEqual([
      'ceo@0',
      'cso@1',
      'cio@1',
      'dev@2',
      'ops@2',
      'stray@0',
    ]);
    expect(tree[0]?.unit).toBe(units[2]);
  });
});

describe('ancestorsOf', () => {
  const byId = new Map(units.map((u) => [u.id, u]));

  it('lists the ancestors root first, without the unit itself', () => {
    expect(ancestorsOf('ops', byId).map((u) => u.id)).toEqual(['ceo', 'cio']);
    expect(ancestorsOf('stray', byId)).toEqual([]);
    expect(isBelow(byId.get('ops')!, 'ceo', units)).toBe(true);
    expect(isBelow(byId.get('cso')!, 'cio', units)).toBe(false);
  });
});
