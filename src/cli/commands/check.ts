import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { hasGateFailure } from '../../core/plan-lint';
import { DEFAULT_TRIALS } from '../../core/pressure-test';
import { runSeededPressureTest } from '../../core/pressure-test-chunks';
import { analyseMatrix } from '../../server/services/plan/plan-analysis';
import { parsePlanOrThrow, parsePlanText } from '../../server/services/plan/plan-format';
import { EXIT_GATES_FAILED } from '../exit-codes';
import type { CliText } from '../i18n';
import { formatCheckReport, type CheckReport } from './check-report';

interface CheckFlags {
  json?: boolean;
  trials: number;
  seed: number;
  matrix?: string;
  minProbability?: number;
}

const integer =
  ({ t, num }: CliText, name: string, min: number, max: number) =>
  (value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max)
      throw new InvalidArgumentError(t('argument.wholeNumber', { name, min: num(min), max: num(max) }));
    return parsed;
  };

const probability =
  ({ t }: CliText) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!(parsed >= 0 && parsed <= 1)) throw new InvalidArgumentError(t('argument.probability'));
    return parsed;
  };

/**
 * `catchball check <plan>`: validates a plan document and, for each X-matrix in it, runs the
 * lint, the capacity view and the pressure test, without a store, so a team can keep its plan in
 * git and check it in CI. Exits 2 for an invalid document and 7 when a publish gate fails.
 */
export function registerCheckCommand(program: Command, text: CliText): void {
  const { t } = text;
  program
    .command('check <file>')
    .description(t('help.check.description'))
    .option('--json', t('help.check.json'))
    .option('--trials <n>', t('help.check.trials'), integer(text, 'trials', 100, 1_000_000), DEFAULT_TRIALS)
    .option('--seed <s>', t('help.check.seed'), integer(text, 'seed', 0, 2 ** 32 - 1), 1)
    .option('--matrix <id>', t('help.check.matrix'))
    .option('--min-probability <p>', t('help.check.minProbability'), probability(text))
    .action((file: string, flags: CheckFlags) => {
      const plan = parsePlanOrThrow(parsePlanText(readFileSync(file, 'utf8')));
      const matrices = plan.matrices.filter((m) => flags.matrix === undefined || m.id === flags.matrix);
      // analyseMatrix names a matrix that is not in the plan (not_found, exit 3).
      if (flags.matrix !== undefined && matrices.length === 0) analyseMatrix(plan, flags.matrix);
      const units = new Map(plan.units.map((unit) => [unit.id, unit.name]));
      const report: CheckReport = {
        organisation: { id: plan.organisation.id, name: plan.organisation.name },
        trials: flags.trials,
        seed: flags.seed,
        minProbability: flags.minProbability ?? null,
        passed: false,
        matrices: matrices.map((matrix) => {
          const analysis = analyseMatrix(plan, matrix.id);
          const pressureTest = runSeededPressureTest(analysis.model, flags.seed, {
            trials: flags.trials,
          });
          const minimum = flags.minProbability;
          const belowMinimum =
            minimum === undefined
              ? []
              : pressureTest.targets.filter((t) => t.probability < minimum).map((t) => t.targetId);
          return {
            matrixId: matrix.id,
            unitId: matrix.unitId,
            unitName: units.get(matrix.unitId) ?? matrix.unitId,
            year: matrix.year,
            passed: !hasGateFailure(analysis.findings) && belowMinimum.length === 0,
            belowMinimum,
            findings: analysis.findings,
            capacity: analysis.capacity,
            pressureTest,
          };
        }),
      };
      report.passed = report.matrices.every((m) => m.passed);
      process.stdout.write(
        flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatCheckReport(report, text),
      );
      if (!report.passed) process.exitCode = EXIT_GATES_FAILED;
    });
}
