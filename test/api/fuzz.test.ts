import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/server/app';
import type { ViewCache } from '../../src/server/live/view-cache';
import type { Route } from '../../src/server/route';
import { createServices } from '../../src/server/services';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';
import { zip, zipBomb } from '../support/zip';

/**
 * Hostile input on every API route: random and malformed bodies, content types, credentials,
 * path segments and queries, and broken files for the importers. Whatever arrives, the answer is
 * never a 5xx, every error has the `{ error: { code, message } }` shape, and a refused request
 * (4xx) writes nothing (the audit trail, which records every row change, does not move).
 * The seed is fixed (FUZZ_SEED overrides it); fast-check prints it with any counterexample.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const ROUTES = apiRoutes(createServices(undefined as never), {} as ViewCache);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_ROUTES = ROUTES.filter((route) =>
  [
    '/api/imports/okrs/preview',
    '/api/imports/okrs/confirm',
    '/api/imports/matrix',
    '/api/imports/matrix/preview',
    '/api/units/:id/check-ins/upload',
    '/api/plan',
  ].includes(route.url),
);
const KNOWN_IDS = [
  'acme',
  'cso',
  'cio',
  'secops',
  'fy2026',
  'cso-o1',
  'cso-kr1-1',
  'cso-2026',
  'cso-i1',
  'cso-k1',
  'cso-bo1',
  'daniel-kovacs',
];

let t: TestApp;
let viewer: Record<string, string>;
let adminCsrf: Record<string, string>;
let realXlsx: Buffer;
let realCsv: string;
let realYaml: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.services.planImport.importPlan(demoPlan());
  viewer = await t.signIn({ id: 'fuzz-viewer' });
  await t.store.db
    .insertInto('roleAssignments')
    .values({ id: 'ra-fuzz', organisationId: 'acme', unitId: 'cso', userId: 'fuzz-viewer', role: 'viewer' })
    .execute();
  adminCsrf = await t.signIn({ id: 'fuzz-admin', isSiteAdmin: true });
  realXlsx = (await t.request({ method: 'GET', url: '/api/matrices/cso-2026/export.xlsx' })).rawPayload;
  realCsv = 'Objective,Key Result,Owner,Target\nFaster triage,Triage 60 % of alerts,Lukas Meyer,60\n';
  realYaml = (await t.request({ method: 'GET', url: '/api/organisations/acme/plan?format=yaml' })).body;
}, 60_000);
afterAll(async () => {
  await t.close();
});

const auditMark = async (): Promise<number> =>
  Number(
    (await sql<{ id: string | null }>`SELECT max(id) AS id FROM audit_events`.execute(t.store.db)).rows[0]
      ?.id ?? 0,
  );

/** Who sends it: most runs as the site admin, so the input, not the access check, is what gets tested. */
const credentials = fc.constantFrom(
  'admin',
  'admin',
  'admin',
  'anonymous',
  'viewer',
  'garbage cookie',
  'forged bearer',
  'malformed authorization',
  'bad csrf',
);
function headersFor(credential: string): { headers: Record<string, string>; anonymous?: boolean } {
  switch (credential) {
    case 'anonymous':
      return { headers: {}, anonymous: true };
    case 'viewer':
      return { headers: viewer };
    case 'garbage cookie':
      return { headers: { cookie: 'catchball_session=%E0%A4%A; other=\u0000\u00ff; ;;=' } };
    case 'forged bearer':
      return { headers: { authorization: 'Bearer cb_' + 'A'.repeat(43) } };
    case 'malformed authorization':
      return { headers: { authorization: 'Bearer' } };
    case 'bad csrf':
      return { headers: { ...adminCsrf, 'x-csrf-token': 'not-the-token' } };
    default:
      return { headers: {} };
  }
}

const nasty = fc.constantFrom(
  '../',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%',
  '__proto__',
  'constructor',
  'a'.repeat(5000),
  '\u202e',
  'NaN',
  '-1',
  '1e309',
);
const segment = fc.oneof(
  fc.constantFrom(...KNOWN_IDS),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  nasty,
);
const queryString = fc
  .dictionary(
    fc.constantFrom(
      'version',
      'cycleId',
      'unitId',
      'organisationId',
      'year',
      'format',
      'replace',
      'keyResultId',
      'kpiId',
      'state',
      'open',
      'asOf',
      '__proto__',
      'constructor',
    ),
    fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...KNOWN_IDS), nasty),
  )
  .map((query) =>
    Object.entries(query)
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&'),
  );

/** Bodies: random JSON, wrong types in the right places, huge and deep values, pollution keys, garbage. */
const jsonBody = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      version: fc.anything(),
      unitId: fc.oneof(fc.constantFrom(...KNOWN_IDS), fc.anything()),
      organisationId: fc.anything(),
      title: fc.oneof(fc.string(), fc.anything()),
      name: fc.anything(),
      year: fc.anything(),
      value: fc.anything(),
      date: fc.anything(),
      keyResultId: fc.anything(),
      checkIns: fc.anything(),
      ids: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);
const body = fc.oneof(
  jsonBody.map((value) => ({ payload: JSON.stringify(value) ?? 'null', type: 'application/json' })),
  fc
    .constantFrom(
      '{"__proto__":{"isSiteAdmin":true,"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"version":1,"__proto__":{"polluted":1},"title":"x"}',
      '{"title":"' + 'x'.repeat(300_000) + '"}',
      '{"a":1,',
      '\u0000\u0001',
      '',
    )
    .map((payload) => ({ payload, type: 'application/json' })),
  fc
    .integer({ min: 1, max: 5000 })
    .map((depth) => ({ payload: '['.repeat(depth) + ']'.repeat(depth), type: 'application/json' })),
  fc
    .integer({ min: 1, max: 3000 })
    .map((depth) => ({ payload: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), type: 'application/json' })),
  fc
    .tuple(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        'text/plain',
        'text/csv',
        'application/yaml',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'garbage/☃',
        XLSX,
      ),
    )
    .map(([payload, type]) => ({ payload, type })),
  fc
    .uint8Array({ maxLength: 2000 })
    .map((bytes) => ({ payload: Buffer.from(bytes), type: 'application/octet-stream' })),
);

const fillPath = (route: Route, segments: string[]): string => {
  let index = 0;
  return route.url.replace(/:(\w+)/g, () => segments[index++] ?? 'x');
};

/** Sends one request and checks the property; returns the status for the statistics. */
async function probe(request: {
  method: Route['method'];
  url: string;
  payload?: string | Buffer;
  type?: string;
  credential: string;
}): Promise<number> {
  const { headers, anonymous } = headersFor(request.credential);
  const before = await auditMark();
  const response = await t.request({
    method: request.method,
    url: request.url,
    headers: { ...headers, ...(request.type ? { 'content-type': request.type } : {}) },
    ...(request.payload !== undefined && request.method !== 'GET' ? { payload: request.payload } : {}),
    ...(anonymous ? { anonymous } : {}),
  });
  const status = response.statusCode;
  const where = `${request.method} ${request.url.slice(0, 200)} as ${request.credential}`;
  expect(status, `${where}: ${response.body.slice(0, 500)}`).toBeLessThan(500);
  if (status >= 400) {
    const error = (response.data as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    expect(typeof error?.code, `${where}: error body ${response.body.slice(0, 300)}`).toBe('string');
    expect(typeof error?.message, `${where}: error body ${response.body.slice(0, 300)}`).toBe('string');
    expect(await auditMark(), `${where}: a refused request (${String(status)}) wrote`).toBe(before);
  }
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
  return status;
}

describe('fuzz: malformed input on every route', () => {
  it('never answers 5xx, always with the error shape, and a refused request writes nothing', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES.map((route) => `${route.method} ${route.url}`)),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        fc.option(queryString, { nil: undefined }),
        fc.option(body, { nil: undefined }),
        credentials,
        async (key, segments, query, sent, credential) => {
          const route = ROUTES.find((candidate) => `${candidate.method} ${candidate.url}` === key) as Route;
          const url = fillPath(route, segments) + (query ? `?${query}` : '');
          const status = await probe({
            method: route.method,
            url,
            payload: sent?.payload,
            type: sent?.type,
            credential,
          });
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 5000), seed: SEED },
    );
    console.info(`fuzz (seed ${String(SEED)}): statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 240_000);

  it('survives broken files on the importers: random bytes, truncated and corrupted sheets, zip bombs', async () => {
    const file = fc.oneof(
      fc.uint8Array({ maxLength: 4000 }).map((bytes) => ({ payload: Buffer.from(bytes), type: XLSX })),
      fc
        .integer({ min: 0, max: 100_000 })
        .map((cut) => ({ payload: realXlsx.subarray(0, cut % realXlsx.length), type: XLSX })),
      fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, junk]) => {
        const copy = Buffer.from(realXlsx);
        Buffer.from(junk).copy(copy, at % copy.length);
        return { payload: copy, type: XLSX };
      }),
      fc.constantFrom(1, 4).map((megabytes) => ({ payload: zipBomb(megabytes), type: XLSX })),
      fc.constant({
        payload: zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook') }]),
        type: 'application/octet-stream',
      }),
      fc.integer({ min: 0, max: 200 }).map((cut) => ({ payload: realCsv.slice(0, cut), type: 'text/csv' })),
      fc
        .string({ maxLength: 300 })
        .map((junk) => ({ payload: realCsv + junk + '\n"unterminated,' + junk, type: 'text/csv' })),
      fc
        .integer({ min: 0, max: 20_000 })
        .map((cut) => ({ payload: realYaml.slice(0, cut), type: 'application/yaml' })),
      fc.string({ maxLength: 300 }).map((junk) => ({
        payload: `catchball: 1\norganisation: {id: ${junk}}\n&a [*a]`,
        type: 'text/yaml',
      })),
    );
    const query = fc.constantFrom(
      'unitId=cso&cycleId=fy2026',
      'organisationId=acme',
      'unitId=cso&year=2030',
      'unitId=nope',
      '',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILE_ROUTES.map((route) => route.url)),
        file,
        query,
        fc.constantFrom('admin', 'admin', 'viewer', 'anonymous'),
        async (path, sent, search, credential) => {
          await probe({
            method: 'POST',
            url: `${path.replace(':id', 'cso')}?${search}`,
            payload: sent.payload,
            type: sent.type,
            credential,
          });
        },
      ),
      { numRuns: Number(process.env.FUZZ_FILE_RUNS ?? 600), seed: SEED },
    );
  }, 240_000);
});

describe('5xx the fuzzing found (regressions)', () => {
  it('a session cookie with a broken %-escape is no credential (401), not a crash', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/organisations',
      headers: { cookie: 'catchball_session=%E0%A4%A' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.data).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('a version or position beyond the stored integer range is a 400 naming it, not a database error', async () => {
    const tooBig = 2 ** 31;
    // A session of its own: the fuzzing above may have signed the test's administrator out.
    const headers = await t.signIn({ id: 'fuzz-regression-admin', isSiteAdmin: true });
    const patch = await t.request({
      method: 'PATCH',
      url: '/api/objectives/cso-o1',
      headers,
      payload: { version: 1, position: tooBig },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.data).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ path: 'body.position' }] } },
    });
    const stale = await t.request({
      method: 'PATCH',
      url: '/api/units/cso',
      headers,
      payload: { version: tooBig },
    });
    expect(stale.statusCode).toBe(400);
    expect(stale.data).toMatchObject({ error: { details: { issues: [{ path: 'body.version' }] } } });
    const remove = await t.request({
      method: 'DELETE',
      url: `/api/key-results/cso-kr1-1?version=${String(tooBig)}`,
      headers,
    });
    expect(remove.statusCode).toBe(400);
    expect(remove.data).toMatchObject({ error: { details: { issues: [{ path: 'query.version' }] } } });
  });

  it('a path Fastify cannot decode gets the API error shape', async () => {
    const response = await t.request({ method: 'DELETE', url: '/api/api-tokens/%' });
    expect(response.statusCode).toBe(400);
    expect(response.data).toMatchObject({
      error: { code: 'malformed_request', message: expect.any(String) as string },
    });
  });
});
