import { IdParamsSchema } from '../common';
import {
  DashboardQuerySchema,
  DigestQuerySchema,
  DigestResultSchema,
  DigestSettingsSchema,
  OrganisationOverviewSchema,
  SetDigestSettingsSchema,
  UnitDashboardSchema,
} from '../dashboard';
import { defineEndpoint } from '../endpoint';

const tag = 'Dashboards';

export const getUnitDashboard = defineEndpoint({
  method: 'GET',
  path: '/api/units/:id/dashboard',
  tag,
  summary:
    'Unit dashboard: objectives with progress and status, health over time, top risks, open countermeasures, stale items',
  params: IdParamsSchema,
  query: DashboardQuerySchema,
  response: UnitDashboardSchema,
});

export const getOrganisationOverview = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/overview',
  tag,
  summary: 'Quarter statistics per unit, the distribution of scores and the spread of results across units',
  params: IdParamsSchema,
  query: DashboardQuerySchema,
  response: OrganisationOverviewSchema,
});

export const getDigestSettings = defineEndpoint({
  method: 'GET',
  path: '/api/organisations/:id/digest-settings',
  tag,
  summary: 'Where reminders and the digest go: the webhook URL and whether owners are e-mailed',
  params: IdParamsSchema,
  response: DigestSettingsSchema,
});

export const setDigestSettings = defineEndpoint({
  method: 'PUT',
  path: '/api/organisations/:id/digest-settings',
  tag,
  summary: 'Set the webhook URL (Slack/Teams incoming webhook) and whether owners are e-mailed',
  params: IdParamsSchema,
  body: SetDigestSettingsSchema,
  response: DigestSettingsSchema,
});

export const sendDigest = defineEndpoint({
  method: 'POST',
  path: '/api/organisations/:id/digest',
  tag,
  summary:
    'Send the reminder digest now: items without a check-in within their cadence, to the webhook and by e-mail to their owners',
  params: IdParamsSchema,
  query: DigestQuerySchema,
  response: DigestResultSchema,
});
