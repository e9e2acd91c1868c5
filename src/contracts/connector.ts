import { z } from 'zod';
import { IsoDateSchema, VersionSchema } from './common';

/**
 * KPI connectors (issue 18): where a KPI's actuals come from, read on a schedule and written as
 * check-ins from the connector. Secrets never travel back: a connector names the environment
 * variable that holds one, or says that an encrypted one is stored.
 */

const HttpUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
  .max(2000)
  .meta({ example: 'https://metrics.example.com/incidents.json' });

/** A dotted path into a JSON document (`data.series.0.value`); empty for the document itself. */
const JsonPathSchema = z
  .string()
  .max(200)
  .regex(/^[^\s]*$/, 'a dotted path has no spaces (data.items.0.value)');

export const HttpConnectorConfigSchema = z.object({
  kind: z.literal('http'),
  url: HttpUrlSchema,
  format: z.enum(['json', 'csv']),
  /** JSON: the path to the list of records ('' when the document is the list, or a single record). */
  recordsPath: JsonPathSchema.default(''),
  /** JSON: the value's path inside a record; CSV: the value's column header. */
  valueField: z.string().trim().min(1, 'name the field or column of the value').max(200),
  /** JSON: the date's path inside a record; CSV: the date's column header; empty: dated today. */
  dateField: z.string().trim().max(200).default(''),
});

export const PostgresConnectorConfigSchema = z.object({
  kind: z.literal('postgres'),
  /** One SELECT, run read-only with a time limit; each row is one value. */
  query: z.string().trim().min(1, 'write the query').max(10_000),
  valueColumn: z.string().trim().min(1).max(63).default('value'),
  /** Empty: every row is dated today. */
  dateColumn: z.string().trim().max(63).default('date'),
});

export const PrometheusConnectorConfigSchema = z.object({
  kind: z.literal('prometheus'),
  /** The server's base address; the connector calls /api/v1/query or /api/v1/query_range under it. */
  url: HttpUrlSchema,
  query: z.string().trim().min(1, 'write the PromQL query').max(5000),
  /** 0: an instant query dated today; N: a daily range over the last N days, one value per day. */
  rangeDays: z.number().int().min(0).max(366).default(0),
});

export const ConnectorConfigSchema = z.discriminatedUnion('kind', [
  HttpConnectorConfigSchema,
  PostgresConnectorConfigSchema,
  PrometheusConnectorConfigSchema,
]);
export type ConnectorConfig = z.infer<typeof ConnectorConfigSchema>;
export type ConnectorKind = ConnectorConfig['kind'];

export const ConnectorScheduleSchema = z.enum(['hourly', 'daily', 'manual']);
export type ConnectorSchedule = z.infer<typeof ConnectorScheduleSchema>;

const EnvNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'an environment variable name: letters, digits and _');

/**
 * The secret of a connector as it is set: the name of an environment variable, a value to store
 * encrypted, `keep` (the one stored stays), or `none`. For PostgreSQL the secret is the connection
 * string (required); for HTTP and Prometheus, an optional Authorization header value.
 */
export const ConnectorSecretInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('keep') }),
  z.object({ kind: z.literal('env'), env: EnvNameSchema }),
  z.object({ kind: z.literal('value'), value: z.string().min(1).max(4000) }),
]);
export type ConnectorSecretInput = z.infer<typeof ConnectorSecretInputSchema>;

/** The secret as the API shows it: where it comes from, never its value. */
export const ConnectorSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('env'), env: z.string(), present: z.boolean() }),
  z.object({ kind: z.literal('encrypted') }),
]);

export const SetConnectorSchema = z.object({
  config: ConnectorConfigSchema,
  secret: ConnectorSecretInputSchema.default({ kind: 'keep' }),
  schedule: ConnectorScheduleSchema,
  enabled: z.boolean().default(true),
  /** The version read; omit when creating the KPI's first connector. */
  version: VersionSchema.optional(),
});
export type SetConnectorInput = z.infer<typeof SetConnectorSchema>;

export const PreviewConnectorSchema = SetConnectorSchema.pick({ config: true, secret: true });
export type PreviewConnectorInput = z.infer<typeof PreviewConnectorSchema>;

/** What a run did (or, in a preview, would do) with one value it read. */
export const ConnectorValueSchema = z.object({
  date: IsoDateSchema,
  value: z.number(),
  action: z.enum(['create', 'correct', 'unchanged', 'skipped']),
  /** Why a value is skipped (outside the cycle, in a locked cycle…), or the value it corrects. */
  note: z.string(),
});
export type ConnectorValue = z.infer<typeof ConnectorValueSchema>;

export const ConnectorRunSchema = z.object({
  at: z.string().meta({ description: 'When the run ended (ISO timestamp)' }),
  status: z.enum(['ok', 'partial', 'failed']),
  created: z.number().int(),
  corrected: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  /** The run's errors: the source unreachable, a selector that found nothing, bad rows. */
  problems: z.array(z.string()),
  values: z.array(ConnectorValueSchema),
});
export type ConnectorRun = z.infer<typeof ConnectorRunSchema>;

export const ConnectorPreviewSchema = z.object({
  values: z.array(ConnectorValueSchema),
  problems: z.array(z.string()),
});
export type ConnectorPreview = z.infer<typeof ConnectorPreviewSchema>;

export const ConnectorSchema = z.object({
  kpiId: z.string(),
  config: ConnectorConfigSchema,
  secret: ConnectorSecretSchema,
  schedule: ConnectorScheduleSchema,
  enabled: z.boolean(),
  nextRunAt: z.string().nullable(),
  lastRun: ConnectorRunSchema.nullable(),
  version: z.number().int(),
});
export type Connector = z.infer<typeof ConnectorSchema>;

/** The KPI's connector, or null when it has none. */
export const KpiConnectorSchema = z.object({ connector: ConnectorSchema.nullable() });
