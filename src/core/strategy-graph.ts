import type { CornerGridId, CorrelationStrength } from './correlation';
import type { MatrixPart } from './x-matrix-parts';

/**
 * The organisation's strategy as one directed graph. Edges point downstream, from the intent
 * towards the work: unit → child unit, objective → key result, parent OKR → aligned child
 * objective, objective or key result → the matrix item translated from it, initiative → the
 * child item it cascaded to, and along the X: What → How Far → How → How Much, What → How Much,
 * How → Who. Node keys are `kind:id`, since ids are unique only within their kind.
 */

export interface GraphInput {
  units: readonly { id: string; name: string; parentId: string | null }[];
  objectives: readonly {
    id: string;
    unitId: string;
    title: string;
    alignedObjectiveId: string | null;
    alignedKeyResultId: string | null;
  }[];
  keyResults: readonly { id: string; objectiveId: string; title: string }[];
  matrices: readonly { id: string; unitId: string; year: number }[];
  items: readonly {
    id: string;
    matrixId: string;
    part: MatrixPart;
    title: string;
    ownerId: string | null;
    sourceObjectiveId: string | null;
    sourceKeyResultId: string | null;
    sourceItemId: string | null;
  }[];
  correlations: readonly {
    grid: CornerGridId;
    fromId: string;
    toId: string;
    strength: CorrelationStrength;
  }[];
  ownerships: readonly { initiativeId: string; whoId: string }[];
}

export type NodeKind = 'unit' | 'objective' | 'key_result' | 'matrix' | 'item';

export interface GraphNode {
  key: string;
  id: string;
  kind: NodeKind;
  title: string;
  unitId: string;
  /** Items only: the part of the X the item belongs to. */
  part: MatrixPart | null;
  /** Matrices and items: the X-matrix and its year. */
  matrixId: string | null;
  year: number | null;
}

export const EDGE_KINDS = ['contains', 'aligns', 'translates', 'cascades', 'correlates', 'owns'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  strength: CorrelationStrength | null;
}

export interface StrategyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const nodeKey = (kind: NodeKind, id: string): string => `${kind}:${id}`;

// Correlations are stored in the grid's clockwise order; the graph wants them pointing downstream.
const DOWNSTREAM_ORDER: Record<CornerGridId, 'as_stored' | 'reversed'> = {
  what_how_far: 'as_stored',
  how_far_how: 'as_stored',
  how_how_much: 'as_stored',
  how_much_what: 'reversed',
};

/** Builds the graph; links to rows that are not in the input are left out rather than dangling. */
export function buildStrategyGraph(input: GraphInput): StrategyGraph {
  const nodes: GraphNode[] = [];
  const base = { part: null, matrixId: null, year: null };
  for (const unit of input.units)
    nodes.push({
      ...base,
      key: nodeKey('unit', unit.id),
      id: unit.id,
      kind: 'unit',
      title: unit.name,
      unitId: unit.id,
    });
  const objectiveUnit = new Map(input.objectives.map((o) => [o.id, o.unitId]));
  for (const objective of input.objectives)
    nodes.push({
      ...base,
      key: nodeKey('objective', objective.id),
      id: objective.id,
      kind: 'objective',
      title: objective.title,
      unitId: objective.unitId,
    });
  for (const kr of input.keyResults)
    nodes.push({
      ...base,
      key: nodeKey('key_result', kr.id),
      id: kr.id,
      kind: 'key_result',
      title: kr.title,
      unitId: objectiveUnit.get(kr.objectiveId) ?? '',
    });
  const matrixById = new Map(input.matrices.map((m) => [m.id, m]));
  for (const matrix of input.matrices)
    nodes.push({
      ...base,
      key: nodeKey('matrix', matrix.id),
      id: matrix.id,
      kind: 'matrix',
      title: `X-matrix ${matrix.year}`,
      unitId: matrix.unitId,
      matrixId: matrix.id,
      year: matrix.year,
    });
  for (const item of input.items) {
    const matrix = matrixById.get(item.matrixId);
    nodes.push({
      key: nodeKey('item', item.id),
      id: item.id,
      kind: 'item',
      title: item.title,
      unitId: matrix?.unitId ?? '',
      part: item.part,
      matrixId: item.matrixId,
      year: matrix?.year ?? null,
    });
  }

  const known = new Set(nodes.map((node) => node.key));
  const edges: GraphEdge[] = [];
  const link = (from: string, to: string, kind: EdgeKind, strength: CorrelationStrength | null = null) => {
    if (known.has(from) && known.has(to)) edges.push({ from, to, kind, strength });
  };
  for (const unit of input.units)
    if (unit.parentId) link(nodeKey('unit', unit.parentId), nodeKey('unit', unit.id), 'contains');
  for (const objective of input.objectives) {
    link(nodeKey('unit', objective.unitId), nodeKey('objective', objective.id), 'contains');
    if (objective.alignedObjectiveId)
      link(nodeKey('objective', objective.alignedObjectiveId), nodeKey('objective', objective.id), 'aligns');
    if (objective.alignedKeyResultId)
      link(nodeKey('key_result', objective.alignedKeyResultId), nodeKey('objective', objective.id), 'aligns');
  }
  for (const kr of input.keyResults)
    link(nodeKey('objective', kr.objectiveId), nodeKey('key_result', kr.id), 'contains');
  for (const matrix of input.matrices)
    link(nodeKey('unit', matrix.unitId), nodeKey('matrix', matrix.id), 'contains');
  for (const item of input.items) {
    const key = nodeKey('item', item.id);
    link(nodeKey('matrix', item.matrixId), key, 'contains');
    if (item.sourceObjectiveId) link(nodeKey('objective', item.sourceObjectiveId), key, 'translates');
    if (item.sourceKeyResultId) link(nodeKey('key_result', item.sourceKeyResultId), key, 'translates');
    if (item.sourceItemId) link(nodeKey('item', item.sourceItemId), key, 'cascades');
  }
  for (const cell of input.correlations) {
    const [up, down] =
      DOWNSTREAM_ORDER[cell.grid] === 'as_stored' ? [cell.fromId, cell.toId] : [cell.toId, cell.fromId];
    link(nodeKey('item', up), nodeKey('item', down), 'correlates', cell.strength);
  }
  for (const owner of input.ownerships)
    link(nodeKey('item', owner.initiativeId), nodeKey('item', owner.whoId), 'owns');
  return { nodes, edges };
}
