import { z } from 'zod';
import { IdParamsSchema, IdSchema, PlanDocumentSchema } from '../../contracts';
import { defineRoute, type Route } from '../route';
import { notFound } from '../errors';
import type { Scope } from '../auth/locator';
import type { Services } from '../services';
import { formatPlan, parsePlanText } from '../services/plan/plan-format';

/**
 * Importing a plan administers its organisation: an organisation admin may re-import theirs; a new
 * organisation (nobody holds a role in it yet) can only be brought in by a site administrator.
 */
function planScope(body: unknown): Scope {
  const plan = typeof body === 'string' ? parsePlanText(body) : body;
  const organisation = (plan as { organisation?: { id?: unknown } } | null)?.organisation;
  return { organisationId: typeof organisation?.id === 'string' ? organisation.id : '', unitId: null };
}

const ImportSummarySchema = z.object({
  organisationId: IdSchema,
  replaced: z.boolean(),
  counts: z.record(z.string(), z.number()),
});

/** Plan as code over HTTP: the same import and export as the CLI. */
export function planRoutes(services: Services): Route[] {
  const tag = 'Plan documents';
  return [
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/plan',
      tag,
      summary: 'Export the organisation (or one unit subtree) as a plan document',
      params: IdParamsSchema,
      query: z.object({ format: z.enum(['json', 'yaml']).default('json'), unitId: IdSchema.optional() }),
      response: PlanDocumentSchema,
      access: {
        kind: 'scoped',
        need: 'read',
        scope: async ({ params, query }, locate) => {
          if (!query.unitId) return locate.organisation(params.id);
          const unit = await locate.unit(query.unitId);
          if (unit.organisationId !== params.id) throw notFound('unit', query.unitId);
          return unit;
        },
      },
      handler: async ({ params, query, reply }) => {
        const plan = await services.planExport.exportPlan(
          params.id,
          query.unitId ? { unitId: query.unitId } : {},
        );
        if (query.format === 'json') return plan;
        void reply.type('application/yaml; charset=utf-8');
        return formatPlan(plan, 'yaml') as unknown as typeof plan;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/plan',
      tag,
      status: 201,
      summary:
        'Import a plan document (JSON or YAML): all of it in one transaction, or nothing, with every problem listed',
      query: z.object({
        replace: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true'),
      }),
      body: z.unknown(),
      bodyContentTypes: ['application/yaml'],
      response: ImportSummarySchema,
      access: { kind: 'scoped', need: 'admin', scope: ({ body }) => planScope(body) },
      handler: ({ body, query }) =>
        services.planImport.importPlan(typeof body === 'string' ? parsePlanText(body) : body, {
          replace: query.replace,
        }),
    }),
  ];
}
