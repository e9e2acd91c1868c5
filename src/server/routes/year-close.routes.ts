import { yearClose as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
import { onItemInPath, onMatrixInPath } from './access-rules';
import type { Services } from '../services';

/** The year's end: the review, reflections, closing a cycle (its admins) and the roll-over. */
export function yearCloseRoutes(services: Services): Route[] {
  const { yearClose, rollover } = services;
  return [
    implement(endpoints.getYearReview, {
      access: onMatrixInPath('read'),
      handler: ({ params }) => yearClose.review(params.id),
    }),
    implement(endpoints.saveReflection, {
      access: onItemInPath('edit'),
      handler: ({ params, body }) => yearClose.saveReflection(params.id, body),
    }),
    implement(endpoints.getCycleClosure, {
      access: { kind: 'scoped', need: 'member', scope: ({ params }, locate) => locate.cycle(params.id) },
      handler: ({ params }) => yearClose.closureOf(params.id),
    }),
    implement(endpoints.closeCycle, {
      access: { kind: 'scoped', need: 'admin', scope: ({ params }, locate) => locate.cycle(params.id) },
      handler: ({ params, access }) =>
        yearClose.close(params.id, access.principal.kind === 'user' ? access.principal.name : null),
    }),
    implement(endpoints.previewRollover, {
      access: onMatrixInPath('read'),
      handler: ({ params }) => rollover.preview(params.id),
    }),
    implement(endpoints.rollover, {
      access: onMatrixInPath('edit'),
      handler: ({ params, body }) => rollover.rollover(params.id, body.decisions),
    }),
  ];
}
