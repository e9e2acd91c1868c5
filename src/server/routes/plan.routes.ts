import { plan as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
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

/** Plan as code over HTTP: the same import and export as the CLI. */
export function planRoutes(services: Services): Route[] {
  return [
    implement(endpoints.exportPlan, {
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
    implement(endpoints.importPlan, {
      access: { kind: 'scoped', need: 'admin', scope: ({ body }) => planScope(body) },
      handler: ({ body, query }) =>
        services.planImport.importPlan(typeof body === 'string' ? parsePlanText(body) : body, {
          replace: query.replace,
          run: query.run,
        }),
    }),
  ];
}
