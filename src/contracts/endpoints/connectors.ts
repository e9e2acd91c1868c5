import {
  ConnectorPreviewSchema,
  ConnectorRunSchema,
  ConnectorSchema,
  KpiConnectorSchema,
  PreviewConnectorSchema,
  SetConnectorSchema,
} from '../connector';
import { IdParamsSchema } from '../common';
import { VersionQuerySchema } from '../crud-endpoints';
import { defineEndpoint } from '../endpoint';

const tag = 'KPI connectors';

export const getConnector = defineEndpoint({
  method: 'GET',
  path: '/api/kpis/:id/connector',
  tag,
  summary: "The KPI's connector (where its actuals come from) with its last run, or null",
  params: IdParamsSchema,
  response: KpiConnectorSchema,
});

export const setConnector = defineEndpoint({
  method: 'PUT',
  path: '/api/kpis/:id/connector',
  tag,
  summary:
    "Set the KPI's connector: an HTTP(S) CSV or JSON document, a PostgreSQL query or a Prometheus query, and its schedule",
  params: IdParamsSchema,
  body: SetConnectorSchema,
  response: ConnectorSchema,
});

export const removeConnector = defineEndpoint({
  method: 'DELETE',
  path: '/api/kpis/:id/connector',
  tag,
  summary: "Remove the KPI's connector (the check-ins it wrote stay)",
  status: 204,
  params: IdParamsSchema,
  query: VersionQuerySchema,
});

export const previewConnector = defineEndpoint({
  method: 'POST',
  path: '/api/kpis/:id/connector/preview',
  tag,
  summary: 'Dry run: the values and dates a connector would record, and its errors, without writing',
  params: IdParamsSchema,
  body: PreviewConnectorSchema,
  response: ConnectorPreviewSchema,
});

export const runConnector = defineEndpoint({
  method: 'POST',
  path: '/api/kpis/:id/connector/run',
  tag,
  summary: "Run the KPI's saved connector now and record its values as check-ins (idempotent per date)",
  params: IdParamsSchema,
  response: ConnectorRunSchema,
});
