import { IdParamsSchema } from '../common';
import { defineEndpoint } from '../endpoint';
import { InboxQuerySchema, InboxSchema, ProposalActionsSchema } from '../inbox';

const tag = 'Inbox';

export const getMyInbox = defineEndpoint({
  method: 'GET',
  path: '/api/me/inbox',
  tag,
  summary:
    'What waits for the signed-in person: proposals whose ball is in their court, their open countermeasures, their check-ins due',
  query: InboxQuerySchema,
  response: InboxSchema,
});

export const getMyProposalActions = defineEndpoint({
  method: 'GET',
  path: '/api/proposals/:id/actions',
  tag,
  summary: 'The steps of a proposal the signed-in person may take now (the server acts as them)',
  params: IdParamsSchema,
  response: ProposalActionsSchema,
});
