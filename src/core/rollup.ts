import { findParentCycles } from './unit-tree';

/** An objective in the roll-up; `parentId` is the objective its progress counts toward (aligned parent). */
export interface RollupObjectiveNode {
  id: string;
  parentId: string | null;
}

/** A key result in the roll-up with its own progress (0..1) and weight (≥ 0). */
export interface RollupKeyResultNode {
  id: string;
  objectiveId: string;
  weight: number;
  progress: number;
}

/** Aligned child objectives count toward their parent with this weight (objectives carry no weight of their own). */
export const CHILD_OBJECTIVE_WEIGHT = 1;

/**
 * Objective progress over a whole tree of objectives and key results, computed once in O(n) and
 * then kept current one check-in at a time: a key result's new progress walks up its ancestors
 * only, adjusting each one's running sums, so one check-in costs O(depth), not O(n).
 *
 * The rule is the one of {@link import('./progress').objectiveProgress}: the weighted average of key
 * results and aligned child objectives, equal weights when every weight is 0, 0 without terms.
 * Parent links that form a cycle are cut at the first member found, so every objective is counted once.
 */
export interface Rollup {
  /** Progress of an objective (0..1), or undefined for an unknown id. */
  objectiveProgress(id: string): number | undefined;
  /** Every objective's progress. */
  allObjectiveProgress(): Map<string, number>;
  /** The objectives above a key result, nearest first: what its check-in recomputes. */
  ancestorsOf(keyResultId: string): string[];
  /**
   * Records a key result's new progress and recomputes its ancestors only.
   * @returns the ids of the objectives recomputed, nearest first; the walk stops early where nothing changed.
   */
  applyProgress(keyResultId: string, progress: number): string[];
}

export function buildRollup(
  objectives: readonly RollupObjectiveNode[],
  keyResults: readonly RollupKeyResultNode[],
): Rollup {
  const count = objectives.length;
  const indexOf = new Map<string, number>();
  objectives.forEach((objective, index) => indexOf.set(objective.id, index));

  const cut = new Set(findParentCycles(objectives).map((cycle) => cycle[0]));
  const parent = new Int32Array(count).fill(-1);
  objectives.forEach((objective, index) => {
    if (objective.parentId === null || cut.has(objective.id)) return;
    parent[index] = indexOf.get(objective.parentId) ?? -1;
  });

  // Running sums per objective: weighted sum and total weight, plus the plain sum and term count
  // for the equal-weights fallback.
  const weighted = new Float64Array(count);
  const totalWeight = new Float64Array(count);
  const plain = new Float64Array(count);
  const terms = new Int32Array(count);
  const progress = new Float64Array(count);

  const krObjective = new Map<string, number>();
  const krWeight = new Map<string, number>();
  const krProgress = new Map<string, number>();
  for (const kr of keyResults) {
    const owner = indexOf.get(kr.objectiveId);
    if (owner === undefined) continue;
    krObjective.set(kr.id, owner);
    krWeight.set(kr.id, kr.weight);
    krProgress.set(kr.id, kr.progress);
    weighted[owner] = (weighted[owner] ?? 0) + kr.weight * kr.progress;
    totalWeight[owner] = (totalWeight[owner] ?? 0) + kr.weight;
    plain[owner] = (plain[owner] ?? 0) + kr.progress;
    terms[owner] = (terms[owner] ?? 0) + 1;
  }

  const valueOf = (index: number): number => {
    const total = totalWeight[index] ?? 0;
    if (total > 0) return (weighted[index] ?? 0) / total;
    const n = terms[index] ?? 0;
    return n > 0 ? (plain[index] ?? 0) / n : 0;
  };

  // Children before parents: order by depth, deepest first (depth found by walking up, memoised).
  const depth = new Int32Array(count).fill(-1);
  const depthOf = (start: number): number => {
    const path: number[] = [];
    let index = start;
    while (index !== -1 && depth[index] === -1) {
      path.push(index);
      index = parent[index] ?? -1;
    }
    let d = index === -1 ? -1 : (depth[index] ?? 0);
    for (let i = path.length - 1; i >= 0; i--) depth[path[i] ?? 0] = ++d;
    return depth[start] ?? 0;
  };
  const order = Array.from({ length: count }, (_, index) => index);
  for (const index of order) depthOf(index);
  order.sort((a, b) => (depth[b] ?? 0) - (depth[a] ?? 0));
  for (const index of order) {
    const value = valueOf(index);
    progress[index] = value;
    const up = parent[index] ?? -1;
    if (up === -1) continue;
    weighted[up] = (weighted[up] ?? 0) + CHILD_OBJECTIVE_WEIGHT * value;
    totalWeight[up] = (totalWeight[up] ?? 0) + CHILD_OBJECTIVE_WEIGHT;
    plain[up] = (plain[up] ?? 0) + value;
    terms[up] = (terms[up] ?? 0) + 1;
  }

  return {
    objectiveProgress: (id) => {
      const index = indexOf.get(id);
      return index === undefined ? undefined : progress[index];
    },
    allObjectiveProgress: () =>
      new Map(objectives.map((objective, index) => [objective.id, progress[index] ?? 0])),
    ancestorsOf(keyResultId) {
      const ids: string[] = [];
      let index = krObjective.get(keyResultId) ?? -1;
      while (index !== -1) {
        ids.push(objectives[index]?.id ?? '');
        index = parent[index] ?? -1;
      }
      return ids;
    },
    applyProgress(keyResultId, next) {
      const owner = krObjective.get(keyResultId);
      if (owner === undefined) return [];
      const weight = krWeight.get(keyResultId) ?? 0;
      let delta = next - (krProgress.get(keyResultId) ?? 0);
      krProgress.set(keyResultId, next);
      let childWeight = weight;
      const touched: string[] = [];
      let index = owner;
      while (index !== -1 && delta !== 0) {
        weighted[index] = (weighted[index] ?? 0) + childWeight * delta;
        plain[index] = (plain[index] ?? 0) + delta;
        const before = progress[index] ?? 0;
        const after = valueOf(index);
        progress[index] = after;
        touched.push(objectives[index]?.id ?? '');
        delta = after - before;
        childWeight = CHILD_OBJECTIVE_WEIGHT;
        index = parent[index] ?? -1;
      }
      return touched;
    },
  };
}
