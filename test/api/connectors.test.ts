import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIns as checkInEndpoints, connectors as endpoints } from '../../src/contracts/endpoints';
import type { SetConnectorInput } from '../../src/contracts';
import { createConnectorScheduler } from '../../src/server/services/connectors/connector-scheduler';
import { createSecretBox } from '../../src/server/services/connectors/secret-box';
import {
  prometheusAvailable,
  startHttpSource,
  startPostgresSource,
  startPrometheus,
} from '../support/connector-sources';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

const TODAY = '2026-11-24';
const KPI = 'cso-k1';
const secrets = createSecretBox({ envKey: randomBytes(32).toString('hex') });

let t: TestApp;
let incidents = { '2026-11-02': 41, '2026-11-16': '43.5' } as Record<string, number | string>;
let http: Awaited<ReturnType<typeof startHttpSource>>;

beforeAll(async () => {
  t = await createTestApp({ services: { clock: () => TODAY, secrets } });
  await t.services.planImport.importPlan(demoPlan());
  http = await startHttpSource({
    '/kpi.json': () => ({
      type: 'application/json',
      body: JSON.stringify({
        data: {
          points: [
            ...Object.entries(incidents).map(([day, value]) => ({ day, value })),
            { day: '2027-03-01', value: 1 },
            { day: 'soon', value: 2 },
          ],
        },
      }),
    }),
    '/kpi.csv': () => ({ type: 'text/csv', body: 'Date,Open incidents\n2026-10-01,12\n2026-10-31,9\n\n' }),
    '/private.json': (headers) =>
      headers.authorization === 'Bearer s3cret'
        ? { type: 'application/json', body: '{"value": 5}' }
        : { status: 401, type: 'text/plain', body: 'who are you?' },
  });
});
afterAll(async () => {
  await http.close();
  await t.close();
});

const history = async (kpiId = KPI) =>
  (await t.call(checkInEndpoints.listHistory, { query: { kpiId } })).result.filter(
    (entry) => entry.source === 'connector',
  );

function httpJson(path = '/kpi.json'): Extract<SetConnectorInput['config'], { kind: 'http' }> {
  return {
    kind: 'http',
    url: `${http.url}${path}`,
    format: 'json',
    recordsPath: 'data.points',
    valueField: 'value',
    dateField: 'day',
  };
}

describe('HTTP connectors (a real local HTTP server)', () => {
  it('previews a JSON document: the values and dates it would record, the refused ones and the unreadable ones, writing nothing', async () => {
    const preview = await t.call(endpoints.previewConnector, {
      params: { id: KPI },
      body: { config: httpJson(), secret: { kind: 'none' } },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.result.values).toEqual([
      { date: '2026-11-02', value: 41, action: 'create', note: '' },
      { date: '2026-11-16', value: 43.5, action: 'create', note: '' },
      { date: '2027-03-01', value: 1, action: 'skipped', note: expect.stringContaining('') as string },
    ]);
    expect(preview.result.problems).toEqual(['record 4: day "soon" is not a date (YYYY-MM-DD)']);
    expect(await history()).toEqual([]);
  });

  it('saves, runs now, records check-ins from the connector, and a re-run records nothing twice', async () => {
    const saved = await t.call(endpoints.setConnector, {
      params: { id: KPI },
      body: { config: httpJson(), secret: { kind: 'none' }, schedule: 'daily' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.result).toMatchObject({
      kpiId: KPI,
      schedule: 'daily',
      secret: { kind: 'none' },
      lastRun: null,
      version: 1,
    });
    const run = await t.call(endpoints.runConnector, { params: { id: KPI } });
    expect(run.result).toMatchObject({ status: 'partial', created: 2, unchanged: 0, skipped: 1 });
    expect((await history()).map((c) => [c.date, c.value]).sort()).toEqual([
      ['2026-11-02', 41],
      ['2026-11-16', 43.5],
    ]);
    const again = await t.call(endpoints.runConnector, { params: { id: KPI } });
    expect(again.result).toMatchObject({ created: 0, corrected: 0, unchanged: 2 });
    expect(await history()).toHaveLength(2);
    // A changed value at the source corrects that date's check-in (history keeps both).
    incidents = { '2026-11-02': 41, '2026-11-16': 44 };
    const changed = await t.call(endpoints.runConnector, { params: { id: KPI } });
    expect(changed.result).toMatchObject({ created: 0, corrected: 1, unchanged: 1 });
    expect((await history()).map((c) => [c.date, c.value]).sort()).toEqual([
      ['2026-11-02', 41],
      ['2026-11-16', 44],
    ]);
    const shown = await t.call(endpoints.getConnector, { params: { id: KPI } });
    expect(shown.result.connector?.lastRun).toMatchObject({ status: 'partial', corrected: 1 });
    expect(shown.result.connector?.lastRun?.problems).toContain(
      'record 4: day "soon" is not a date (YYYY-MM-DD)',
    );
  });

  it('reads a CSV by column headers', async () => {
    const preview = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k2' },
      body: {
        config: {
          kind: 'http',
          url: `${http.url}/kpi.csv`,
          format: 'csv',
          recordsPath: '',
          valueField: 'open incidents',
          dateField: 'date',
        },
      },
    });
    expect(preview.result).toEqual({
      values: [
        { date: '2026-10-01', value: 12, action: 'create', note: '' },
        { date: '2026-10-31', value: 9, action: 'create', note: '' },
      ],
      problems: [],
    });
  });

  it('reports an unreachable source, a refusal and a missing selector as errors of the run', async () => {
    const refused = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k2' },
      body: { config: httpJson('/private.json'), secret: { kind: 'none' } },
    });
    expect(refused.result.problems[0]).toMatch(/answered 401 Unauthorized: who are you\?/);
    const missing = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k2' },
      body: { config: { ...httpJson(), recordsPath: 'data.rows' } },
    });
    expect(missing.result.problems).toEqual(['nothing at "data.rows"']);
    const closed = await startHttpSource({});
    await closed.close();
    const gone = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k2' },
      body: { config: { ...httpJson(), url: `${closed.url}/x.json` } },
    });
    expect(gone.result.problems[0]).toMatch(/could not be reached: ECONNREFUSED/);
  });

  it('sends a secret Authorization header, stored encrypted and never shown', async () => {
    const saved = await t.call(endpoints.setConnector, {
      params: { id: 'cso-k3' },
      body: {
        config: {
          kind: 'http',
          url: `${http.url}/private.json`,
          format: 'json',
          recordsPath: '',
          valueField: 'value',
          dateField: '',
        },
        secret: { kind: 'value', value: 'Bearer s3cret' },
        schedule: 'manual',
      },
    });
    expect(saved.result.secret).toEqual({ kind: 'encrypted' });
    expect(JSON.stringify(saved.data)).not.toContain('s3cret');
    const row = await t.store.db
      .selectFrom('kpiConnectors')
      .selectAll()
      .where('kpiItemId', '=', 'cso-k3')
      .executeTakeFirstOrThrow();
    expect(row.secretCiphertext).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('s3cret');
    const run = await t.call(endpoints.runConnector, { params: { id: 'cso-k3' } });
    expect(run.result).toMatchObject({ status: 'ok', created: 1, values: [{ date: TODAY, value: 5 }] });
  });

  it('refuses anything but a KPI, and a second connector without the version', async () => {
    const notKpi = await t.call(endpoints.getConnector, { params: { id: 'cso-bo1' } });
    expect(notKpi.statusCode).toBe(400);
    const stale = await t.call(endpoints.setConnector, {
      params: { id: KPI },
      body: { config: httpJson(), schedule: 'hourly' },
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('PostgreSQL connectors (a real local database)', () => {
  let source: Awaited<ReturnType<typeof startPostgresSource>>;
  beforeAll(async () => {
    source = await startPostgresSource(
      `cb_connector_src_${String(process.pid)}`,
      `CREATE TABLE readings (day date, patched numeric, team text);
       INSERT INTO readings VALUES ('2026-09-30', 88.5, 'a'), ('2026-10-31', 91, 'a'), ('2026-10-31', 3, 'b');`,
    );
    process.env.CB_TEST_SOURCE_URL = source.url;
  });
  afterAll(async () => {
    delete process.env.CB_TEST_SOURCE_URL;
    await source.close();
  });

  const config = {
    kind: 'postgres' as const,
    query: "SELECT day AS date, patched AS value FROM readings WHERE team = 'a' ORDER BY day",
    valueColumn: 'value',
    dateColumn: 'date',
  };

  it('runs the query with the connection string from a named environment variable', async () => {
    const saved = await t.call(endpoints.setConnector, {
      params: { id: 'cso-k4' },
      body: { config, secret: { kind: 'env', env: 'CB_TEST_SOURCE_URL' }, schedule: 'daily' },
    });
    expect(saved.result.secret).toEqual({ kind: 'env', env: 'CB_TEST_SOURCE_URL', present: true });
    const run = await t.call(endpoints.runConnector, { params: { id: 'cso-k4' } });
    expect(run.result).toMatchObject({ status: 'ok', created: 2 });
    expect((await history('cso-k4')).map((c) => [c.date, c.value]).sort()).toEqual([
      ['2026-09-30', 88.5],
      ['2026-10-31', 91],
    ]);
  });

  it('with an encrypted connection string; the query runs read-only', async () => {
    const preview = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k5' },
      body: {
        config: { ...config, query: 'DELETE FROM readings RETURNING day AS date, patched AS value' },
        secret: { kind: 'value', value: source.url },
      },
    });
    expect(preview.result.problems[0]).toMatch(
      /The query failed: cannot execute DELETE in a read-only transaction/,
    );
    const wrongColumn = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k5' },
      body: { config: { ...config, valueColumn: 'score' }, secret: { kind: 'value', value: source.url } },
    });
    expect(wrongColumn.result.problems).toEqual(['no column "score" (the columns are date, value)']);
  });

  it('needs a connection string, and says when its variable is not set', async () => {
    const none = await t.call(endpoints.setConnector, {
      params: { id: 'cso-k5' },
      body: { config, secret: { kind: 'none' }, schedule: 'daily' },
    });
    expect(none.statusCode).toBe(400);
    const unset = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k5' },
      body: { config, secret: { kind: 'env', env: 'CB_TEST_NOT_SET' } },
    });
    expect(unset.result.problems).toEqual([
      'The environment variable CB_TEST_NOT_SET is not set on this server',
    ]);
  });
});

const hasPrometheus = prometheusAvailable();
if (!hasPrometheus)
  console.warn(
    'Skipping the Prometheus connector tests: no `prometheus` binary on PATH (apt-get install -y prometheus; .ci/run installs it)',
  );
describe.skipIf(!hasPrometheus)('Prometheus connectors (a real Prometheus scraping a test exporter)', () => {
  let exporter: Awaited<ReturnType<typeof startHttpSource>>;
  let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
  beforeAll(async () => {
    exporter = await startHttpSource({
      '/metrics': () => ({
        type: 'text/plain; version=0.0.4',
        body: '# TYPE catchball_open_incidents gauge\ncatchball_open_incidents{site="a"} 7\ncatchball_open_incidents{site="b"} 4\n',
      }),
    });
    prometheus = await startPrometheus(new URL(exporter.url).host, 'catchball_open_incidents');
  }, 90_000);
  afterAll(async () => {
    await prometheus.close();
    await exporter.close();
  });

  it('records an instant query dated today', async () => {
    const preview = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k6' },
      body: {
        config: {
          kind: 'prometheus',
          url: prometheus.url,
          query: 'sum(catchball_open_incidents)',
          rangeDays: 0,
        },
      },
    });
    expect(preview.result).toEqual({
      values: [{ date: TODAY, value: 11, action: 'create', note: '' }],
      problems: [],
    });
  });

  it('reads a daily range, and asks for one series', async () => {
    const range = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k6' },
      body: {
        config: {
          kind: 'prometheus',
          url: prometheus.url,
          query: 'max(catchball_open_incidents)',
          rangeDays: 3,
        },
      },
    });
    // Only the last day has samples (the server started a moment ago); it is dated by its timestamp.
    expect(range.result.values.map((value) => [value.date, value.value])).toEqual([
      [new Date().toISOString().slice(0, 10), 7],
    ]);
    const many = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k6' },
      body: {
        config: {
          kind: 'prometheus',
          url: prometheus.url,
          query: 'catchball_open_incidents',
          rangeDays: 0,
        },
      },
    });
    expect(many.result.problems).toEqual([
      'the query returned 2 series; aggregate them to one, e.g. sum(catchball_open_incidents)',
    ]);
    const bad = await t.call(endpoints.previewConnector, {
      params: { id: 'cso-k6' },
      body: { config: { kind: 'prometheus', url: prometheus.url, query: 'sum(', rangeDays: 0 } },
    });
    expect(bad.result.problems[0]).toMatch(/answered 400 Bad Request: .*parse error/);
  });
});

describe('the connector scheduler', () => {
  it('runs each due connector once across two servers (the lease), then again when it is due', async () => {
    await t.call(endpoints.setConnector, {
      params: { id: 'cso-k2' },
      body: {
        config: {
          kind: 'http',
          url: `${http.url}/kpi.csv`,
          format: 'csv',
          valueField: 'Open incidents',
          dateField: 'Date',
        },
        schedule: 'hourly',
      },
    });
    let clock = new Date(Date.now() + 1000);
    const now = () => clock;
    const [first, second] = ['server-a', 'server-b'].map((holder) =>
      createConnectorScheduler(t.store.db, t.services.connectors, { holder, now }),
    );
    const ran = await Promise.all([first!.tick(), second!.tick()]);
    // Due: cso-k2 only (just set); the daily ones ran by hand above, which put them a day off,
    // and cso-k3 is manual.
    expect(ran[0] + ran[1]).toBe(1);
    expect((await history('cso-k2')).map((c) => c.date).sort()).toEqual(['2026-10-01', '2026-10-31']);
    expect(await first!.tick()).toBe(0);
    clock = new Date(clock.getTime() + 3_600_000 + 1000);
    expect(await second!.tick()).toBe(1);
    expect(await history('cso-k2')).toHaveLength(2);
    const shown = await t.call(endpoints.getConnector, { params: { id: 'cso-k2' } });
    expect(shown.result.connector).toMatchObject({ lastRun: { status: 'ok', unchanged: 2 } });
  });
});
