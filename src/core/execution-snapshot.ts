import type { CycleDates } from './cycle';
import type { KeyResultKind } from './key-result';
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
  const current = latest?.value ?? (readings ? null : kr.current);
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
    lastCheckIn: latest?.date ?? null,
    stale: isStale({ lastCheckIn: latest?.date ?? null, today: asOf, cadence, since: input.cycle.startDate }),
  };
}
