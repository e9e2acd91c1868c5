import { describe, expect, it } from 'vitest';
import {
  buildTree,
  checkParentCycles,
  collectSubtree,
  findParentCycles,
  type Tree,
  type TreeNode,
} from './unit-tree';

const units: (TreeNode & { name: string })[] = [
  { id: 'secops', parentId: 'cso', name: 'Security Operations (SOC)' },
  { id: 'cio', parentId: null, name: 'Office of the CIO' },
  { id: 'cso', parentId: 'cio', name: 'Security (CSO)' },
  { id: 'sec-arch', parentId: 'cso', name: 'Security Architecture' },
  { id: 'platform', parentId: 'cio', name: 'Platform Engineering' },
];

type Outline = { id: string; children: Outline[] };
const outline = (nodes: Tree<TreeNode>[]): Outline[] =>
  nodes.map((n) => ({ id: n.id, children: outline(n.children) }));

describe('buildTree', () => {
  it('nests units under their parents and keeps the given order among siblings', () => {
    expect(outline(buildTree(units))).toEqual([
      {
        id: 'cio',
        children: [
          {
            id: 'cso',
            children: [
              { id: 'secops', children: [] },
              { id: 'sec-arch', children: [] },
            ],
          },
          { id: 'platform', children: [] },
        ],
      },
    ]);
  });

  it('keeps the other fields and makes units with an unknown parent roots', () => {
    const tree = buildTree([...units, { id: 'orphan', parentId: 'gone', name: 'Orphan' }]);
    expect(tree.map((root) => root.id)).toEqual(['cio', 'orphan']);
    expect(tree[0]?.name).toBe('Office of the CIO');
  });

  it('does not change the input', () => {
    const input = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
    ];
    buildTree(input);
    expect(input).toEqual([
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
    ]);
  });
});

describe('findParentCycles', () => {
  it('finds none in a proper tree', () => {
    expect(findParentCycles(units)).toEqual([]);
  });

  it('finds a unit that is its own parent', () => {
    expect(
      findParentCycles([
        { id: 'a', parentId: 'a' },
        { id: 'b', parentId: null },
      ]),
    ).toEqual([['a']]);
  });

  it('finds a 3-cycle once, with a tail leading into it left out', () => {
    const nodes = [
      { id: 'tail', parentId: 'a' },
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'c' },
      { id: 'c', parentId: 'a' },
    ];
    expect(findParentCycles(nodes)).toEqual([['a', 'b', 'c']]);
  });

  it('reports two separate cycles once each', () => {
    const nodes = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
      { id: 'root', parentId: null },
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'z' },
      { id: 'z', parentId: 'x' },
    ];
    expect(findParentCycles(nodes)).toEqual([
      ['a', 'b'],
      ['x', 'y', 'z'],
    ]);
  });
});

describe('checkParentCycles', () => {
  it('locates each cycle at its first member and spells the loop out', () => {
    const nodes = [
      { id: 'root', parentId: null },
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    const index = (id: string) => `units[${nodes.findIndex((n) => n.id === id)}]`;
    expect(checkParentCycles(nodes, index)).toEqual([
      { path: 'units[1].parentId', message: 'parent links form a cycle: a → b → a' },
    ]);
  });
});

describe('collectSubtree', () => {
  it('collects a unit and all its descendants', () => {
    expect(collectSubtree(units, 'cso').sort()).toEqual(['cso', 'sec-arch', 'secops']);
    expect(collectSubtree(units, 'cio').sort()).toEqual(['cio', 'cso', 'platform', 'sec-arch', 'secops']);
  });

  it('collects a leaf alone', () => {
    expect(collectSubtree(units, 'platform')).toEqual(['platform']);
  });

  it('stops at a cycle instead of looping', () => {
    expect(collectSubtree([{ id: 'a', parentId: 'a' }], 'a')).toEqual(['a']);
    const twoCycle = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' },
    ];
    expect(collectSubtree(twoCycle, 'a').sort()).toEqual(['a', 'b', 'c']);
  });
});
