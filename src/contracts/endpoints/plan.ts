import { z } from 'zod';
import { IdParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import {
  PlanDocumentSchema,
  PlanExportQuerySchema,
  PlanImportQuerySchema,
  PlanImportSummarySchema,
} from '../plan-document';

const tag = 'Plan documents';

/** JSON answers a plan document; `format=yaml` answers the same document as YAML text. */
export const exportPlan = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/plan',
  tag,
  summary: 'Export the organisation (or one unit subtree) as a plan document',
  params: IdParamsSchema,
  query: PlanExportQuerySchema,
  response: PlanDocumentSchema,
});

/** The body is a plan document as JSON, or YAML text (validated by the import, not here). */
export const importPlan = defineEndpoint({
  method: 'POST',
  path: '/api/plan',
  tag,
  status: 201,
  summary:
    'Import a plan document (JSON or YAML): all of it in one transaction, or nothing, with every problem listed',
  query: PlanImportQuerySchema,
  body: z.unknown(),
  bodyContentTypes: ['application/yaml'],
  response: PlanImportSummarySchema,
});
