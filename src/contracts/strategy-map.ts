import { z } from 'zod';
import { CORRELATION_STRENGTHS, CORNER_GRIDS } from '../core/correlation';
import { ORPHAN_REASONS } from '../core/orphans';
import { EDGE_KINDS } from '../core/strategy-graph';
import { MATRIX_PARTS } from '../core/x-matrix-parts';
import { IdSchema } from './common';

/** A node of the strategy graph; `key` is `kind:id`, since ids are unique only within their kind. */
export const GraphNodeSchema = z
  .object({
    key: z.string(),
    id: IdSchema,
    kind: z.enum(['unit', 'objective', 'key_result', 'matrix', 'item']),
    title: z.string(),
    unitId: z.string(),
    part: z.enum(MATRIX_PARTS).nullable(),
    matrixId: IdSchema.nullable(),
    year: z.number().int().nullable(),
  })
  .meta({ id: 'GraphNode' });
export type GraphNode = z.infer<typeof GraphNodeSchema>;

/** A link, pointing downstream (from the intent towards the work). */
export const GraphEdgeSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    kind: z.enum(EDGE_KINDS),
    strength: z.enum(CORRELATION_STRENGTHS).nullable(),
  })
  .meta({ id: 'GraphEdge' });
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

/** An item with no correlation or alignment, or a parent OKR nothing below supports. */
export const OrphanSchema = z
  .object({
    reason: z.enum(ORPHAN_REASONS),
    kind: z.enum(['unit', 'objective', 'key_result', 'matrix', 'item']),
    id: IdSchema,
    title: z.string(),
    unitId: z.string(),
    part: z.enum(MATRIX_PARTS).nullable(),
    matrixId: IdSchema.nullable(),
    grid: z.enum(CORNER_GRIDS.map((grid) => grid.id) as [string, ...string[]]).nullable(),
    message: z.string(),
  })
  .meta({ id: 'Orphan' });
export type Orphan = z.infer<typeof OrphanSchema>;

/** The whole organisation as a graph: units, their OKRs and matrices, and every link between them. */
export const StrategyMapSchema = z
  .object({
    organisationId: IdSchema,
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
    orphans: z.array(OrphanSchema),
  })
  .meta({ id: 'StrategyMap' });
export type StrategyMap = z.infer<typeof StrategyMapSchema>;

const TraceStepSchema = z.object({ node: GraphNodeSchema, depth: z.number().int().min(1) });

/** The chain through one node: up to the top objective, down to the leaf work, across units. */
export const TraceSchema = z
  .object({
    start: GraphNodeSchema,
    up: z.array(TraceStepSchema),
    down: z.array(TraceStepSchema),
    edges: z.array(GraphEdgeSchema),
  })
  .meta({ id: 'Trace' });
export type Trace = z.infer<typeof TraceSchema>;

/** What a trace may start from: an initiative or KPI (matrix items of that part), a key result, an objective, any item. */
export const TRACE_KINDS = ['initiative', 'kpi', 'key_result', 'objective', 'item'] as const;
export const TraceParamsSchema = z.object({ kind: z.enum(TRACE_KINDS), id: IdSchema });
export type TraceKind = (typeof TRACE_KINDS)[number];
