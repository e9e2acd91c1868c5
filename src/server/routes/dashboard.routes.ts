import {
  DashboardQuerySchema,
  DigestQuerySchema,
  DigestResultSchema,
  DigestSettingsSchema,
  IdParamsSchema,
  OrganisationOverviewSchema,
  SetDigestSettingsSchema,
  UnitDashboardSchema,
} from '../../contracts';
import { defineRoute, type Route } from '../route';
import { onOrganisationInPath, onUnitInPath } from './access-rules';
import type { Services } from '../services';

/** The unit dashboard, the organisation overview, and the reminder digest. */
export function dashboardRoutes(services: Services): Route[] {
  const { dashboard, rhythm, digest } = services;
  const tag = 'Dashboards';
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units/:id/dashboard',
      tag,
      summary:
        'Unit dashboard: objectives with progress and status, health over time, top risks, open countermeasures, stale items',
      params: IdParamsSchema,
      query: DashboardQuerySchema,
      response: UnitDashboardSchema,
      access: onUnitInPath('read'),
      handler: ({ params, query }) => dashboard.unitDashboard(params.id, query.cycleId, query.asOf),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/overview',
      tag,
      summary:
        'Quarter statistics per unit, the distribution of scores and the spread of results across units',
      params: IdParamsSchema,
      query: DashboardQuerySchema,
      response: OrganisationOverviewSchema,
      access: onOrganisationInPath('read'),
      handler: ({ params, query }) => dashboard.organisationOverview(params.id, query.cycleId, query.asOf),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/organisations/:id/digest-settings',
      tag,
      summary: 'Where reminders and the digest go: the webhook URL and whether owners are e-mailed',
      params: IdParamsSchema,
      response: DigestSettingsSchema,
      access: onOrganisationInPath('admin'),
      handler: ({ params }) => rhythm.digestSettings(params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/organisations/:id/digest-settings',
      tag,
      summary: 'Set the webhook URL (Slack/Teams incoming webhook) and whether owners are e-mailed',
      params: IdParamsSchema,
      body: SetDigestSettingsSchema,
      response: DigestSettingsSchema,
      access: onOrganisationInPath('admin'),
      handler: ({ params, body }) => rhythm.setDigestSettings(params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/organisations/:id/digest',
      tag,
      summary:
        'Send the reminder digest now: items without a check-in within their cadence, to the webhook and by e-mail to their owners',
      params: IdParamsSchema,
      query: DigestQuerySchema,
      response: DigestResultSchema,
      access: onOrganisationInPath('admin'),
      handler: ({ params, query }) => digest.send(params.id, query),
    }),
  ];
}
