import { z } from 'zod';
import {
  AcceptSourceSchema,
  AnswerSourceSchema,
  CascadeItemSchema,
  IdParamsSchema,
  MatrixItemSchema,
  OrphanSchema,
  SourceStatusSchema,
  StrategyMapSchema,
  TraceParamsSchema,
  TraceSchema,
  TranslationProposalSchema,
  TranslationResultSchema,
  TranslationScopeSchema,
} from '../../contracts';
import { defineRoute, type Route } from '../route';
import type { Locator, Scope } from '../auth/locator';
import { onItemInPath, onMatrixInPath, onOrganisationInPath } from './access-rules';
import type { Services } from '../services';

const LinkedItemSchema = z.object({ item: MatrixItemSchema, sourceStatus: SourceStatusSchema.nullable() });

/** Translate, source changes, cascade, trace, strategy map and orphans: the links between levels. */
/** A translation reads the source unit's OKRs and writes (or previews) the target unit's matrix. */
async function sourceAndTarget(
  body: { fromUnitId: string; toUnitId: string },
  locate: Locator,
): Promise<Scope[]> {
  const source = await locate.referenced('fromUnitId', () => locate.unit(body.fromUnitId));
  const target = await locate.referenced('toUnitId', () => locate.unit(body.toUnitId));
  return [{ ...source, need: 'read' }, target];
}

export function translationRoutes(services: Services): Route[] {
  const { translation, itemLinks, strategyMap } = services;
  const tag = 'Translate and trace';
  return [
    defineRoute({
      method: 'POST',
      url: '/api/translations/preview',
      tag,
      summary: "Propose a child unit's X-matrix from a parent unit's OKRs for a cycle",
      body: TranslationScopeSchema,
      response: TranslationProposalSchema,
      access: {
        kind: 'scoped',
        need: 'read',
        scope: ({ body }, locate) => sourceAndTarget(body, locate),
      },
      handler: ({ body }) => translation.preview(body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/translations/prefill',
      tag,
      summary: 'Re-fill the grid marks of an edited proposal from its source links (your marks are kept)',
      body: TranslationProposalSchema,
      response: TranslationProposalSchema,
      access: {
        kind: 'scoped',
        need: 'read',
        scope: ({ body }, locate) => sourceAndTarget(body, locate),
      },
      handler: ({ body }) => translation.prefill(body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/translations/apply',
      tag,
      summary: "Write an edited proposal into the child's X-matrix (created or extended) in one transaction",
      status: 201,
      body: TranslationProposalSchema,
      response: TranslationResultSchema,
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: ({ body }, locate) => sourceAndTarget(body, locate),
      },
      handler: ({ body }) => translation.apply(body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/matrix-items/:id/source/accept',
      tag,
      summary: "Accept a changed source: the item takes the source's new text and target",
      params: IdParamsSchema,
      body: AcceptSourceSchema,
      response: LinkedItemSchema,
      access: onItemInPath('edit'),
      handler: ({ params, body }) => itemLinks.accept(params.id, body.version),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/matrix-items/:id/source/answer',
      tag,
      summary: 'Answer a changed source: the item keeps its own text, with a comment saying why',
      params: IdParamsSchema,
      body: AnswerSourceSchema,
      response: LinkedItemSchema,
      access: onItemInPath('edit'),
      handler: ({ params, body }) => itemLinks.answer(params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/matrix-items/:id/cascade',
      tag,
      summary:
        'Cascade an initiative into a unit below as a breakthrough (what) or annual objective (how_far)',
      status: 201,
      params: IdParamsSchema,
      body: CascadeItemSchema,
      response: LinkedItemSchema,
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: async ({ params, body }, locate) => [
          { ...(await locate.matrixItem(params.id)), need: 'read' as const },
          await locate.referenced('toUnitId', () => locate.unit(body.toUnitId)),
        ],
      },
      handler: ({ params, body }) => itemLinks.cascade(params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/trace/:kind/:id',
      tag,
      summary:
        'The chain through an initiative, KPI, key result, objective or item: up to the top, down to the work',
      params: TraceParamsSchema,
      response: TraceSchema,
      access: {
        kind: 'scoped',
        need: 'read',
        scope: ({ params }, locate) => {
          switch (params.kind) {
            case 'key_result':
              return locate.keyResult(params.id);
            case 'objective':
              return locate.objective(params.id);
            case 'initiative':
            case 'kpi':
            case 'item':
              return locate.matrixItem(params.id);
          }
        },
      },
      // The chain may run into units the caller may not read (a sibling's work under a shared
      // objective): those steps, and the edges to them, are left out.
      handler: async ({ params, access }) => {
        const trace = await strategyMap.trace(params.kind, params.id);
        const organisationId = access.scope?.organisationId ?? '';
        const steps = [...trace.up, ...trace.down];
        const units = [...new Set(steps.map((step) => step.node.unitId))];
        const readable = new Set<string>();
        for (const unitId of units)
          if (await access.allows('read', { organisationId, unitId })) readable.add(unitId);
        const isShown = (step: (typeof steps)[number]) => readable.has(step.node.unitId);
        const up = trace.up.filter(isShown);
        const down = trace.down.filter(isShown);
        const keys = new Set([
          trace.start.key,
          ...up.map((step) => step.node.key),
          ...down.map((step) => step.node.key),
        ]);
        const edges = trace.edges.filter((edge) => keys.has(edge.from) && keys.has(edge.to));
        return { ...trace, up, down, edges };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/strategy-map',
      tag,
      summary: 'The whole organisation as a graph: units, OKRs, matrices, items and the links between them',
      params: IdParamsSchema,
      response: StrategyMapSchema,
      access: onOrganisationInPath('read'),
      handler: ({ params }) => strategyMap.strategyMap(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/orphans',
      tag,
      summary:
        'Items with no correlation or alignment, and OKRs nothing below supports, across the organisation',
      params: IdParamsSchema,
      response: z.array(OrphanSchema),
      access: onOrganisationInPath('read'),
      handler: ({ params }) => strategyMap.organisationOrphans(params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/matrices/:id/orphans',
      tag,
      summary: "A matrix's orphans, and its unit's OKRs that nothing below supports",
      params: IdParamsSchema,
      response: z.array(OrphanSchema),
      access: onMatrixInPath('read'),
      handler: ({ params }) => strategyMap.matrixOrphans(params.id),
    }),
  ];
}
