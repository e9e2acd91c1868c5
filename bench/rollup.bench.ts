import {
  CHILD_OBJECTIVE_WEIGHT,
  rollUp,
  type RollupKeyResultNode,
  type RollupObjectiveNode,
} from '../src/core/rollup';

/** One measured figure of a benchmark, with the baseline measured in the same run and the ratio. */
export interface BenchResult {
  name: string;
  /** Median milliseconds. */
  ms: number;
  baseline: { name: string; ms: number };
  /** baseline.ms / ms: how many times faster than the baseline. */
  ratio: number;
  /** A goal in milliseconds, when the issue sets one. */
  goalMs?: number;
  /** Anything else worth printing (counts, sizes). */
  notes?: string;
}

/** Median wall time of `fn` over `runs` runs, after one warm-up run. */
function medianMs(fn: () => void, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Milliseconds, or microseconds below one millisecond. */
const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(2)} µs` : `${ms.toFixed(1)} ms`);

function formatResult(result: BenchResult): string {
  const goal =
    result.goalMs === undefined
      ? ''
      : ` (goal < ${result.goalMs} ms: ${result.ms < result.goalMs ? 'met' : 'MISSED'})`;
  return [
    `${result.name}: ${fmt(result.ms)}${goal}`,
    `  baseline ${result.baseline.name}: ${fmt(result.baseline.ms)} → ${result.ratio.toFixed(1)}× faster`,
    ...(result.notes ? [`  ${result.notes}`] : []),
  ].join('\n');
}

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
    title: `Objective ${i}`,
  }));
  const keyResults = Array.from({ length: keyResultCount }, (_, i) => ({
    id: `k${i}`,
    objectiveId: `o${Math.floor(i / KRS_PER_OBJECTIVE)}`,
    title: `Key result ${i}`,
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
 * recursive roll-up, and one objective's explanation made from it. Prints each figure with its
 * baseline and ratio, and returns them.
 */
export async function run({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const size = 100_000;
  const runs = quick ? 3 : 15;
  const { objectives, keyResults } = generateTree(size);

  const full = medianMs(() => rollUp(objectives, keyResults), runs);
  const naive = medianMs(() => naiveRollup(objectives, keyResults), quick ? 1 : 3);

  // Sanity: both compute the same numbers, and an explanation adds up to its objective's progress.
  const rollup = rollUp(objectives, keyResults);
  const slow = naiveRollup(objectives, keyResults);
  for (const [id, value] of slow)
    if (Math.abs((rollup.progressOf(id) ?? -1) - value) > 1e-9) throw new Error(`roll-ups disagree on ${id}`);
  const root = rollup.explain('o0');
  if (!root || root.progress !== rollup.progressOf('o0'))
    throw new Error('the explanation disagrees with the roll-up');

  // One explanation takes microseconds, below the timer's resolution: time a batch and divide.
  const batch = 1000;
  const explain =
    medianMs(
      () => {
        for (let i = 0; i < batch; i++) rollup.explain(`o${i}`);
      },
      quick ? 5 : 31,
    ) / batch;
  await Promise.resolve();
  const results: BenchResult[] = [
    {
      name: `roll-up of ${size.toLocaleString('en')} key results (${objectives.length.toLocaleString('en')} objectives)`,
      ms: full,
      baseline: { name: 'naive recursive roll-up, no index', ms: naive },
      ratio: naive / full,
      goalMs: 100,
    },
    {
      name: "one objective's explanation, from the roll-up's terms and numbers",
      ms: explain,
      baseline: { name: 'full roll-up of the tree', ms: full },
      ratio: full / explain,
      notes: `terms of o0: ${root.terms.length} (${KRS_PER_OBJECTIVE} key results, ${BRANCHING} aligned objectives)`,
    },
  ];
  for (const result of results) console.log(formatResult(result));
  return results;
}
