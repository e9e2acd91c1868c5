import { defineCrudEndpoints } from '../crud-endpoints';
import { CreateWebhookSchema, UpdateWebhookSchema, WebhookSchema } from '../catchball';

export const webhooks = defineCrudEndpoints({
  path: '/api/webhooks',
  noun: 'webhook (per unit, or organisation-wide with unitId null)',
  tag: 'Catchball',
  create: CreateWebhookSchema,
  update: UpdateWebhookSchema,
  response: WebhookSchema,
});
