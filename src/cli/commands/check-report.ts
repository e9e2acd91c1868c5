import type { CapacityReport } from '../../core/capacity';
import type { LintFinding } from '../../core/plan-lint';
import type { PressureTestResult, TargetOutlook } from '../../core/pressure-test';
import { notSimulatedMessage, notSimulatedReason } from '../../core/simulation-coverage';

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

const percent = (p: number) => `${(p * 100).toFixed(p < 0.01 && p > 0 ? 1 : 0)} %`;
const number = (value: number) => String(Math.round(value * 100) / 100);
const months = (list: readonly number[]) =>
  list.length === 0 ? '' : list.length === 1 ? `month ${list[0]}` : `months ${list[0]}-${list.at(-1)}`;

function targetLine(
  target: TargetOutlook,
  verdict: string | undefined,
  failed: boolean,
  impactCount: number,
  markCount: number,
): string {
  const reason = notSimulatedReason(impactCount, markCount);
  if (reason)
    return `  · ${target.title}\n      not simulated: ${notSimulatedMessage(reason, markCount)} (${target.kpiId})`;
  const mark = failed ? '✗' : target.probability >= 0.5 ? '✓' : '!';
  const kind =
    target.kind === 'key_result' ? `key result of ${target.unitId}` : target.kind.replace('_', ' ');
  const goal =
    target.direction === 'band'
      ? `${number(target.target)}-${number(target.targetHigh ?? target.target)}`
      : number(target.target);
  return `  ${mark} ${target.title} (${kind})\n      target ${goal}: reached in ${percent(target.probability)} of trials; 50 % ${number(target.reachable.p50)}, 80 % ${number(target.reachable.p80)}, 90 % ${number(target.reachable.p90)}${verdict ? `; capacity ${verdict}` : ''}`;
}

/** The readable report: per matrix, each target's outlook, the capacity gaps and the lint findings. */
export function formatCheckReport(report: CheckReport): string {
  const lines = [
    `Plan check of ${report.organisation.name} (${report.organisation.id}): ${report.trials} trials, seed ${report.seed}`,
  ];
  for (const matrix of report.matrices) {
    lines.push('', `X-matrix ${matrix.matrixId}: ${matrix.unitName}, ${matrix.year}`, '', ' Targets');
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
          target,
          verdicts.get(target.targetId),
          matrix.belowMinimum.includes(target.targetId),
          impactCounts.get(target.kpiId) ?? 0,
          markCounts.get(target.kpiId) ?? 0,
        ),
      );
    lines.push('', ' Capacity');
    if (matrix.capacity.gaps.length === 0 && matrix.capacity.people.every((p) => p.overMonths.length === 0))
      lines.push('  ✓ every skill the initiatives need is covered');
    for (const gap of matrix.capacity.gaps)
      lines.push(
        gap.reason === 'nobody_holds'
          ? `  ✗ ${gap.skill}: nobody holds it; ${number(gap.personDays)} person-days needed in ${months(gap.months)}`
          : `  ✗ ${gap.skill}: short by ${number(gap.personDays)} person-days in ${months(gap.months)}`,
      );
    for (const person of matrix.capacity.people.filter((p) => p.overMonths.length > 0))
      lines.push(
        `  ! ${person.name} is planned above capacity (${number(person.capacity)} days) in ${months(person.overMonths)}`,
      );
    lines.push('', ' Lint');
    if (matrix.findings.length === 0) lines.push('  ✓ no findings');
    for (const finding of matrix.findings)
      lines.push(
        `  ${finding.severity === 'error' ? '✗ error  ' : '! warning'} ${finding.code}: ${finding.message}`,
      );
  }
  const failed = report.matrices.filter((m) => !m.passed).map((m) => m.matrixId);
  lines.push(
    '',
    report.passed
      ? `Passed: ${report.matrices.length} X-matri${report.matrices.length === 1 ? 'x' : 'ces'} checked, no gate failed.`
      : `Failed: a publish gate failed in ${failed.join(', ')}.`,
    '',
  );
  return lines.join('\n');
}
