import { translations as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
import type { Locator, Scope } from '../auth/locator';
import { onItemInPath, onMatrixInPath, onOrganisationInPath, readableUnits } from './access-rules';
import type { Services } from '../services';

/** A translation reads the source unit's OKRs and writes (or previews) the target unit's matrix. */
async function sourceAndTarget(
  body: { fromUnitId: string; toUnitId: string },
  locate: Locator,
): Promise<Scope[]> {
  const source = await locate.referenced('fromUnitId', () => locate.unit(body.fromUnitId));
  const target = await locate.referenced('toUnitId', () => locate.unit(body.toUnitId));
  return [{ ...source, need: 'read' }, target];
}

/** Translate, source changes, cascade, trace, strategy map and orphans: the links between levels. */
export function translationRoutes(services: Services): Route[] {
  const { translation, itemLinks, strategyMap } = services;
  return [
    implement(endpoints.preview, {
      access: {
        kind: 'scoped',
        need: 'read',
        scope: ({ body }, locate) => sourceAndTarget(body, locate),
      },
      handler: ({ body }) => translation.preview(body),
    }),
    implement(endpoints.prefill, {
      access: {
        kind: 'scoped',
        need: 'read',
        scope: ({ body }, locate) => sourceAndTarget(body, locate),
      },
      handler: ({ body }) => translation.prefill(body),
    }),
    implement(endpoints.apply, {
      access: {
        kind: 'scoped',
        need: 'edit',
        scope: ({ body }, locate) => sourceAndTarget(body, locate),
      },
      handler: ({ body }) => translation.apply(body),
    }),
    implement(endpoints.acceptSource, {
      access: onItemInPath('edit'),
      handler: ({ params, body }) => itemLinks.accept(params.id, body.version),
    }),
    implement(endpoints.answerSource, {
      access: onItemInPath('edit'),
      handler: ({ params, body }) => itemLinks.answer(params.id, body),
    }),
    implement(endpoints.cascade, {
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
    implement(endpoints.trace, {
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
        const readable = await readableUnits(
          access,
          organisationId,
          steps.map((step) => step.node.unitId),
        );
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
    // Open to every member of the organisation; what sits in units closed to the caller (a
    // sibling branch) is left out, except the units themselves (the structure is members' to read).
    implement(endpoints.strategyMap, {
      access: onOrganisationInPath('member'),
      handler: async ({ params, access }) => {
        const map = await strategyMap.strategyMap(params.id);
        const readable = await readableUnits(
          access,
          params.id,
          map.nodes.map((node) => node.unitId),
        );
        const nodes = map.nodes.filter((node) => node.kind === 'unit' || readable.has(node.unitId));
        const keys = new Set(nodes.map((node) => node.key));
        return {
          ...map,
          nodes,
          edges: map.edges.filter((edge) => keys.has(edge.from) && keys.has(edge.to)),
          orphans: map.orphans.filter((orphan) => readable.has(orphan.unitId)),
        };
      },
    }),
    implement(endpoints.organisationOrphans, {
      access: onOrganisationInPath('member'),
      handler: async ({ params, access }) => {
        const orphans = await strategyMap.organisationOrphans(params.id);
        const readable = await readableUnits(
          access,
          params.id,
          orphans.map((orphan) => orphan.unitId),
        );
        return orphans.filter((orphan) => readable.has(orphan.unitId));
      },
    }),
    implement(endpoints.matrixOrphans, {
      access: onMatrixInPath('read'),
      handler: ({ params }) => strategyMap.matrixOrphans(params.id),
    }),
  ];
}
