import type { GraphEdge, GraphNode, StrategyGraph } from './strategy-graph';

/** A node reached by a trace, and how many links away from the start it is. */
export interface TraceStep {
  node: GraphNode;
  depth: number;
}

export interface Trace {
  start: GraphNode;
  /** Towards the intent: the objectives and key results above, across units, nearest first. */
  up: TraceStep[];
  /** Towards the work: the items, KPIs, owners and cascaded child items below, nearest first. */
  down: TraceStep[];
  /** The links between the nodes of the trace (start, up and down). */
  edges: GraphEdge[];
}

/**
 * Links a trace follows: strategic ones only. Containment (a unit holding its objectives, a
 * matrix its items) would pull in every sibling; only an objective holding its key results counts.
 */
function isTraceEdge(edge: GraphEdge): boolean {
  return (
    edge.kind !== 'contains' || (edge.from.startsWith('objective:') && edge.to.startsWith('key_result:'))
  );
}

function walk(graph: StrategyGraph, start: string, direction: 'up' | 'down'): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges.filter(isTraceEdge)) {
    const [from, to] = direction === 'down' ? [edge.from, edge.to] : [edge.to, edge.from];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const depth = new Map<string, number>([[start, 0]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i] ?? '';
    for (const neighbour of next.get(current) ?? []) {
      if (depth.has(neighbour)) continue;
      depth.set(neighbour, (depth.get(current) ?? 0) + 1);
      queue.push(neighbour);
    }
  }
  depth.delete(start);
  return depth;
}

/**
 * The chain through one node: everything upstream of it (up to the top objective) and everything
 * downstream (down to the leaf work), across units, breadth first. Returns null for an unknown key.
 */
export function traceNode(graph: StrategyGraph, startKey: string): Trace | null {
  const byKey = new Map(graph.nodes.map((node) => [node.key, node]));
  const start = byKey.get(startKey);
  if (!start) return null;
  const steps = (depths: Map<string, number>): TraceStep[] =>
    [...depths]
      .flatMap(([key, depth]) => {
        const node = byKey.get(key);
        return node ? [{ node, depth }] : [];
      })
      .sort((a, b) => a.depth - b.depth);
  const up = steps(walk(graph, startKey, 'up'));
  const down = steps(walk(graph, startKey, 'down'));
  const inTrace = new Set([startKey, ...up.map((s) => s.node.key), ...down.map((s) => s.node.key)]);
  const upKeys = new Set([startKey, ...up.map((s) => s.node.key)]);
  const downKeys = new Set([startKey, ...down.map((s) => s.node.key)]);
  // An edge belongs to the trace when it runs inside the upstream side or inside the downstream side.
  const edges = graph.edges.filter(
    (edge) =>
      isTraceEdge(edge) &&
      inTrace.has(edge.from) &&
      inTrace.has(edge.to) &&
      ((upKeys.has(edge.from) && upKeys.has(edge.to)) || (downKeys.has(edge.from) && downKeys.has(edge.to))),
  );
  return { start, up, down, edges };
}
