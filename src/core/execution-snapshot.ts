import type { CycleDates } from './cycle';
import type { KeyResultKind } from './key-result';
import { measuredValue, type MeasuredValue, type MeasureRule, type MeasuringKpi } from './measured-by';
import { keyResultProgress, type ProgressExplanation } from './progress';
import { rollUp } from './rollup';
import { grade, score, type ObjectiveKind, type ScoreGrade } from './scoring';
import { isStale, resolveCadence, type Cadence } from './staleness';
import {
  autoStatus,
  effectiveStatus,
  elapsedShare,
  weakest,
  type EffectiveStatus,
  type StatusOverride,
} from './status';

/** One effective (uncorrected) check-in as the roll-up needs it. */
export interface Reading {
  date: string;
  value: number;
  confidence: number | null;
  /** A manual value recorded over the key result's measuring KPIs. */
  override?: boolean;
}

/** The KPIs measuring a key result and how their values combine. */
export interface KeyResultMeasure {
  rule: MeasureRule;
  weights: Readonly<Record<string, number>>;
  kpis: readonly MeasuringKpi[];
}

/** An objective of the cycle; it counts toward the objective it aligns to, or the one owning the key result it aligns to. */
export interface SnapshotObjective {
  id: string;
  unitId: string;
  title: string;
  kind: ObjectiveKind;
  alignedObjectiveId: string | null;
  alignedKeyResultId: string | null;
}

/** A key result of the cycle with the value and confidence the plan gave it. */
export interface SnapshotKeyResult {
  id: string;
  objectiveId: string;
  title: string;
  kind: KeyResultKind;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  current: number | null;
  weight: number;
  confidence: number | null;
  /** Steps of a milestone result. */
  milestoneCount: number;
}

/** Everything one organisation's cycle needs for progress, status and staleness. */
export interface ExecutionInput {
  cycle: CycleDates;
  units: readonly { id: string; parentId: string | null }[];
  /** In list order; the order of objectives and key results is the order of explanation terms. */
  objectives: readonly SnapshotObjective[];
  keyResults: readonly SnapshotKeyResult[];
  /** Effective check-ins per key result, oldest first. */
  readings: ReadonlyMap<string, readonly Reading[]>;
  /** Owners' status overrides by objective or key result id. */
  overrides: ReadonlyMap<string, StatusOverride>;
  /** Unit cadences set explicitly (units without one inherit). */
  cadences: ReadonlyMap<string, Cadence>;
  /** Key results measured by KPIs, by key result id; absent ones follow their own check-ins. */
  measures?: ReadonlyMap<string, KeyResultMeasure>;
  /** Effective check-ins per measuring KPI, oldest first. */
  kpiReadings?: ReadonlyMap<string, readonly Reading[]>;
}

/** Where a key result's value on a day came from. */
export type ValueSource = 'check_in' | 'plan' | 'kpis' | 'override';

/** A measured key result's KPIs as of the day, and the rule that combined them. */
export interface KeyResultMeasureView extends MeasuredValue {
  rule: MeasureRule;
}

/** A key result as of one day. */
export interface KeyResultView {
  id: string;
  title: string;
  kind: KeyResultKind;
  baseline: number | null;
  target: number | null;
  current: number | null;
  weight: number;
  confidence: number | null;
  progress: number;
  score: number;
  status: EffectiveStatus;
  lastCheckIn: string | null;
  stale: boolean;
  valueSource: ValueSource;
  /** The measuring KPIs, for a key result measured by some; null otherwise. */
  measure: KeyResultMeasureView | null;
}

/** An objective as of one day, with how its progress was computed. */
export interface ObjectiveView {
  id: string;
  unitId: string;
  title: string;
  kind: ObjectiveKind;
  progress: number;
  score: number;
  grade: ScoreGrade;
  status: EffectiveStatus;
  explanation: ProgressExplanation;
  keyResults: KeyResultView[];
}

/** Progress, status and score of every objective and key result of a cycle, as of one day. */
export interface Snapshot {
  asOf: string;
  elapsed: number;
  objectives: Map<string, ObjectiveView>;
  keyResults: Map<string, KeyResultView>;
}

/** The latest reading dated on or before `asOf`. */
export function readingAsOf(readings: readonly Reading[] | undefined, asOf: string): Reading | undefined {
  if (!readings) return undefined;
  let latest: Reading | undefined;
  for (const reading of readings) if (reading.date <= asOf) latest = reading;
  return latest;
}

/**
 * Computes the snapshot; pure, so the dashboard can replay it for every month-end of its health
 * chart. A key result's value on a day is its latest check-in up to that day; one never checked in
 * keeps the value the plan gave it. Objective progress and its explanation come from one roll-up
 * (core/rollup.ts), which also cuts alignment loops; an objective's status is the weakest of its
 * key results and aligned child objectives, unless its owner overrode it. Alignment to an objective
 * outside the cycle counts as none.
 */
export function computeSnapshot(input: ExecutionInput, asOf: string): Snapshot {
  const elapsed = elapsedShare(input.cycle, asOf);
  const parentOfUnit = new Map(input.units.map((unit) => [unit.id, unit.parentId]));
  const objectiveOfKr = new Map(input.keyResults.map((kr) => [kr.id, kr.objectiveId]));
  const byId = new Map(input.objectives.map((objective) => [objective.id, objective]));

  const keyResults = new Map<string, KeyResultView>();
  const krsOf = new Map<string, KeyResultView[]>();
  for (const kr of input.keyResults) {
    const view = keyResultView(
      kr,
      input,
      asOf,
      elapsed,
      byId.get(kr.objectiveId)?.unitId ?? '',
      parentOfUnit,
    );
    keyResults.set(kr.id, view);
    const list = krsOf.get(kr.objectiveId);
    if (list) list.push(view);
    else krsOf.set(kr.objectiveId, [view]);
  }

  const rollup = rollUp(
    input.objectives.map((objective) => {
      const viaKr = objective.alignedKeyResultId
        ? objectiveOfKr.get(objective.alignedKeyResultId)
        : undefined;
      return {
        id: objective.id,
        parentId: objective.alignedObjectiveId ?? viaKr ?? null,
        title: objective.title,
      };
    }),
    input.keyResults.map((kr) => ({
      id: kr.id,
      objectiveId: kr.objectiveId,
      title: kr.title,
      weight: kr.weight,
      progress: keyResults.get(kr.id)?.progress ?? 0,
    })),
  );

  // Children before parents, so a child's status is known when its parent takes the weakest.
  const views = new Map<string, ObjectiveView>();
  for (const id of rollup.bottomUp()) {
    const objective = byId.get(id);
    const explanation = rollup.explain(id);
    if (!objective || !explanation) continue;
    const krs = krsOf.get(id) ?? [];
    const childStatuses = rollup.childrenOf(id).flatMap((child) => views.get(child)?.status.status ?? []);
    const statuses = [...krs.map((view) => view.status.status), ...childStatuses];
    const { progress } = explanation;
    const derived =
      statuses.length > 0 ? weakest(statuses) : autoStatus({ progress, elapsed, confidence: null });
    views.set(id, {
      id,
      unitId: objective.unitId,
      title: objective.title,
      kind: objective.kind,
      progress,
      score: score(progress),
      grade: grade(score(progress), objective.kind),
      status: effectiveStatus(derived, input.overrides.get(id)),
      explanation,
      keyResults: krs,
    });
  }
  // In the input's order, as callers list them.
  const objectives = new Map<string, ObjectiveView>();
  for (const objective of input.objectives) {
    const view = views.get(objective.id);
    if (view) objectives.set(objective.id, view);
  }
  return { asOf, elapsed, objectives, keyResults };
}

function keyResultView(
  kr: SnapshotKeyResult,
  input: ExecutionInput,
  asOf: string,
  elapsed: number,
  unitId: string,
  parentOfUnit: ReadonlyMap<string, string | null>,
): KeyResultView {
  const readings = input.readings.get(kr.id);
  const latest = readingAsOf(readings, asOf);
  const value = currentValue(kr, input, readings, latest, asOf);
  const { current } = value;
  const progress = keyResultProgress({ ...kr, current });
  const confidence = latest?.confidence ?? kr.confidence;
  const { cadence } = resolveCadence(unitId, parentOfUnit, input.cadences);
  return {
    id: kr.id,
    title: kr.title,
    kind: kr.kind,
    baseline: kr.baseline,
    target: kr.target,
    current,
    weight: kr.weight,
    confidence,
    progress,
    score: score(progress),
    status: effectiveStatus(autoStatus({ progress, elapsed, confidence }), input.overrides.get(kr.id)),
    lastCheckIn: value.date,
    stale: isStale({ lastCheckIn: value.date, today: asOf, cadence, since: input.cycle.startDate }),
    valueSource: value.source,
    measure: value.measure,
  };
}

/**
 * A key result's value on a day. Its own latest check-in, else the plan's value while it has none.
 * A measured key result follows its KPIs instead; only a check-in recorded as an override counts
 * over them, and only until a KPI reports a later value. `latest` is the key result's own latest
 * check-in up to the day.
 */
export function currentValue(
  kr: Pick<SnapshotKeyResult, 'id' | 'current'>,
  input: Pick<ExecutionInput, 'measures' | 'kpiReadings'>,
  readings: readonly Reading[] | undefined,
  latest: Reading | undefined,
  asOf: string,
): {
  current: number | null;
  date: string | null;
  source: ValueSource;
  measure: KeyResultMeasureView | null;
} {
  const plan = { current: readings ? null : kr.current, date: null, source: 'plan' as const };
  const spec = input.measures?.get(kr.id);
  if (!spec || spec.kpis.length === 0) {
    if (latest) return { current: latest.value, date: latest.date, source: 'check_in', measure: null };
    return { ...plan, measure: null };
  }
  const measured = measuredValue(
    spec.rule,
    spec.kpis,
    spec.weights,
    (id) => input.kpiReadings?.get(id),
    asOf,
  );
  const measure = { ...measured, rule: spec.rule };
  const override = readingAsOf(
    readings?.filter((reading) => reading.override === true),
    asOf,
  );
  if (override && (measured.date === null || override.date >= measured.date))
    return { current: override.value, date: override.date, source: 'override', measure };
  if (measured.value !== null)
    return { current: measured.value, date: measured.date, source: 'kpis', measure };
  // Until a KPI reports, check-ins made before the key result was measured still stand.
  if (latest) return { current: latest.value, date: latest.date, source: 'check_in', measure };
  const anyKpiReading = spec.kpis.some((kpi) => (input.kpiReadings?.get(kpi.id)?.length ?? 0) > 0);
  return { current: anyKpiReading ? null : plan.current, date: null, source: 'plan', measure };
}
