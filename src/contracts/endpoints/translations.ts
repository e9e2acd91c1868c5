import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { OrphanSchema, StrategyMapSchema, TraceParamsSchema, TraceSchema } from '../strategy-map';
import {
  LinkedItemSchema,
  TranslationProposalSchema,
  TranslationResultSchema,
  TranslationScopeSchema,
} from '../translation';
import { AcceptSourceSchema, AnswerSourceSchema, CascadeItemSchema } from '../translation-links';

const tag = 'Translate and trace';

export const preview = defineEndpoint({
  method: 'POST',
  path: '/api/translations/preview',
  tag,
  summary: "Propose a child unit's X-matrix from a parent unit's OKRs for a cycle",
  body: TranslationScopeSchema,
  response: TranslationProposalSchema,
});

export const prefill = defineEndpoint({
  method: 'POST',
  path: '/api/translations/prefill',
  tag,
  summary: 'Re-fill the grid marks of an edited proposal from its source links (your marks are kept)',
  body: TranslationProposalSchema,
  response: TranslationProposalSchema,
});

export const apply = defineEndpoint({
  method: 'POST',
  path: '/api/translations/apply',
  tag,
  summary: "Write an edited proposal into the child's X-matrix (created or extended) in one transaction",
  status: 201,
  body: TranslationProposalSchema,
  response: TranslationResultSchema,
});

export const acceptSource = defineEndpoint({
  method: 'POST',
  path: '/api/matrix-items/:id/source/accept',
  tag,
  summary: "Accept a changed source: the item takes the source's new text and target",
  params: IdParamsSchema,
  body: AcceptSourceSchema,
  response: LinkedItemSchema,
});

export const answerSource = defineEndpoint({
  method: 'POST',
  path: '/api/matrix-items/:id/source/answer',
  tag,
  summary: 'Answer a changed source: the item keeps its own text, with a comment saying why',
  params: IdParamsSchema,
  body: AnswerSourceSchema,
  response: LinkedItemSchema,
});

export const cascade = defineEndpoint({
  method: 'POST',
  path: '/api/matrix-items/:id/cascade',
  tag,
  summary: 'Cascade an initiative into a unit below as a breakthrough (what) or annual objective (how_far)',
  status: 201,
  params: IdParamsSchema,
  body: CascadeItemSchema,
  response: LinkedItemSchema,
});

export const trace = defineEndpoint({
  method: 'GET',
  path: '/api/trace/:kind/:id',
  tag,
  summary:
    'The chain through an initiative, KPI, key result, objective or item: up to the top, down to the work',
  params: TraceParamsSchema,
  response: TraceSchema,
});

export const strategyMap = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/strategy-map',
  tag,
  summary: 'The whole organisation as a graph: units, OKRs, matrices, items and the links between them',
  params: IdParamsSchema,
  response: StrategyMapSchema,
});

export const organisationOrphans = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/orphans',
  tag,
  summary: 'Items with no correlation or alignment, and OKRs nothing below supports, across the organisation',
  params: IdParamsSchema,
  response: z.array(OrphanSchema),
});

export const matrixOrphans = defineEndpoint({
  method: 'GET',
  path: '/api/matrices/:id/orphans',
  tag,
  summary: "A matrix's orphans, and its unit's OKRs that nothing below supports",
  params: IdParamsSchema,
  response: z.array(OrphanSchema),
});
