import type { Benchmark } from './benchmark';
import { pressureTestBenchmark } from './pressure-test.bench';

/** Every benchmark `npm run bench` runs, in order; add yours here. */
export const BENCHMARKS: Benchmark[] = [pressureTestBenchmark];
