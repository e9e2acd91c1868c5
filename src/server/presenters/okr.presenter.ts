import type { KeyResult, Objective, ObjectiveWithKeyResults } from '../../contracts';
import type { Row } from '../db/versioned';

export function presentObjective(row: Row<'objectives'>): Objective {
  return {
    id: row.id,
    unitId: row.unitId,
    cycleId: row.cycleId,
    title: row.title,
    description: row.description,
    kind: row.kind,
    alignedObjectiveId: row.alignedObjectiveId,
    alignedKeyResultId: row.alignedKeyResultId,
    position: row.position,
    version: row.version,
  };
}

export function presentKeyResult(row: Row<'keyResults'>): KeyResult {
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    title: row.title,
    kind: row.kind,
    unitOfMeasure: row.unitOfMeasure,
    baseline: row.baseline,
    target: row.target,
    targetHigh: row.targetHigh,
    current: row.current,
    weight: row.weight,
    ownerId: row.ownerId,
    confidence: row.confidence,
    dueDate: row.dueDate,
    milestones: row.milestones,
    measureRule: row.measureRule,
    measureWeights: row.measureWeights,
    position: row.position,
    version: row.version,
  };
}

/** Objectives with their key results nested, both in display order. */
export function presentOkrs(
  objectives: readonly Row<'objectives'>[],
  keyResults: readonly Row<'keyResults'>[],
): ObjectiveWithKeyResults[] {
  return objectives.map((objective) => ({
    ...presentObjective(objective),
    keyResults: keyResults.filter((kr) => kr.objectiveId === objective.id).map(presentKeyResult),
  }));
}
