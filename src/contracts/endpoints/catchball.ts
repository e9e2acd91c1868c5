import { z } from 'zod';
import {
  CreateProposalSchema,
  CreateWebhookSchema,
  ProposalListQuerySchema,
  ProposalSchema,
  ProposalStepSchema,
  ProposalThreadSchema,
  TargetHistoryEntrySchema,
  UpdateWebhookSchema,
  WebhookDeliveryListSchema,
  WebhookDeliveryQuerySchema,
  WebhookSchema,
} from '../catchball';
import { IdParamsSchema } from '../common';
import { defineCrudEndpoints } from '../crud-endpoints';
import { defineEndpoint } from '../endpoint';

const tag = 'Catchball';

export const createProposal = defineEndpoint({
  method: 'POST',
  path: '/api/proposals',
  tag,
  summary:
    "Throw the ball up: propose a recalibrated target to the parent unit (pre-filled from the pressure test's 80 % value and the capacity gaps)",
  status: 201,
  body: CreateProposalSchema,
  response: ProposalThreadSchema,
});

export const getProposal = defineEndpoint({
  method: 'GET',
  path: '/api/proposals/:id',
  tag,
  summary: 'A proposal with its thread and the actions open now',
  params: IdParamsSchema,
  response: ProposalThreadSchema,
});

export const actOnProposal = defineEndpoint({
  method: 'POST',
  path: '/api/proposals/:id/actions',
  tag,
  summary: 'One step: question, counter, revise, agree, withdraw or reject (send the version you read)',
  params: IdParamsSchema,
  body: ProposalStepSchema,
  response: ProposalThreadSchema,
});

export const listUnitProposals = defineEndpoint({
  method: 'GET',
  path: '/api/units/:id/proposals',
  tag,
  summary: "A unit's catchball inbox: proposals it sent or received",
  params: IdParamsSchema,
  query: ProposalListQuerySchema,
  response: z.array(ProposalSchema),
});

export const listPersonProposals = defineEndpoint({
  method: 'GET',
  path: '/api/people/:id/proposals',
  tag,
  summary: "A person's catchball inbox: proposals between units they own",
  params: IdParamsSchema,
  query: ProposalListQuerySchema,
  response: z.array(ProposalSchema),
});

export const keyResultTargetHistory = defineEndpoint({
  method: 'GET',
  path: '/api/key-results/:id/target-history',
  tag,
  summary: "Every value a key result's target has had: who, when, why",
  params: IdParamsSchema,
  response: z.array(TargetHistoryEntrySchema),
});

export const kpiTargetHistory = defineEndpoint({
  method: 'GET',
  path: '/api/matrix-items/:id/target-history',
  tag,
  summary: "Every value a KPI's annual target has had: who, when, why",
  params: IdParamsSchema,
  response: z.array(TargetHistoryEntrySchema),
});

export const webhooks = defineCrudEndpoints({
  path: '/api/webhooks',
  noun: 'webhook (per unit, or organisation-wide with unitId null)',
  tag,
  create: CreateWebhookSchema,
  update: UpdateWebhookSchema,
  response: WebhookSchema,
});

export const listWebhooks = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/webhooks',
  tag,
  summary: "The organisation's webhooks: the organisation-wide one first, then each unit's own",
  params: IdParamsSchema,
  response: z.array(WebhookSchema),
});

export const listWebhookDeliveries = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/webhook-deliveries',
  tag,
  summary:
    "The webhook delivery log, newest first: each message's event, target URL, last status code, attempts, next retry and error",
  params: IdParamsSchema,
  query: WebhookDeliveryQuerySchema,
  response: WebhookDeliveryListSchema,
});
