import { keyResultProgress, objectiveProgress, type RollupTerm } from './progress';
import { buildRollup, CHILD_OBJECTIVE_WEIGHT } from './rollup';
import { grade, score } from './scoring';
import { isStale, resolveCadence } from './staleness';
import { autoStatus, effectiveStatus, elapsedShare, weakest } from './status';
import { findParentCycles } from './unit-tree';
import type { KeyResultProgress, ObjectiveProgress } from '../contracts';
import type { ExecutionData, Reading } from '../server/services/execution/execution-data';

/** Progress, status and score of every objective and key result of a cycle, as of one day. */
export interface Snapshot {
  asOf: string;
  elapsed: number;
  objectives: Map<string, ObjectiveProgress>;
  keyResults: Map<string, KeyResultProgress>;
  /** Aligned child objectives per objective, after cutting alignment loops. */
  children: Map<string, string[]>;
}

/** The latest reading dated on or before `asOf`. */
export function readingAsOf(readings: readonly Reading[] | undefined, asOf: string): Reading | undefined {
  if (!readings) return undefined;
  let latest: Reading | undefined;
  for (const reading of readings) if (reading.date <= asOf) latest = reading;
  return latest;
}

/**
 * Computes the snapshot from loaded data; pure, so the dashboard can replay it for every month-end
 * of its health chart. A key result's value on a day is its latest check-in up to that day; one
 * never checked in keeps the value the plan gave it. Objective progress comes from the incremental
 * roll-up (core/rollup.ts), its explanation from the same rule term by term; an objective's status
 * is the weakest of its key results and aligned child objectives, unless its owner overrode it.
 */
export function computeSnapshot(data: ExecutionData, asOf: string): Snapshot {
  const elapsed = elapsedShare(data.cycle, asOf);
  const parentOfUnit = new Map(data.units.map((unit) => [unit.id, unit.parentId]));
  const objectiveOfKr = new Map(data.keyResults.map((kr) => [kr.id, kr.objectiveId]));
  const inCycle = new Set(data.objectives.map((objective) => objective.id));

  const parentLinks = data.objectives.map((objective) => {
    const viaKr = objective.alignedKeyResultId ? objectiveOfKr.get(objective.alignedKeyResultId) : undefined;
    const parentId = objective.alignedObjectiveId ?? viaKr ?? null;
    return { id: objective.id, parentId: parentId !== null && inCycle.has(parentId) ? parentId : null };
  });
  const cut = new Set(findParentCycles(parentLinks).map((cycle) => cycle[0]));
  const nodes = parentLinks.map((link) => (cut.has(link.id) ? { ...link, parentId: null } : link));
  const children = new Map<string, string[]>();
  for (const node of nodes)
    if (node.parentId !== null)
      children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);

  const byId = new Map(data.objectives.map((objective) => [objective.id, objective]));
  const krsOf = new Map<string, string[]>();
  for (const kr of data.keyResults) krsOf.set(kr.objectiveId, [...(krsOf.get(kr.objectiveId) ?? []), kr.id]);
  const keyResults = new Map<string, KeyResultProgress>();
  for (const kr of data.keyResults) {
    const readings = data.readings.get(kr.id);
    const latest = readingAsOf(readings, asOf);
    const current = latest?.value ?? (readings ? null : kr.current);
    const progress = keyResultProgress({ ...kr, current, milestoneCount: kr.milestones.length });
    const confidence = latest?.confidence ?? kr.confidence;
    const unitId = byId.get(kr.objectiveId)?.unitId ?? '';
    const { cadence } = resolveCadence(unitId, parentOfUnit, data.cadences);
    keyResults.set(kr.id, {
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
      status: effectiveStatus(autoStatus({ progress, elapsed, confidence }), data.overrides.get(kr.id)),
      lastCheckIn: latest?.date ?? null,
      stale: isStale({
        lastCheckIn: latest?.date ?? null,
        today: asOf,
        cadence,
        since: data.cycle.startDate,
      }),
    });
  }

  const rollup = buildRollup(
    nodes,
    data.keyResults.map((kr) => ({
      id: kr.id,
      objectiveId: kr.objectiveId,
      weight: kr.weight,
      progress: keyResults.get(kr.id)?.progress ?? 0,
    })),
  );
  const objectives = new Map<string, ObjectiveProgress>();
  const present = (id: string): ObjectiveProgress | undefined => {
    const done = objectives.get(id);
    const objective = byId.get(id);
    if (done || !objective) return done;
    const krs = data.keyResults
      .filter((kr) => kr.objectiveId === id)
      .flatMap((kr) => keyResults.get(kr.id) ?? []);
    const childViews = (children.get(id) ?? []).flatMap((childId) => present(childId) ?? []);
    const terms: RollupTerm[] = [
      ...krs.map((kr) => ({
        kind: 'key_result' as const,
        id: kr.id,
        title: kr.title,
        progress: kr.progress,
        weight: kr.weight,
      })),
      ...childViews.map((child) => ({
        kind: 'objective' as const,
        id: child.id,
        title: child.title,
        progress: child.progress,
        weight: CHILD_OBJECTIVE_WEIGHT,
      })),
    ];
    const explanation = objectiveProgress(terms);
    const progress = rollup.objectiveProgress(id) ?? explanation.progress;
    const childStatuses = [...krs, ...childViews].map((child) => child.status.status);
    const derived =
      childStatuses.length > 0 ? weakest(childStatuses) : autoStatus({ progress, elapsed, confidence: null });
    const view: ObjectiveProgress = {
      id,
      unitId: objective.unitId,
      title: objective.title,
      kind: objective.kind,
      progress,
      score: score(progress),
      grade: grade(score(progress), objective.kind),
      status: effectiveStatus(derived, data.overrides.get(id)),
      explanation,
      keyResults: krs,
    };
    objectives.set(id, view);
    return view;
  };
  for (const objective of data.objectives) present(objective.id);
  return { asOf, elapsed, objectives, keyResults, children };
}
