import { describe, expect, it } from 'vitest';
import { objectiveProgress } from './progress';
import { rollUp } from './rollup';
import { findParentCycles } from './unit-tree';

const node = (id: string, parentId: string | null) => ({ id, parentId, title: id });
const kr = (id: string, objectiveId: string, weight: number, progress: number) => ({
  id,
  objectiveId,
  title: id,
  weight,
  progress,
});

const objectives = [node('root', null), node('mid', 'root'), node('leaf', 'mid'), node('other', 'root')];
const keyResults = [
  kr('kr-root', 'root', 1, 1),
  kr('kr-mid', 'mid', 1, 0),
  kr('kr-leaf-a', 'leaf', 3, 1),
  kr('kr-leaf-b', 'leaf', 1, 0),
  kr('kr-other', 'other', 0, 0.5),
];

describe('rollUp', () => {
  it('rolls key results and aligned child objectives up the tree', () => {
    const rollup = rollUp(objectives, keyResults);
    expect(rollup.progressOf('leaf')).toBeCloseTo(0.75);
    expect(rollup.progressOf('mid')).toBeCloseTo(0.375);
    // Weights summing to zero: the only key result counts in full.
    expect(rollup.progressOf('other')).toBeCloseTo(0.5);
    expect(rollup.progressOf('root')).toBeCloseTo((1 + 0.375 + 0.5) / 3);
    expect(rollup.progressOf('nope')).toBeUndefined();
  });

  it('explains each objective with the numbers of the same pass, to the last bit', () => {
    const rollup = rollUp(objectives, keyResults);
    for (const { id } of objectives) {
      const explanation = rollup.explain(id);
      expect(explanation?.progress).toBe(rollup.progressOf(id));
      // The flat rule over the same terms gives the same number: one rule, one arithmetic.
      expect(objectiveProgress(explanation?.terms ?? []).progress).toBe(rollup.progressOf(id));
    }
    expect(rollup.explain('root')).toMatchObject({
      rule: 'weighted',
      totalWeight: 3,
      terms: [
        { kind: 'key_result', id: 'kr-root', weight: 1, progress: 1 },
        { kind: 'objective', id: 'mid', weight: 1, progress: rollup.progressOf('mid') },
        { kind: 'objective', id: 'other', weight: 1, progress: rollup.progressOf('other') },
      ],
    });
    expect(rollup.explain('other')).toMatchObject({ rule: 'equal', terms: [{ id: 'kr-other', share: 1 }] });
    expect(rollUp([node('alone', null)], []).explain('alone')).toMatchObject({ progress: 0, rule: 'empty' });
  });

  it('lists children before their parents, and each objective once', () => {
    const rollup = rollUp(objectives, keyResults);
    const order = rollup.bottomUp();
    expect([...order].sort()).toEqual(['leaf', 'mid', 'other', 'root']);
    expect(order.indexOf('leaf')).toBeLessThan(order.indexOf('mid'));
    expect(order.indexOf('mid')).toBeLessThan(order.indexOf('root'));
    expect(rollup.childrenOf('root')).toEqual(['mid', 'other']);
  });

  it('cuts an alignment loop once, at the member findParentCycles reports first', () => {
    const looped = [node('a', 'c'), node('b', 'a'), node('c', 'b'), node('d', 'a')];
    const rollup = rollUp(looped, [kr('k', 'b', 1, 1)]);
    const [cut] = findParentCycles(looped).map((cycle) => cycle[0]);
    expect(cut).toBe('a');
    expect(rollup.childrenOf('c')).toEqual([]);
    expect(rollup.childrenOf('a')).toEqual(['b', 'd']);
    expect(rollup.bottomUp()).toHaveLength(4);
    expect(rollup.progressOf('b')).toBeCloseTo(0.5);
    expect(rollup.progressOf('a')).toBeCloseTo(0.25);
  });

  it('ignores parents and key results of objectives not in the list', () => {
    const rollup = rollUp([node('a', 'elsewhere')], [kr('k', 'a', 1, 0.5), kr('stray', 'elsewhere', 1, 1)]);
    expect(rollup.progressOf('a')).toBe(0.5);
    expect(rollup.explain('a')?.terms.map((term) => term.id)).toEqual(['k']);
  });
});
