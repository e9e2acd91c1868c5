import { implement, type Route } from '../route';
import { onItemInPath, onOrganisationInPath, onUnitInPath } from './access-rules';
import { DomainError } from '../../core/errors';
import type { AccessContext } from '../auth/authorizer';
import type { Services } from '../services';
import { crudRoutes } from './crud';
import { catchball as endpoints } from '../../contracts/endpoints';

/**
 * Who throws the ball: the signed-in user's person. Naming someone else is refused, except for a
 * site administrator acting for a unit owner (the audit trail records the administrator).
 */
function actorOf(access: AccessContext, requested: string | undefined): string {
  const { principal } = access;
  if (principal.kind === 'user' && principal.isSiteAdmin && requested !== undefined) return requested;
  if (principal.kind !== 'user')
    throw new DomainError('forbidden', 'Catchball is between people: sign in as the unit owner');
  if (access.personId === null)
    throw new DomainError('forbidden', 'Your account is not linked to a person of this organisation');
  if (requested !== undefined && requested !== access.personId)
    throw new DomainError('forbidden', `You act as yourself (${access.personId}), not as ${requested}`);
  return access.personId;
}

/** Catchball proposals and their threads, inboxes, target history and webhooks. */
export function catchballRoutes(services: Services): Route[] {
  const { catchball } = services;
  return [
    implement(endpoints.createProposal, {
      access: {
        kind: 'scoped',
        need: 'read',
        scope: ({ body }, locate) => locate.referenced('matrixId', () => locate.matrix(body.matrixId)),
      },
      handler: ({ body, access }) => catchball.create({ ...body, actorId: actorOf(access, body.actorId) }),
    }),
    implement(endpoints.getProposal, {
      access: { kind: 'scoped', need: 'read', scope: ({ params }, locate) => locate.proposal(params.id) },
      handler: ({ params }) => catchball.get(params.id),
    }),
    implement(endpoints.actOnProposal, {
      access: { kind: 'scoped', need: 'read', scope: ({ params }, locate) => locate.proposal(params.id) },
      handler: ({ params, body, access }) =>
        catchball.act(params.id, { ...body, actorId: actorOf(access, body.actorId) }),
    }),
    implement(endpoints.listUnitProposals, {
      access: onUnitInPath('read'),
      handler: ({ params, query }) => catchball.listByUnit(params.id, query.state),
    }),
    implement(endpoints.listPersonProposals, {
      access: { kind: 'scoped', need: 'member', scope: ({ params }, locate) => locate.person(params.id) },
      // Only the proposals whose units the caller may read.
      handler: async ({ params, query, access }) => {
        const proposals = await catchball.listByPerson(params.id, query.state);
        const visible = await Promise.all(
          proposals.map((proposal) =>
            access.allows('read', { organisationId: proposal.organisationId, unitId: proposal.childUnitId }),
          ),
        );
        return proposals.filter((_proposal, index) => visible[index]);
      },
    }),
    implement(endpoints.keyResultTargetHistory, {
      access: { kind: 'scoped', need: 'read', scope: ({ params }, locate) => locate.keyResult(params.id) },
      handler: ({ params }) => catchball.targetHistory({ kind: 'key_result', id: params.id }),
    }),
    implement(endpoints.kpiTargetHistory, {
      access: onItemInPath('read'),
      handler: ({ params }) => catchball.targetHistory({ kind: 'kpi', id: params.id }),
    }),
    ...crudRoutes({
      endpoints: endpoints.webhooks,
      // A webhook URL is a secret (whoever has it may post into the channel): admins only, as digest settings.
      access: {
        read: 'admin',
        write: 'admin',
        at: (id, locate) => locate.webhook(id),
        into: (body, locate) =>
          body.unitId === null
            ? locate.referenced('organisationId', () => locate.organisation(body.organisationId))
            : locate.referenced('unitId', () => locate.unit(body.unitId as string)),
      },
      service: services.webhooks,
    }),
    implement(endpoints.listWebhooks, {
      access: onOrganisationInPath('admin'),
      handler: ({ params }) => services.webhooks.list(params.id),
    }),
    // The log shows target URLs, which are secrets like the hooks themselves: organisation admins only.
    implement(endpoints.listWebhookDeliveries, {
      access: onOrganisationInPath('admin'),
      handler: ({ params, query }) => services.webhooks.deliveries(params.id, query.limit),
    }),
  ];
}
