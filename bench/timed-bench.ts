import type { BenchResult as TimedResult } from './bench-result';
import { withRatio, type Bench } from './harness';

/**
 * Adapts an in-process timing module (`run({ quick })` returning median milliseconds against a
 * baseline, see bench-result.ts) to the harness, so all figures land in one report.
 */
export function fromTimedResults(
  name: string,
  run: (options: { quick: boolean }) => Promise<TimedResult[]>,
): Bench {
  return {
    name,
    async run({ isQuick }) {
      const results = await run({ quick: isQuick });
      return results.map((result) =>
        withRatio({
          name: result.name,
          value: result.ms,
          unit: 'ms',
          baseline: { name: result.baseline.name, value: result.baseline.ms },
          ...(result.goalMs === undefined ? {} : { goal: { op: '<=' as const, value: result.goalMs } }),
          ...(result.notes ? { note: result.notes } : {}),
        }),
      );
    },
  };
}
