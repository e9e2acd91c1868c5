import { CORNER_GRIDS, type CornerGridId } from './correlation';
import { collectSubtree } from './unit-tree';
import type { GraphInput, NodeKind } from './strategy-graph';
import { DEFAULT_PART_NAMES, type MatrixPart } from './x-matrix-parts';

/** Why an item is an orphan: the checks practitioners run on an X-matrix and on a cascade. */
export const ORPHAN_REASONS = [
  'unsupported_breakthrough',
  'annual_without_initiative',
  'initiative_without_kpi',
  'initiative_without_owner',
  'kpi_without_owner',
  'empty_grid_line',
  'unaligned_objective',
  'unsupported_parent_objective',
  'unsupported_parent_key_result',
] as const;
export type OrphanReason = (typeof ORPHAN_REASONS)[number];

export interface Orphan {
  reason: OrphanReason;
  kind: NodeKind;
  id: string;
  title: string;
  unitId: string;
  part: MatrixPart | null;
  matrixId: string | null;
  /** For `empty_grid_line`: the grid whose row or column has no mark. */
  grid: CornerGridId | null;
  message: string;
}

// The grid each part's own "nothing supports it" check covers; other empty lines are reported generically.
const SPECIFIC: Partial<Record<MatrixPart, { grid: CornerGridId; reason: OrphanReason; message: string }>> = {
  what: {
    grid: 'what_how_far',
    reason: 'unsupported_breakthrough',
    message: 'no annual objective supports this breakthrough',
  },
  how_far: {
    grid: 'how_far_how',
    reason: 'annual_without_initiative',
    message: 'no initiative serves this annual objective',
  },
  how: { grid: 'how_how_much', reason: 'initiative_without_kpi', message: 'no KPI measures this initiative' },
};

/** The orphans of every matrix in the input: unmarked grid lines, KPIs and initiatives without owners. */
export function findMatrixOrphans(
  input: Pick<GraphInput, 'matrices' | 'items' | 'correlations' | 'ownerships'>,
): Orphan[] {
  const unitOf = new Map(input.matrices.map((m) => [m.id, m.unitId]));
  const marked = new Set(input.correlations.flatMap((c) => [`${c.grid}|${c.fromId}`, `${c.grid}|${c.toId}`]));
  const primaries = new Set(input.ownerships.map((o) => o.initiativeId));
  const orphans: Orphan[] = [];
  for (const item of input.items) {
    const at = {
      kind: 'item' as const,
      id: item.id,
      title: item.title,
      unitId: unitOf.get(item.matrixId) ?? '',
      part: item.part,
      matrixId: item.matrixId,
    };
    for (const grid of CORNER_GRIDS) {
      if (!(grid.parts as readonly string[]).includes(item.part) || marked.has(`${grid.id}|${item.id}`))
        continue;
      const specific = SPECIFIC[item.part];
      if (specific?.grid === grid.id)
        orphans.push({ ...at, reason: specific.reason, grid: grid.id, message: specific.message });
      else if (!specific || specific.grid !== grid.id)
        orphans.push({
          ...at,
          reason: 'empty_grid_line',
          grid: grid.id,
          message: `no mark in the ${grid.corner} grid (${grid.parts.map((part) => DEFAULT_PART_NAMES[part]).join(' × ')})`,
        });
    }
    if (item.part === 'how_much' && item.ownerId === null)
      orphans.push({ ...at, reason: 'kpi_without_owner', grid: null, message: 'this KPI has no owner' });
    if (item.part === 'how' && !primaries.has(item.id))
      orphans.push({
        ...at,
        reason: 'initiative_without_owner',
        grid: null,
        message: 'no one in the Who block owns this initiative',
      });
  }
  return orphans;
}

/**
 * OKR orphans: objectives of a unit below the top that align to nothing, and objectives and key
 * results of a unit with child units that nothing below supports (no aligned child objective,
 * no child matrix item translated from them).
 */
export function findOkrOrphans(input: GraphInput): Orphan[] {
  const orphans: Orphan[] = [];
  const unitById = new Map(input.units.map((unit) => [unit.id, unit]));
  const unitOfMatrix = new Map(input.matrices.map((m) => [m.id, m.unitId]));
  const unitOfObjective = new Map(input.objectives.map((o) => [o.id, o.unitId]));
  const objectiveOfKr = new Map(input.keyResults.map((kr) => [kr.id, kr.objectiveId]));
  // Who supports what: (supported objective or key result id) → units that support it.
  const supporters = new Map<string, string[]>();
  const support = (target: string | null, unitId: string) => {
    if (target) supporters.set(target, [...(supporters.get(target) ?? []), unitId]);
  };
  for (const objective of input.objectives) {
    support(
      objective.alignedObjectiveId ? `objective:${objective.alignedObjectiveId}` : null,
      objective.unitId,
    );
    support(
      objective.alignedKeyResultId ? `key_result:${objective.alignedKeyResultId}` : null,
      objective.unitId,
    );
  }
  for (const item of input.items) {
    const unitId = unitOfMatrix.get(item.matrixId) ?? '';
    support(item.sourceObjectiveId ? `objective:${item.sourceObjectiveId}` : null, unitId);
    support(item.sourceKeyResultId ? `key_result:${item.sourceKeyResultId}` : null, unitId);
  }
  const supportedBelow = (key: string, unitId: string): boolean => {
    const below = new Set(collectSubtree(input.units, unitId).slice(1));
    return (supporters.get(key) ?? []).some((supporter) => below.has(supporter));
  };
  const hasChildren = (unitId: string) => input.units.some((unit) => unit.parentId === unitId);
  const base = { part: null, matrixId: null, grid: null };
  for (const objective of input.objectives) {
    const unit = unitById.get(objective.unitId);
    const at = {
      ...base,
      kind: 'objective' as const,
      id: objective.id,
      title: objective.title,
      unitId: objective.unitId,
    };
    if (unit?.parentId && !objective.alignedObjectiveId && !objective.alignedKeyResultId)
      orphans.push({
        ...at,
        reason: 'unaligned_objective',
        message: 'this objective aligns to no objective or key result above',
      });
    const krSupported = input.keyResults.some(
      (kr) => kr.objectiveId === objective.id && supportedBelow(`key_result:${kr.id}`, objective.unitId),
    );
    if (
      hasChildren(objective.unitId) &&
      !krSupported &&
      !supportedBelow(`objective:${objective.id}`, objective.unitId)
    )
      orphans.push({
        ...at,
        reason: 'unsupported_parent_objective',
        message: 'nothing in the units below supports this objective',
      });
  }
  for (const kr of input.keyResults) {
    const unitId = unitOfObjective.get(objectiveOfKr.get(kr.id) ?? '') ?? '';
    if (hasChildren(unitId) && !supportedBelow(`key_result:${kr.id}`, unitId))
      orphans.push({
        ...base,
        kind: 'key_result',
        id: kr.id,
        title: kr.title,
        unitId,
        reason: 'unsupported_parent_key_result',
        message: 'nothing in the units below supports this key result',
      });
  }
  return orphans;
}
