import { describe, expect, it } from 'vitest';
import { buildRollup } from './rollup';

const objectives = [
  { id: 'root', parentId: null },
  { id: 'mid', parentId: 'root' },
  { id: 'leaf', parentId: 'mid' },
  { id: 'other', parentId: 'root' },
];
const keyResults = [
  { id: 'kr-root', objectiveId: 'root', weight: 1, progress: 1 },
  { id: 'kr-mid', objectiveId: 'mid', weight: 1, progress: 0 },
  { id: 'kr-leaf-a', objectiveId: 'leaf', weight: 3, progress: 1 },
  { id: 'kr-leaf-b', objectiveId: 'leaf', weight: 1, progress: 0 },
  { id: 'kr-other', objectiveId: 'other', weight: 0, progress: 0.5 },
];

describe('buildRollup', () => {
  it('rolls key results and aligned child objectives up the tree', () => {
    const rollup = buildRollup(objectives, keyResults);
    expect(rollup.objectiveProgress('leaf')).toBeCloseTo(0.75);
    expect(rollup.objectiveProgress('mid')).toBeCloseTo(0.375);
    // Weights summing to zero: the only key result counts in full.
    expect(rollup.objectiveProgress('other')).toBeCloseTo(0.5);
    expect(rollup.objectiveProgress('root')).toBeCloseTo((1 + 0.375 + 0.5) / 3);
  });

  it('recomputes only the ancestors of a checked-in key result, matching a full recomputation', () => {
    const rollup = buildRollup(objectives, keyResults);
    expect(rollup.ancestorsOf('kr-leaf-b')).toEqual(['leaf', 'mid', 'root']);
    expect(rollup.applyProgress('kr-leaf-b', 1)).toEqual(['leaf', 'mid', 'root']);
    const fresh = buildRollup(
      objectives,
      keyResults.map((kr) => (kr.id === 'kr-leaf-b' ? { ...kr, progress: 1 } : kr)),
    );
    for (const [id, value] of fresh.allObjectiveProgress())
      expect(rollup.objectiveProgress(id)).toBeCloseTo(value);
    expect(rollup.objectiveProgress('other')).toBeCloseTo(0.5);
  });

  it('stops the walk where nothing changed, and ignores unknown key results', () => {
    const rollup = buildRollup(objectives, keyResults);
    expect(rollup.applyProgress('kr-leaf-a', 1)).toEqual([]);
    expect(rollup.applyProgress('nope', 1)).toEqual([]);
  });

  it('cuts parent links that form a cycle instead of looping', () => {
    const rollup = buildRollup(
      [
        { id: 'a', parentId: 'b' },
        { id: 'b', parentId: 'a' },
      ],
      [{ id: 'k', objectiveId: 'a', weight: 1, progress: 1 }],
    );
    expect(rollup.ancestorsOf('k').length).toBeLessThanOrEqual(2);
    expect(rollup.objectiveProgress('a')).toBeGreaterThan(0);
  });
});
