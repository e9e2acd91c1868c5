import {
  buildRollup,
  CHILD_OBJECTIVE_WEIGHT,
  type RollupKeyResultNode,
  type RollupObjectiveNode,
} from '../src/core/rollup';
import { medianMs, type BenchResult } from './bench-result';

/** Key results per objective and children per objective in the generated tree. */
const KRS_PER_OBJECTIVE = 4;
const BRANCHING = 5;

/**
 * A deterministic tree of objectives (each aligned to a parent, `BRANCHING` children each) with
 * `KRS_PER_OBJECTIVE` key results apiece, weights 0-3 and progress spread over 0..1.
 */
export function generateTree(keyResultCount: number): {
  objectives: RollupObjectiveNode[];
  keyResults: RollupKeyResultNode[];
} {
  const objectiveCount = Math.ceil(keyResultCount / KRS_PER_OBJECTIVE);
  const objectives = Array.from({ length: objectiveCount }, (_, i) => ({
    id: `o${i}`,
    parentId: i === 0 ? null : `o${Math.floor((i - 1) / BRANCHING)}`,
  }));
  const keyResults = Array.from({ length: keyResultCount }, (_, i) => ({
    id: `k${i}`,
    objectiveId: `o${Math.floor(i / KRS_PER_OBJECTIVE)}`,
    weight: i % 4,
    progress: ((i * 7919) % 1000) / 1000,
  }));
  return { objectives, keyResults };
}

/**
 * The baseline: the obvious recursive roll-up, recomputing each objective from its children on
 * every call with no memo, the way a naive "recompute everything" would.
 */
function naiveRollup(objectives: readonly RollupObjectiveNode[], keyResults: readonly RollupKeyResultNode[]) {
  const children = new Map<string, string[]>();
  for (const o of objectives)
    if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const krs = new Map<string, RollupKeyResultNode[]>();
  for (const kr of keyResults) krs.set(kr.objectiveId, [...(krs.get(kr.objectiveId) ?? []), kr]);
  const progressOf = (id: string): number => {
    let weighted = 0;
    let total = 0;
    let plain = 0;
    let n = 0;
    for (const kr of krs.get(id) ?? []) {
      weighted += kr.weight * kr.progress;
      total += kr.weight;
      plain += kr.progress;
      n++;
    }
    for (const child of children.get(id) ?? []) {
      const p = progressOf(child);
      weighted += CHILD_OBJECTIVE_WEIGHT * p;
      total += CHILD_OBJECTIVE_WEIGHT;
      plain += p;
      n++;
    }
    return total > 0 ? weighted / total : n > 0 ? plain / n : 0;
  };
  return new Map(objectives.map((o) => [o.id, progressOf(o.id)]));
}

/**
 * Roll-up over a generated tree of 100,000 key results (goal < 100 ms) against the naive
 * recursive roll-up, and one check-in's recomputation (its ancestors only) against recomputing
 * the whole tree.
 */
export async function run({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const size = 100_000;
  const runs = quick ? 3 : 15;
  const { objectives, keyResults } = generateTree(size);

  const full = medianMs(() => buildRollup(objectives, keyResults), runs);
  const naive = medianMs(() => naiveRollup(objectives, keyResults), quick ? 1 : 3);

  // Sanity: both compute the same numbers.
  const fast = buildRollup(objectives, keyResults).allObjectiveProgress();
  const slow = naiveRollup(objectives, keyResults);
  for (const [id, value] of slow)
    if (Math.abs((fast.get(id) ?? -1) - value) > 1e-9) throw new Error(`roll-ups disagree on ${id}`);

  const rollup = buildRollup(objectives, keyResults);
  const leaf = keyResults[keyResults.length - 1]!;
  const ancestors = rollup.ancestorsOf(leaf.id);
  let touched: string[] = [];
  // One check-in takes about a microsecond, below the timer's resolution: time a batch and divide.
  const batch = 1000;
  const incremental =
    medianMs(
      () => {
        for (let i = 0; i < batch; i++) touched = rollup.applyProgress(leaf.id, i % 2 === 0 ? 0.999 : 0.001);
      },
      quick ? 5 : 31,
    ) / batch;
  await Promise.resolve();
  return [
    {
      name: `roll-up of ${size.toLocaleString('en')} key results (${objectives.length.toLocaleString('en')} objectives)`,
      ms: full,
      baseline: { name: 'naive recursive roll-up, no index', ms: naive },
      ratio: naive / full,
      goalMs: 100,
    },
    {
      name: 'one check-in, recomputing its ancestors only',
      ms: incremental,
      baseline: { name: 'full roll-up of the tree', ms: full },
      ratio: full / incremental,
      notes: `objectives recomputed: ${touched.length} (the key result's ancestors: ${ancestors.length}; the tree holds ${objectives.length.toLocaleString('en')})`,
    },
  ];
}
