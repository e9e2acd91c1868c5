/** One benchmark of `npm run bench`: a name and a run that prints its own figures. */
export interface Benchmark {
  name: string;
  description: string;
  run(options: BenchmarkOptions): BenchmarkResult | Promise<BenchmarkResult>;
}

export interface BenchmarkOptions {
  /** A short run (fewer repetitions, smaller inputs) for CI and smoke tests. */
  quick: boolean;
}

export interface BenchmarkResult {
  /** Lines to print, already formatted. */
  lines: string[];
  /** False when the benchmark's goal was missed (the runner then exits non-zero with --strict). */
  goalMet: boolean;
}

/**
 * Median wall time in milliseconds of each function over `repetitions` rounds, after `warmup`
 * unmeasured rounds. The functions take turns within each round, so a change in the machine's
 * load (other processes, CPU frequency) falls on all of them alike and their ratio stays fair.
 */
export function interleavedMedians(fns: (() => unknown)[], repetitions: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map((): number[] => []);
  for (let i = 0; i < repetitions; i++)
    fns.forEach((fn, f) => {
      const start = performance.now();
      fn();
      times[f]?.push(performance.now() - start);
    });
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return list[Math.floor(list.length / 2)] ?? Number.NaN;
  });
}
