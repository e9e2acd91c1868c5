import { z } from 'zod';
import {
  CreateProposalSchema,
  CreateWebhookSchema,
  IdParamsSchema,
  ProposalListQuerySchema,
  ProposalSchema,
  ProposalStepSchema,
  ProposalThreadSchema,
  TargetHistoryEntrySchema,
  UpdateWebhookSchema,
  WebhookSchema,
} from '../../contracts';
import { defineRoute, type Route } from '../route';
import type { Services } from '../services';
import { crudRoutes } from './crud';

/** Catchball proposals and their threads, inboxes, target history and webhooks. */
export function catchballRoutes(services: Services): Route[] {
  const tag = 'Catchball';
  const { catchball } = services;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/proposals',
      tag,
      summary:
        "Throw the ball up: propose a recalibrated target to the parent unit (pre-filled from the pressure test's 80 % value and the capacity gaps)",
      status: 201,
      body: CreateProposalSchema,
      response: ProposalThreadSchema,
      handler: ({ body }) => catchball.create(body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/proposals/:id',
      tag,
      summary: 'A proposal with its thread and the actions open now',
      params: IdParamsSchema,
      response: ProposalThreadSchema,
      handler: ({ params }) => catchball.get(params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/proposals/:id/actions',
      tag,
      summary: 'One step: question, counter, revise, agree, withdraw or reject (send the version you read)',
      params: IdParamsSchema,
      body: ProposalStepSchema,
      response: ProposalThreadSchema,
      handler: ({ params, body }) => catchball.act(params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/units/:id/proposals',
      tag,
      summary: "A unit's catchball inbox: proposals it sent or received",
      params: IdParamsSchema,
      query: ProposalListQuerySchema,
      response: z.array(ProposalSchema),
      handler: ({ params, query }) => catchball.listByUnit(params.id, query.state),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/people/:id/proposals',
      tag,
      summary: "A person's catchball inbox: proposals between units they own",
      params: IdParamsSchema,
      query: ProposalListQuerySchema,
      response: z.array(ProposalSchema),
      handler: ({ params, query }) => catchball.listByPerson(params.id, query.state),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/key-results/:id/target-history',
      tag,
      summary: "Every value a key result's target has had: who, when, why",
      params: IdParamsSchema,
      response: z.array(TargetHistoryEntrySchema),
      handler: ({ params }) => catchball.targetHistory({ kind: 'key_result', id: params.id }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/matrix-items/:id/target-history',
      tag,
      summary: "Every value a KPI's annual target has had: who, when, why",
      params: IdParamsSchema,
      response: z.array(TargetHistoryEntrySchema),
      handler: ({ params }) => catchball.targetHistory({ kind: 'kpi', id: params.id }),
    }),
    ...crudRoutes({
      path: '/api/webhooks',
      noun: 'webhook (per unit, or organisation-wide with unitId null)',
      tag,
      create: CreateWebhookSchema,
      update: UpdateWebhookSchema,
      response: WebhookSchema,
      access: {
        write: 'admin',
        at: (id, locate) => locate.webhook(id),
        into: (body, locate) =>
          body.unitId === null
            ? locate.referenced('organisationId', () => locate.organisation(body.organisationId))
            : locate.referenced('unitId', () => locate.unit(body.unitId as string)),
      },
      service: services.webhooks,
    }),
  ];
}
