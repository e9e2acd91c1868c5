import pg from 'pg';
import type { ConnectorConfig } from '../../../contracts';
import {
  readJsonValues,
  readNumber,
  readTableValues,
  lastPerDate,
  type DatedValue,
  type ReadValues,
} from '../../../core/connector-values';
import { readSheetRows } from '../../imports/sheet-reader';

/**
 * Reads a connector's source: fetch, query, parse, select. A source that cannot be reached or
 * answers with an error throws `SourceError` with a message for the KPI page; values that cannot
 * be read are problems beside the ones that could.
 */
export class SourceError extends Error {
  override name = 'SourceError';
}

export interface SourceContext {
  /** The connector's secret, opened: a connection string, or an Authorization header value. */
  secret: string | null;
  today: string;
  /** The moment "now" for Prometheus queries (Unix seconds). */
  nowSeconds: number;
}

const TIMEOUT_MS = 15_000;
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 10_000;

export async function readSource(config: ConnectorConfig, context: SourceContext): Promise<ReadValues> {
  switch (config.kind) {
    case 'http':
      return readHttp(config, context);
    case 'postgres':
      return readPostgres(config, context);
    case 'prometheus':
      return readPrometheus(config, context);
  }
}

async function fetchBytes(url: string, secret: string | null, accept: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept, ...(secret ? { authorization: secret } : {}) },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new SourceError(
      `${url} could not be reached: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
    );
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => '')).slice(0, 300).trim();
    throw new SourceError(
      `${url.split('?')[0] ?? url} answered ${String(response.status)} ${response.statusText}${text ? `: ${text}` : ''}`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) throw new SourceError(`${url} sent more than 5 MB`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_BYTES) throw new SourceError(`${url} sent more than 5 MB`);
  return bytes;
}

function parseJson(bytes: Uint8Array, url: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (error) {
    throw new SourceError(`${url} did not send JSON: ${(error as Error).message}`);
  }
}

async function readHttp(config: Extract<ConnectorConfig, { kind: 'http' }>, context: SourceContext) {
  if (config.format === 'json') {
    const document = parseJson(await fetchBytes(config.url, context.secret, 'application/json'), config.url);
    return readJsonValues(document, config, context.today);
  }
  const bytes = await fetchBytes(config.url, context.secret, 'text/csv');
  let rows;
  try {
    rows = await readSheetRows(bytes, { format: 'csv' });
  } catch (error) {
    throw new SourceError(`${config.url} did not send a readable CSV: ${(error as Error).message}`);
  }
  const [header = [], ...body] = rows;
  return readTableValues(
    header.map((cell) => String(cell ?? '')),
    body,
    { value: config.valueField, date: config.dateField },
    context.today,
    (index) => `row ${String(index + 2)}`,
  );
}

/** Dates stay `YYYY-MM-DD` text (pg would make them local-midnight Dates, a day off east of UTC). */
const DATE_OID: number = pg.types.builtins.DATE;
const keepText = (value: string): string => value;
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? keepText
      : (pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown)(
          oid,
          format,
        )) as typeof pg.types.getTypeParser,
};

async function readPostgres(config: Extract<ConnectorConfig, { kind: 'postgres' }>, context: SourceContext) {
  if (!context.secret)
    throw new SourceError('No connection string: name the environment variable that holds it, or set one');
  const client = new pg.Client({
    connectionString: context.secret,
    connectionTimeoutMillis: TIMEOUT_MS,
    statement_timeout: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS + 1000,
    application_name: 'catchball-connector',
    types: TYPES,
  });
  client.on('error', () => undefined); // a dropped connection surfaces through the query
  try {
    await client.connect();
  } catch (error) {
    throw new SourceError(`The database could not be reached: ${(error as Error).message}`);
  }
  try {
    // Read-only, so a connector never writes to the database it reads, whatever its query says.
    await client.query('BEGIN READ ONLY');
    const result = await client.query<Record<string, unknown>>(config.query);
    await client.query('ROLLBACK');
    const header = result.fields.map((field) => field.name);
    const rows = result.rows.slice(0, MAX_ROWS).map((row) => header.map((name) => row[name]));
    const read = readTableValues(
      header,
      rows,
      { value: config.valueColumn, date: config.dateColumn },
      context.today,
      (index) => `row ${String(index + 1)}`,
    );
    if (result.rows.length > MAX_ROWS)
      read.problems.push(`only the first ${String(MAX_ROWS)} rows were read`);
    return read;
  } catch (error) {
    throw new SourceError(`The query failed: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface PrometheusAnswer {
  status: 'success' | 'error';
  error?: string;
  data?: {
    resultType: string;
    result: { metric: Record<string, string>; value?: [number, string]; values?: [number, string][] }[];
  };
}

async function readPrometheus(
  config: Extract<ConnectorConfig, { kind: 'prometheus' }>,
  context: SourceContext,
) {
  const base = config.url.replace(/\/+$/, '');
  const query = new URLSearchParams({ query: config.query });
  const range = config.rangeDays > 0;
  if (range) {
    query.set('start', String(context.nowSeconds - (config.rangeDays - 1) * 86_400));
    query.set('end', String(context.nowSeconds));
    query.set('step', '86400');
  } else query.set('time', String(context.nowSeconds));
  const url = `${base}/api/v1/${range ? 'query_range' : 'query'}?${query.toString()}`;
  let answer: PrometheusAnswer;
  try {
    answer = parseJson(await fetchBytes(url, context.secret, 'application/json'), base) as PrometheusAnswer;
  } catch (error) {
    // Prometheus answers a bad query with 400 and a JSON error: say what it said.
    throw error instanceof SourceError ? error : new SourceError(String(error));
  }
  if (answer.status !== 'success' || !answer.data)
    throw new SourceError(`Prometheus refused the query: ${answer.error ?? 'no data'}`);
  const series = answer.data.result;
  if (answer.data.resultType === 'scalar')
    return pointsOf([answer.data.result as unknown as [number, string]], context, range);
  if (series.length === 0)
    return { values: [], problems: ['the query returned no series (is the metric scraped?)'] };
  if (series.length > 1)
    return {
      values: [],
      problems: [
        `the query returned ${String(series.length)} series; aggregate them to one, e.g. sum(${config.query})`,
      ],
    };
  const [only] = series;
  return pointsOf(range ? (only?.values ?? []) : only?.value ? [only.value] : [], context, range);
}

function pointsOf(samples: readonly [number, string][], context: SourceContext, range: boolean): ReadValues {
  const values: DatedValue[] = [];
  const problems: string[] = [];
  for (const [at, raw] of samples) {
    const value = readNumber(raw);
    const date = range ? new Date(at * 1000).toISOString().slice(0, 10) : context.today;
    if (value === null) problems.push(`${date}: the sample ${raw} is not a number`);
    else values.push({ date, value });
  }
  return { values: lastPerDate(values), problems };
}
