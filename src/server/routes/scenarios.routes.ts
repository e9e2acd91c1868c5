import { implement, type Route } from '../route';
import type { Need } from '../../core/access';
import { onMatrixInPath, onPathId } from './access-rules';
import type { Services } from '../services';
import { scenarios as endpoints } from '../../contracts/endpoints';

/** Saved what-if scenarios: readers of the matrix's unit view and compare; its editors save and apply. */
export function scenarioRoutes(services: Services): Route[] {
  const { scenarios } = services;
  const onScenario = (need: Need) => onPathId(need, (locate, id) => locate.scenario(id));
  return [
    implement(endpoints.createScenario, {
      access: onMatrixInPath('edit'),
      handler: ({ params, body, access }) => scenarios.create(params.id, body, access.personId),
    }),
    implement(endpoints.listScenarios, {
      access: onMatrixInPath('read'),
      handler: ({ params }) => scenarios.list(params.id),
    }),
    implement(endpoints.getScenario, {
      access: onScenario('read'),
      handler: ({ params }) => scenarios.get(params.id),
    }),
    implement(endpoints.updateScenario, {
      access: onScenario('edit'),
      handler: ({ params, body }) => scenarios.update(params.id, body),
    }),
    implement(endpoints.deleteScenario, {
      access: onScenario('edit'),
      handler: async ({ params, query }) => {
        await scenarios.remove(params.id, query.version);
        return undefined;
      },
    }),
    implement(endpoints.compareScenario, {
      access: onScenario('read'),
      handler: ({ params }) => scenarios.compare(params.id),
    }),
    implement(endpoints.previewApplyScenario, {
      access: onScenario('read'),
      handler: ({ params }) => scenarios.previewApply(params.id),
    }),
    implement(endpoints.applyScenario, {
      access: onScenario('edit'),
      handler: ({ params, body }) => scenarios.apply(params.id, body.version),
    }),
  ];
}
