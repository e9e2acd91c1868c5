import { AuditExportQuerySchema, AuditPageSchema, AuditQuerySchema } from '../audit';
import { defineEndpoint } from '../endpoint';

const tag = 'Audit';

export const listEvents = defineEndpoint({
  method: 'GET',
  path: '/api/audit',
  tag,
  summary:
    'Who changed what and when, newest first: per unit (read), per entity (read; deleted ones too) or per organisation (admin)',
  query: AuditQuerySchema,
  response: AuditPageSchema,
});

/** A download (CSV, or JSON with `format=json`); the web app links to it. */
export const exportEvents = defineEndpoint({
  method: 'GET',
  path: '/api/audit/export',
  tag,
  summary: 'The audit trail that matches the filters, all of it, as a CSV or JSON download',
  query: AuditExportQuerySchema,
  produces: 'text/csv',
});
