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
  for (let i = 0; i < count; i++) indexOf.set(objectives[i]?.id ?? '', i);

  // Everything below works on integer indices and typed arrays: at 100,000 key results, string
  // keyed maps and sorting dominate the time otherwise.
  const parent = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const parentId = objectives[i]?.parentId ?? null;
    if (parentId !== null) parent[i] = indexOf.get(parentId) ?? -1;
  }
  cutCycles(parent);

  // Running sums per objective: weighted sum and total weight, plus the plain sum and term count
  // for the equal-weights fallback.
  const weighted = new Float64Array(count);
  const totalWeight = new Float64Array(count);
  const plain = new Float64Array(count);
  const terms = new Int32Array(count);
  const progress = new Float64Array(count);

  const krObjective = new Int32Array(keyResults.length).fill(-1);
  const krWeight = new Float64Array(keyResults.length);
  const krProgress = new Float64Array(keyResults.length);
  for (let k = 0; k < keyResults.length; k++) {
    const kr = keyResults[k];
    if (!kr) continue;
    const owner = indexOf.get(kr.objectiveId);
    if (owner === undefined) continue;
    krObjective[k] = owner;
    krWeight[k] = kr.weight;
    krProgress[k] = kr.progress;
    weighted[owner] = (weighted[owner] ?? 0) + kr.weight * kr.progress;
    totalWeight[owner] = (totalWeight[owner] ?? 0) + kr.weight;
    plain[owner] = (plain[owner] ?? 0) + kr.progress;
    terms[owner] = (terms[owner] ?? 0) + 1;
  }

  // Key results by id, built on the first check-in: a one-off roll-up never needs it.
  let krIndex: Map<string, number> | null = null;
  const krIndexOf = (id: string): number | undefined => {
    krIndex ??= new Map(keyResults.map((kr, k) => [kr.id, k]));
    const k = krIndex.get(id);
    return k !== undefined && krObjective[k] !== -1 ? k : undefined;
  };

  const valueOf = (index: number): number => {
    const total = totalWeight[index] ?? 0;
    if (total > 0) return (weighted[index] ?? 0) / total;
    const n = terms[index] ?? 0;
    return n > 0 ? (plain[index] ?? 0) / n : 0;
  };

  // Children before parents: a breadth-first order from the roots, walked backwards.
  for (const index of topDownOrder(parent).reverse()) {
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
      let index = krObjective[krIndexOf(keyResultId) ?? -1] ?? -1;
      while (index !== -1) {
        ids.push(objectives[index]?.id ?? '');
        index = parent[index] ?? -1;
      }
      return ids;
    },
    applyProgress(keyResultId, next) {
      const k = krIndexOf(keyResultId);
      if (k === undefined) return [];
      let delta = next - (krProgress[k] ?? 0);
      krProgress[k] = next;
      let childWeight = krWeight[k] ?? 0;
      const touched: string[] = [];
      let index = krObjective[k] ?? -1;
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

/**
 * Cuts parent links that form a cycle, in place: walking up from each node, the node where the
 * walk meets its own path loses its parent (as `findParentCycles` in unit-tree.ts reports it).
 */
function cutCycles(parent: Int32Array): void {
  const state = new Uint8Array(parent.length); // 0 unseen, 1 on the current path, 2 settled
  const path: number[] = [];
  for (let start = 0; start < parent.length; start++) {
    let index = start;
    while (index !== -1 && state[index] === 0) {
      state[index] = 1;
      path.push(index);
      index = parent[index] ?? -1;
    }
    if (index !== -1 && state[index] === 1) parent[index] = -1;
    for (const settled of path) state[settled] = 2;
    path.length = 0;
  }
}

/** Node indices from the roots down, breadth first (children listed in compressed arrays). */
function topDownOrder(parent: Int32Array): number[] {
  const count = parent.length;
  const childCount = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const up = parent[i] ?? -1;
    if (up !== -1) childCount[up + 1] = (childCount[up + 1] ?? 0) + 1;
  }
  for (let i = 0; i < count; i++) childCount[i + 1] = (childCount[i + 1] ?? 0) + (childCount[i] ?? 0);
  const offsets = childCount.slice();
  const children = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const up = parent[i] ?? -1;
    if (up === -1) continue;
    const at = offsets[up] ?? 0;
    children[at] = i;
    offsets[up] = at + 1;
  }
  const order: number[] = [];
  for (let i = 0; i < count; i++) if (parent[i] === -1) order.push(i);
  for (let head = 0; head < order.length; head++) {
    const node = order[head] ?? 0;
    for (let c = childCount[node] ?? 0; c < (childCount[node + 1] ?? 0); c++) order.push(children[c] ?? 0);
  }
  return order;
}
