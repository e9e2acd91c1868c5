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
export function medianMs(fn: () => void, runs: number): number {
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

export function formatResult(result: BenchResult): string {
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
