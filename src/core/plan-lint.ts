import type { CapacityReport } from './capacity';
import { findOwnershipProblems } from './ownership';
import {
  findMatrix,
  initiativesMovingEachKpi,
  type FeasibilityMatrix,
  type FeasibilityPlan,
} from './feasibility-model';
import { nounFor, plural } from './plural';
import { titleNumberMismatch } from './title-numbers';
import {
  DEFAULT_PART_NAMES,
  MATRIX_PARTS,
  RECOMMENDED_MAX_ITEMS,
  type MatrixPart,
  type PartNames,
} from './x-matrix-parts';

/**
 * Plan lint: the publish gates of an X-matrix. An `error` finding is a gate (the plan should not
 * be published with it); a `warning` is advice from the literature.
 */
export const LINT_CODES = [
  'unsupported_breakthrough',
  'weakly_supported_breakthrough',
  'initiative_without_kpi',
  'kpi_not_moved',
  'kpi_without_impact',
  'initiative_outside_year',
  'kpi_without_owner',
  'primary_owner_count',
  'owner_over_allocated',
  'too_many_items',
  'hockey_stick',
  'missing_baseline_or_target',
  'skill_gap',
  'title_number_mismatch',
] as const;
export type LintCode = (typeof LINT_CODES)[number];

export const LINT_SEVERITIES = ['error', 'warning'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/** Which baseline and target a measure lacks. */
export type LintMissing = 'both' | 'baseline' | 'target';

/**
 * The values each code's English message is written from, so a reader's language can compose
 * the same sentence (the web app's `pressure:lint.*` messages). Numbers are as the message shows
 * them (shares and loads rounded to whole percent).
 */
export type LintValues = {
  unsupported_breakthrough: { title: string };
  weakly_supported_breakthrough: { title: string };
  initiative_without_kpi: { title: string };
  kpi_not_moved: { title: string };
  /** `count`: the initiatives that mark the KPI. */
  kpi_without_impact: { title: string; count: number };
  /** `extent`: `entirely` outside the year (an error) or `partly` beyond it (a warning). */
  initiative_outside_year: {
    title: string;
    start: string | null;
    end: string | null;
    year: number;
    extent: 'entirely' | 'partly';
  };
  kpi_without_owner: { title: string };
  /** `count`: the primary owners the initiative has. */
  primary_owner_count: { title: string; count: number };
  /** `peak` and `limit` in percent of capacity; `months` 1-12. */
  owner_over_allocated: { name: string; peak: number; limit: number; months: number[] };
  /** `part`: the matrix part; `partName`: its name in the organisation (the default English one unless renamed). */
  too_many_items: { count: number; part: MatrixPart; partName: string; max: number };
  /** `share`: percent of the year's change planned for the last quarter. */
  hockey_stick: { title: string; share: number };
  missing_baseline_or_target: { kind: 'kpi' | 'key_result'; title: string; missing: LintMissing };
  /** `reason` as the capacity gap's; `months` 1-12. */
  skill_gap: {
    reason: 'nobody_holds' | 'demand_exceeds_supply';
    skill: string;
    days: number;
    months: number[];
  };
  title_number_mismatch: {
    kind: 'kpi' | 'key_result' | 'annual_objective';
    title: string;
    target: number | null;
  };
};

/** One finding; `values` are those of its code (see LintValues). */
export type LintFinding = {
  [C in LintCode]: {
    code: C;
    severity: LintSeverity;
    message: string;
    /** Ids of the items (matrix items, key results, people) the finding is about. */
    itemIds: string[];
    values: LintValues[C];
  };
}[LintCode];

export interface LintOptions {
  /** A person's planned load may reach this share of their monthly capacity (default 1 = 100 %). */
  allocationLimit?: number;
  /** Share of a KPI's yearly change planned for the last quarter above which it is a hockey stick (default 0.5). */
  hockeyStickShare?: number;
}

const PART_LIST: Record<
  MatrixPart,
  keyof Pick<FeasibilityMatrix, 'what' | 'howFar' | 'how' | 'howMuch' | 'who'>
> = { what: 'what', how_far: 'howFar', how: 'how', how_much: 'howMuch', who: 'who' };

/** Lints one matrix of a plan; `capacity` is that matrix's capacity report (see capacity.ts). */
export function lintMatrix(
  plan: FeasibilityPlan,
  matrixId: string,
  capacity: CapacityReport,
  options: LintOptions = {},
): LintFinding[] {
  const matrix = findMatrix(plan, matrixId);
  if (!matrix) return [];
  const findings: LintFinding[] = [];
  const add = <C extends LintCode>(
    code: C,
    severity: LintSeverity,
    message: string,
    itemIds: string[],
    values: LintValues[C],
  ) => findings.push({ code, severity, message, itemIds, values } as LintFinding);
  // Marks are undirected: either end may be written first.
  const marks = new Map(
    matrix.correlations.flatMap((c) => [
      [`${c.from}|${c.to}`, c.strength ?? 'medium'],
      [`${c.to}|${c.from}`, c.strength ?? 'medium'],
    ]),
  );
  const names: PartNames = { ...DEFAULT_PART_NAMES, ...plan.organisation?.partNames };

  for (const what of matrix.what) {
    const strengths = matrix.howFar.flatMap((annual) => {
      const strength = marks.get(`${what.id}|${annual.id}`);
      return strength ? [strength] : [];
    });
    if (strengths.length === 0)
      add(
        'unsupported_breakthrough',
        'error',
        `Breakthrough "${what.title}" is supported by no annual objective`,
        [what.id],
        { title: what.title },
      );
    else if (strengths.every((strength) => strength === 'weak'))
      add(
        'weakly_supported_breakthrough',
        'error',
        `Breakthrough "${what.title}" is supported only by weak marks (△); at least one annual objective should support it strongly or clearly`,
        [what.id],
        { title: what.title },
      );
  }

  const moving = initiativesMovingEachKpi(matrix);
  const movesSomeKpi = new Set(matrix.howMuch.flatMap((kpi) => moving.get(kpi.id) ?? []));
  for (const initiative of matrix.how)
    if (!movesSomeKpi.has(initiative.id))
      add(
        'initiative_without_kpi',
        'error',
        `Initiative "${initiative.title}" moves no KPI`,
        [initiative.id],
        {
          title: initiative.title,
        },
      );

  const hasImpact = new Set(matrix.how.flatMap((item) => (item.impacts ?? []).map((impact) => impact.kpi)));
  for (const kpi of matrix.howMuch) {
    const movers = moving.get(kpi.id) ?? [];
    if (movers.length === 0)
      add(
        'kpi_not_moved',
        'error',
        `KPI "${kpi.title}" is moved by no initiative, so nothing in this plan can reach its target`,
        [kpi.id],
        { title: kpi.title },
      );
    else if (!hasImpact.has(kpi.id))
      add(
        'kpi_without_impact',
        'warning',
        `KPI "${kpi.title}" is marked by ${plural(movers.length, 'initiative')} but none states its expected impact, so the pressure test cannot move it`,
        [kpi.id, ...movers],
        { title: kpi.title, count: movers.length },
      );
    if (kpi.ownerId === null)
      add('kpi_without_owner', 'error', `KPI "${kpi.title}" has no owner`, [kpi.id], { title: kpi.title });
    if (kpi.baseline === null || kpi.target === null)
      add(
        'missing_baseline_or_target',
        'error',
        `KPI "${kpi.title}" needs ${missingWords[missingOf(kpi.baseline, kpi.target)]}; without a baseline its progress cannot be measured`,
        [kpi.id],
        { kind: 'kpi', title: kpi.title, missing: missingOf(kpi.baseline, kpi.target) },
      );
    const share = lastQuarterShare(kpi.baseline, kpi.monthlyPlan);
    const limit = options.hockeyStickShare ?? 0.5;
    if (share !== null && share > limit)
      add(
        'hockey_stick',
        'warning',
        `KPI "${kpi.title}" leaves ${Math.round(share * 100)} % of the year's change to the last quarter; spread it across the months`,
        [kpi.id],
        { title: kpi.title, share: Math.round(share * 100) },
      );
  }

  if (matrix.year !== undefined)
    for (const initiative of matrix.how) {
      const start = initiative.startDate ?? null;
      const end = initiative.endDate ?? null;
      const outside = datesOutsideYear(start, end, matrix.year);
      const values = { title: initiative.title, start, end, year: matrix.year };
      if (outside === 'entirely')
        add(
          'initiative_outside_year',
          'error',
          `Initiative "${initiative.title}" runs ${formatRange(initiative.startDate, initiative.endDate)}, entirely outside ${matrix.year}`,
          [initiative.id],
          { ...values, extent: 'entirely' },
        );
      else if (outside === 'partly')
        add(
          'initiative_outside_year',
          'warning',
          `Initiative "${initiative.title}" runs ${formatRange(initiative.startDate, initiative.endDate)}, beyond ${matrix.year}; only its months inside the year count here`,
          [initiative.id],
          { ...values, extent: 'partly' },
        );
    }

  const titles = new Map(matrix.how.map((item) => [item.id, item.title]));
  for (const problem of findOwnershipProblems(
    matrix.how.map((item) => item.id),
    matrix.owners.map((o) => ({ initiativeId: o.initiative, whoId: o.who, role: o.role })),
  )) {
    const title = titles.get(problem.initiativeId) ?? problem.initiativeId;
    add(
      'primary_owner_count',
      'error',
      `Initiative "${title}" has ${problem.primaryCount} primary owners; it needs exactly one`,
      [problem.initiativeId],
      { title, count: problem.primaryCount },
    );
  }

  const allocationLimit = options.allocationLimit ?? 1;
  for (const person of capacity.people) {
    const over = person.load.flatMap((load, m) =>
      load > person.capacity * allocationLimit + 1e-9 ? [m + 1] : [],
    );
    if (over.length > 0) {
      const peak = Math.round((Math.max(...person.load) / Math.max(person.capacity, 1e-9)) * 100);
      const limit = Math.round(allocationLimit * 100);
      add(
        'owner_over_allocated',
        'error',
        `${person.name} is planned at up to ${peak} % of capacity (limit ${limit} %) in ${nounFor(over.length, 'month')} ${over.join(', ')}`,
        [person.personId],
        { name: person.name, peak, limit, months: over },
      );
    }
  }

  for (const part of MATRIX_PARTS) {
    const count = matrix[PART_LIST[part]].length;
    if (count > RECOMMENDED_MAX_ITEMS[part])
      add(
        'too_many_items',
        'warning',
        `${plural(count, 'item')} in ${names[part]}; at most ${RECOMMENDED_MAX_ITEMS[part]} are recommended`,
        matrix[PART_LIST[part]].map((item) => item.id),
        { count, part, partName: names[part], max: RECOMMENDED_MAX_ITEMS[part] },
      );
  }

  const keyResultIds = new Set([
    ...matrix.howFar.flatMap((h) => (h.sourceKeyResultId ? [h.sourceKeyResultId] : [])),
    ...matrix.howMuch.flatMap((h) => (h.sourceKeyResultId ? [h.sourceKeyResultId] : [])),
  ]);
  for (const objective of plan.objectives)
    for (const kr of objective.keyResults) {
      const isMetric = kr.kind === 'increase' || kr.kind === 'decrease' || kr.kind === 'band';
      const concerned = objective.unitId === matrix.unitId || keyResultIds.has(kr.id);
      if (concerned && isMetric && (kr.baseline === null || kr.target === null))
        add(
          'missing_baseline_or_target',
          'error',
          `Key result "${kr.title}" needs ${missingWords[missingOf(kr.baseline, kr.target)]}; without a baseline its progress cannot be measured`,
          [kr.id],
          { kind: 'key_result', title: kr.title, missing: missingOf(kr.baseline, kr.target) },
        );
    }

  // A title that states its numbers ("from 24 h to 4 h") must state the target it has now.
  const keyResults = new Map(plan.objectives.flatMap((o) => o.keyResults.map((kr) => [kr.id, kr] as const)));
  const staleTitle = (
    kind: LintValues['title_number_mismatch']['kind'],
    title: string,
    id: string,
    target: number | null,
  ) =>
    add(
      'title_number_mismatch',
      'warning',
      `${KIND_WORDS[kind]} "${title}" states numbers that no longer match its target (${target}); edit the title`,
      [id],
      { kind, title, target },
    );
  const isMetric = (kr: { kind: string }) =>
    kr.kind === 'increase' || kr.kind === 'decrease' || kr.kind === 'band';
  for (const objective of plan.objectives)
    for (const kr of objective.keyResults)
      if (
        objective.unitId === matrix.unitId &&
        isMetric(kr) &&
        titleNumberMismatch(kr.title, kr.target, kr.targetHigh)
      )
        staleTitle('key_result', kr.title, kr.id, kr.target);
  for (const annual of matrix.howFar) {
    const source = annual.sourceKeyResultId ? keyResults.get(annual.sourceKeyResultId) : undefined;
    if (source && isMetric(source) && titleNumberMismatch(annual.title, source.target, source.targetHigh))
      staleTitle('annual_objective', annual.title, annual.id, source.target);
  }
  for (const kpi of matrix.howMuch)
    if (titleNumberMismatch(kpi.title, kpi.target, kpi.targetHigh))
      staleTitle('kpi', kpi.title, kpi.id, kpi.target);

  for (const gap of capacity.gaps) {
    const needing = matrix.how
      .filter((item) => (item.effort ?? []).some((effort) => effort.skill === gap.skill))
      .map((item) => item.id);
    add(
      'skill_gap',
      'error',
      gap.reason === 'nobody_holds'
        ? `Nobody in this matrix holds ${gap.skill}; ${gap.personDays} person-days are needed in months ${gap.months.join(', ')}`
        : `${gap.skill} is short by ${gap.personDays} person-days in months ${gap.months.join(', ')}`,
      needing,
      { reason: gap.reason, skill: gap.skill, days: gap.personDays, months: gap.months },
    );
  }
  return findings;
}

const missingOf = (baseline: number | null, target: number | null): LintMissing =>
  baseline === null && target === null ? 'both' : baseline === null ? 'baseline' : 'target';

const missingWords: Record<LintMissing, string> = {
  both: 'a baseline and a target',
  baseline: 'a baseline',
  target: 'a target',
};

const KIND_WORDS: Record<LintValues['title_number_mismatch']['kind'], string> = {
  kpi: 'KPI',
  key_result: 'Key result',
  annual_objective: 'Annual objective',
};

const formatRange = (start: string | null | undefined, end: string | null | undefined): string =>
  `${start ?? '…'} – ${end ?? '…'}`;

/**
 * Where an initiative's dates lie against the plan year (ISO dates compare as text): `entirely`
 * outside, `partly` (it starts before or ends after it), or null inside it or without dates.
 */
export function datesOutsideYear(
  start: string | null,
  end: string | null,
  year: number,
): 'entirely' | 'partly' | null {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if ((start !== null && start > last) || (end !== null && end < first)) return 'entirely';
  if ((start !== null && start < first) || (end !== null && end > last)) return 'partly';
  return null;
}

/**
 * Share of the year's planned change that falls in the last quarter (months 10-12), or null when
 * the plan cannot tell (no baseline, gaps at the ends, or no change at all).
 */
export function lastQuarterShare(
  baseline: number | null,
  plan: readonly (number | null)[] | null,
): number | null {
  if (baseline === null || !plan) return null;
  const end = plan[11];
  const september = plan[8];
  if (end === null || end === undefined || september === null || september === undefined) return null;
  const total = end - baseline;
  if (Math.abs(total) < 1e-9) return null;
  return (end - september) / total;
}

/** Whether any finding is a gate. */
export function hasGateFailure(findings: readonly LintFinding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}
