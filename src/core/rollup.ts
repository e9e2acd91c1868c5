import { objectiveProgress, progressFromSums, type ProgressExplanation, type RollupTerm } from './progress';

/** An objective in the roll-up; `parentId` is the objective its progress counts toward (aligned parent). */
export interface RollupObjectiveNode {
  id: string;
  parentId: string | null;
  title: string;
}

/** A key result in the roll-up with its own progress (0..1) and weight (≥ 0). */
export interface RollupKeyResultNode {
  id: string;
  objectiveId: string;
  title: string;
  weight: number;
  progress: number;
}

/** Aligned child objectives count toward their parent with this weight (objectives carry no weight of their own). */
export const CHILD_OBJECTIVE_WEIGHT = 1;

/**
 * Every objective of a tree rolled up: progress for all of them from one pass, and each one's
 * explanation made on request from that pass's terms and numbers.
 */
export interface Rollup {
  /** Objective ids, children before their parents (every objective once). */
  bottomUp(): string[];
  /** An objective's progress (0..1), or undefined for an unknown id. */
  progressOf(id: string): number | undefined;
  /** The aligned child objectives counted in this one (after cutting alignment loops), in input order. */
  childrenOf(id: string): string[];
  /**
   * How an objective's progress was computed: its key results and child objectives as terms, with
   * shares and contributions; `progress` is {@link Rollup.progressOf}'s number.
   */
  explain(id: string): ProgressExplanation | undefined;
}

/**
 * Objective progress over a whole tree of objectives and key results in one O(n) pass, children
 * before parents: the rule of {@link objectiveProgress} (weighted average of key results and aligned
 * child objectives, each child weighing {@link CHILD_OBJECTIVE_WEIGHT}; equal weights when every
 * weight is 0; 0 without terms), with the same sums in the same term order ({@link progressFromSums}),
 * so `explain(id).progress === progressOf(id)`. Explanations are made on request: a roll-up of
 * 100,000 key results does not build 125,000 term objects nobody reads.
 * A parent link to an objective not in the list counts as none. Parent links that form a cycle are
 * cut where a walk up from an objective (in input order) first meets its own path, the member
 * `findParentCycles` in unit-tree.ts reports first, so every objective is counted once.
 * Key results of objectives not in the list are ignored.
 */
export function rollUp(
  objectives: readonly RollupObjectiveNode[],
  keyResults: readonly RollupKeyResultNode[],
): Rollup {
  const count = objectives.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < count; i++) indexOf.set(objectives[i]?.id ?? '', i);

  // Integer indices, typed arrays and compressed member lists: at 100,000 key results, string-keyed
  // maps of arrays dominate the time otherwise.
  const parent = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const parentId = objectives[i]?.parentId ?? null;
    if (parentId !== null) parent[i] = indexOf.get(parentId) ?? -1;
  }
  cutCycles(parent);
  // Running sums per objective, key results first in input order, then (below) child objectives
  // in input order: the term order of objectiveProgress, so the explanation gives the same number.
  const weighted = new Float64Array(count);
  const totalWeight = new Float64Array(count);
  const plain = new Float64Array(count);
  const terms = new Int32Array(count);
  const owner = new Int32Array(keyResults.length);
  for (let k = 0; k < keyResults.length; k++) {
    const kr = keyResults[k];
    const index = indexOf.get(kr?.objectiveId ?? '') ?? -1;
    owner[k] = index;
    if (!kr || index === -1) continue;
    weighted[index] = (weighted[index] ?? 0) + kr.weight * kr.progress;
    totalWeight[index] = (totalWeight[index] ?? 0) + kr.weight;
    plain[index] = (plain[index] ?? 0) + kr.progress;
    terms[index] = (terms[index] ?? 0) + 1;
  }
  const childrenOf = groupByOwner(parent, count);
  const order = topDownOrder(parent, childrenOf);

  const progress = new Float64Array(count);
  for (let o = order.length - 1; o >= 0; o--) {
    const index = order[o] ?? 0;
    const sums = {
      weighted: weighted[index] ?? 0,
      totalWeight: totalWeight[index] ?? 0,
      plain: plain[index] ?? 0,
      terms: terms[index] ?? 0,
    };
    for (let at = childrenOf.start[index] ?? 0; at < (childrenOf.start[index + 1] ?? 0); at++) {
      const value = progress[childrenOf.members[at] ?? 0] ?? 0;
      sums.weighted += CHILD_OBJECTIVE_WEIGHT * value;
      sums.totalWeight += CHILD_OBJECTIVE_WEIGHT;
      sums.plain += value;
      sums.terms += 1;
    }
    progress[index] = progressFromSums(sums);
  }

  // Key results by objective, built on the first explanation: a roll-up for progress never needs it.
  let krsOf: Groups | null = null;
  const members = (groups: Groups, index: number): number[] =>
    Array.from(groups.members.subarray(groups.start[index] ?? 0, groups.start[index + 1] ?? 0));
  return {
    bottomUp: () => order.map((index) => objectives[index]?.id ?? '').reverse(),
    progressOf(id) {
      const index = indexOf.get(id);
      return index === undefined ? undefined : progress[index];
    },
    childrenOf(id) {
      const index = indexOf.get(id);
      return index === undefined
        ? []
        : members(childrenOf, index).map((child) => objectives[child]?.id ?? '');
    },
    explain(id) {
      const index = indexOf.get(id);
      if (index === undefined) return undefined;
      krsOf ??= groupByOwner(owner, count);
      const terms: RollupTerm[] = [
        ...members(krsOf, index).flatMap((k) => {
          const kr = keyResults[k];
          return kr ? [{ kind: 'key_result' as const, ...kr }] : [];
        }),
        ...members(childrenOf, index).flatMap((child) => {
          const node = objectives[child];
          return node
            ? [
                {
                  kind: 'objective' as const,
                  ...node,
                  progress: progress[child] ?? 0,
                  weight: CHILD_OBJECTIVE_WEIGHT,
                },
              ]
            : [];
        }),
      ];
      return { ...objectiveProgress(terms), progress: progress[index] ?? 0 };
    },
  };
}

/**
 * Cuts parent links that form a cycle, in place: walking up from each node, the node where the
 * walk meets its own path loses its parent.
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

/** Members grouped by owner index (−1: none), in member order: owner i's are members[start[i] .. start[i+1]). */
interface Groups {
  start: Int32Array;
  members: Int32Array;
}

function groupByOwner(ownerOf: Int32Array, owners: number): Groups {
  const start = new Int32Array(owners + 1);
  for (const up of ownerOf) if (up !== -1) start[up + 1] = (start[up + 1] ?? 0) + 1;
  for (let i = 0; i < owners; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const next = start.slice();
  const members = new Int32Array(start[owners] ?? 0);
  for (let m = 0; m < ownerOf.length; m++) {
    const up = ownerOf[m] ?? -1;
    if (up === -1) continue;
    const at = next[up] ?? 0;
    members[at] = m;
    next[up] = at + 1;
  }
  return { start, members };
}

/** Node indices from the roots down, breadth first. */
function topDownOrder(parent: Int32Array, childrenOf: Groups): number[] {
  const order: number[] = [];
  for (let i = 0; i < parent.length; i++) if (parent[i] === -1) order.push(i);
  for (let head = 0; head < order.length; head++) {
    const node = order[head] ?? 0;
    for (let at = childrenOf.start[node] ?? 0; at < (childrenOf.start[node + 1] ?? 0); at++)
      order.push(childrenOf.members[at] ?? 0);
  }
  return order;
}
