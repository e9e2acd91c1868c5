import type { CapacityReport } from '../../core/capacity';
import type { LintFinding } from '../../core/plan-lint';
import type { PressureTestResult, TargetOutlook } from '../../core/pressure-test';
import { notSimulatedReason } from '../../core/simulation-coverage';
import type { CliText } from '../i18n';

/** What `catchball check` found, per X-matrix; printed as text or, with --json, as is. */
export interface CheckReport {
  organisation: { id: string; name: string };
  trials: number;
  seed: number;
  minProbability: number | null;
  passed: boolean;
  matrices: {
    matrixId: string;
    unitId: string;
    unitName: string;
    year: number;
    passed: boolean;
    /** Targets reached with less than --min-probability. */
    belowMinimum: string[];
    findings: LintFinding[];
    capacity: CapacityReport;
    pressureTest: PressureTestResult;
  }[];
}

/**
 * The report's words and numbers in one language; English writes numbers as it always has
 * (`12.5`, `0.5 %`), German and Japanese for their locale (`12,5`, `0,5 %`).
 */
function writer(text: CliText) {
  const { t, num, language, locale } = text;
  const number = (value: number) => num(Math.round(value * 100) / 100);
  const percent = (p: number) => {
    const digits = p < 0.01 && p > 0 ? 1 : 0;
    const shown =
      language === 'en'
        ? (p * 100).toFixed(digits)
        : new Intl.NumberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(p * 100);
    return `${shown} %`;
  };
  const months = (list: readonly number[]) =>
    list.length === 0
      ? ''
      : list.length === 1
        ? t('check.month', { month: list[0] ?? 0 })
        : t('check.months', { first: list[0] ?? 0, last: list.at(-1) ?? 0 });
  return { t, number, percent, months };
}

type Writer = ReturnType<typeof writer>;

function targetLine(
  { t, number, percent }: Writer,
  target: TargetOutlook,
  verdict: string | undefined,
  failed: boolean,
  impactCount: number,
  markCount: number,
): string {
  const reason = notSimulatedReason(impactCount, markCount);
  if (reason) {
    const why =
      reason === 'no_initiative'
        ? t('pressure:notSimulated.noInitiative')
        : t('pressure:notSimulated.noStatedImpact', { count: markCount });
    return `  · ${target.title}\n      ${t('check.notSimulated', { reason: why, kpi: target.kpiId })}`;
  }
  const mark = failed ? '✗' : target.probability >= 0.5 ? '✓' : '!';
  const kind = t('check.kind', { kind: target.kind, unit: target.unitId });
  const goal =
    target.direction === 'band'
      ? `${number(target.target)}-${number(target.targetHigh ?? target.target)}`
      : number(target.target);
  const values = {
    goal,
    percent: percent(target.probability),
    p50: number(target.reachable.p50),
    p80: number(target.reachable.p80),
    p90: number(target.reachable.p90),
  };
  const outlook = verdict ? t('check.targetWithVerdict', { ...values, verdict }) : t('check.target', values);
  return `  ${mark} ${target.title} (${kind})\n      ${outlook}`;
}

/** The readable report: per matrix, each target's outlook, the capacity gaps and the lint findings. */
export function formatCheckReport(report: CheckReport, text: CliText): string {
  const write = writer(text);
  const { t, number, months } = write;
  const lines = [
    t('check.title', {
      name: report.organisation.name,
      id: report.organisation.id,
      trials: text.num(report.trials),
      seed: String(report.seed),
    }),
  ];
  for (const matrix of report.matrices) {
    lines.push(
      '',
      t('check.matrix', { id: matrix.matrixId, unit: matrix.unitName, year: matrix.year }),
      '',
      ` ${t('check.targets')}`,
    );
    const verdicts = new Map(matrix.capacity.verdicts.map((v) => [v.targetId, v.verdict]));
    const impactCounts = new Map(matrix.pressureTest.kpis.map((k) => [k.kpiId, k.impactCount]));
    // The lint's kpi_without_impact finding names the KPI, then the initiatives marked against it.
    const markCounts = new Map(
      matrix.findings
        .filter((f) => f.code === 'kpi_without_impact')
        .map((f) => [f.itemIds[0] ?? '', f.itemIds.length - 1]),
    );
    for (const target of matrix.pressureTest.targets)
      lines.push(
        targetLine(
          write,
          target,
          verdicts.get(target.targetId),
          matrix.belowMinimum.includes(target.targetId),
          impactCounts.get(target.kpiId) ?? 0,
          markCounts.get(target.kpiId) ?? 0,
        ),
      );
    lines.push('', ` ${t('check.capacity')}`);
    if (matrix.capacity.gaps.length === 0 && matrix.capacity.people.every((p) => p.overMonths.length === 0))
      lines.push(`  ✓ ${t('check.covered')}`);
    for (const gap of matrix.capacity.gaps)
      lines.push(
        `  ✗ ${t(gap.reason === 'nobody_holds' ? 'check.nobodyHolds' : 'check.shortBy', {
          skill: gap.skill,
          days: number(gap.personDays),
          months: months(gap.months),
        })}`,
      );
    for (const person of matrix.capacity.people.filter((p) => p.overMonths.length > 0))
      lines.push(
        `  ! ${t('check.overCapacity', {
          name: person.name,
          days: number(person.capacity),
          months: months(person.overMonths),
        })}`,
      );
    lines.push('', ` ${t('check.lint')}`);
    if (matrix.findings.length === 0) lines.push(`  ✓ ${t('check.noFindings')}`);
    // A finding's message stays as core writes it (English); only the web app reads it back into
    // the reader's language (web/components/pressure-test/lint-message.ts).
    const severityWidth = Math.max(t('check.error').length, t('check.warning').length);
    for (const finding of matrix.findings)
      lines.push(
        `  ${finding.severity === 'error' ? `✗ ${t('check.error').padEnd(severityWidth)}` : `! ${t('check.warning').padEnd(severityWidth)}`} ${finding.code}: ${finding.message}`,
      );
  }
  const failed = report.matrices.filter((m) => !m.passed).map((m) => m.matrixId);
  lines.push(
    '',
    report.passed
      ? t('check.passed', { count: report.matrices.length })
      : t('check.failed', { ids: failed.join(', ') }),
    '',
  );
  return lines.join('\n');
}
