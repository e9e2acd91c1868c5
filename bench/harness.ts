import { cpus, totalmem } from 'node:os';

/** One measured figure, with the baseline measured in the same run and the goal it is held to. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** `value / baseline.value`, or `baseline.value / value` when bigger is better (`higherIsBetter`). */
  ratio?: number;
  goal?: { op: '<=' | '>='; value: number; unit?: string; of?: 'value' | 'ratio' };
  higherIsBetter?: boolean;
  note?: string;
}

export interface BenchContext {
  isQuick: boolean;
  /** Prints progress on stderr, keeping stdout for the figures. */
  progress: (message: string) => void;
}

export interface Bench {
  name: string;
  run(context: BenchContext): Promise<BenchResult[]>;
}

/** Fills in `ratio` against the baseline (>1 means slower/bigger than the baseline for lower-is-better figures). */
export function withRatio(result: BenchResult): BenchResult {
  if (!result.baseline || result.baseline.value === 0) return result;
  const ratio = result.higherIsBetter
    ? result.value / result.baseline.value
    : result.value / result.baseline.value;
  return { ...result, ratio };
}

export function isGoalMet(result: BenchResult): boolean | null {
  if (!result.goal) return null;
  const measured = result.goal.of === 'ratio' ? (result.ratio ?? Number.NaN) : result.value;
  return result.goal.op === '<=' ? measured <= result.goal.value : measured >= result.goal.value;
}

const format = (value: number) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);

export function formatResult(result: BenchResult): string[] {
  const goal = result.goal
    ? `${result.goal.of === 'ratio' ? 'ratio ' : ''}${result.goal.op} ${format(result.goal.value)}${result.goal.unit ?? (result.goal.of === 'ratio' ? '×' : ` ${result.unit}`)}`
    : '';
  const met = isGoalMet(result);
  return [
    result.name,
    `${format(result.value)} ${result.unit}`,
    result.baseline ? `${format(result.baseline.value)} ${result.unit} (${result.baseline.name})` : '',
    result.ratio === undefined ? '' : `${format(result.ratio)}×`,
    goal,
    met === null ? '' : met ? 'met' : 'MISSED',
    result.note ?? '',
  ];
}

export const RESULT_COLUMNS = ['figure', 'measured', 'baseline (same run)', 'ratio', 'goal', '', 'note'];

export function describeMachine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform} ${process.arch}`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/**
 * The port a bench's server listens on: BENCH_PORT_BASE (default 3270) plus the bench's own offset,
 * so a run can move every port away from whatever else the machine serves.
 */
export function benchPort(offset: number, env: NodeJS.ProcessEnv = process.env): number {
  const base = Number(env.BENCH_PORT_BASE ?? 3270);
  if (!Number.isInteger(base) || base < 1 || base + offset > 65535)
    throw new Error(`BENCH_PORT_BASE must be a port number, not ${String(env.BENCH_PORT_BASE)}`);
  return base + offset;
}
