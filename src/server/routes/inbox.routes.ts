import { inbox as endpoints } from '../../contracts/endpoints';
import { implement, type Route } from '../route';
import type { Services } from '../services';

/**
 * What waits for the signed-in person, and what they may do on a proposal. Both answer for the
 * caller's own person in the organisation concerned (none for an API token or an account without
 * one), so nobody reads another person's inbox through them.
 */
export function inboxRoutes(services: Services): Route[] {
  const { inbox, catchball } = services;
  return [
    implement(endpoints.getMyInbox, {
      access: {
        kind: 'scoped',
        need: 'member',
        scope: ({ query }, locate) => locate.organisation(query.org),
      },
      handler: ({ query, access }) =>
        inbox.of(query.org, access.principal.kind === 'user' ? access.personId : null),
    }),
    implement(endpoints.getMyProposalActions, {
      access: { kind: 'scoped', need: 'read', scope: ({ params }, locate) => locate.proposal(params.id) },
      handler: ({ params, access }) =>
        catchball.actionsFor(params.id, access.principal.kind === 'user' ? access.personId : null),
    }),
  ];
}
