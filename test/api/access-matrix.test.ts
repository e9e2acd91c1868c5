import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/server/app';
import type { ViewCache } from '../../src/server/live/view-cache';
import type { Route } from '../../src/server/route';
import { createServices } from '../../src/server/services';
import type { Case, Cases } from '../support/access/case';
import { executionCases } from '../support/access/cases-execution';
import { planCases } from '../support/access/cases-plan';
import { buildAccessFixture, makeTargets, type AccessFixture } from '../support/access/fixture';
import { body, type ErrorResponse } from '../support/test-app';
import { expected, isOutsider, TARGET_UNIT, type Caller } from '../support/access/policy';

/**
 * Every API route × every caller (each role held on the target's unit, its parent, a sibling, a
 * child, the whole organisation, or another organisation; a unit API token per scope; anonymous):
 * allowed or refused as the policy says, and a refused request changes nothing.
 * Adding a scoped route needs one line in test/support/access/cases-*.ts; public, signed-in and
 * site-admin routes are covered by the generic case below.
 */
const CASES: Cases = { ...planCases, ...executionCases };
// Only the routes' declarations are read here: nothing is registered or called.
const ROUTES = apiRoutes(createServices(undefined as never), {} as ViewCache);
const keyOf = (route: Route): string => `${route.method} ${route.url}`;

/** Routes that need no target: anyone (public), anyone signed in, or site administrators only. */
function genericCase(route: Route): Case | null {
  if (route.access.kind === 'scoped') return null;
  const kind = route.access.kind;
  const params = Object.fromEntries([...route.url.matchAll(/:(\w+)/g)].map((match) => [match[1] ?? '', 'x']));
  return { req: () => ({ params, body: {} }), only: () => kind !== 'site_admin', ok: [] };
}

/** Routes that end the caller's session: each runs on a session made for it, then the caller signs in again. */
const SESSION_ENDING = new Set(['POST /api/auth/sign-out', 'POST /api/auth/sign-out-everywhere']);

const caseOf = (route: Route): Case | null => CASES[keyOf(route)] ?? genericCase(route);

/** `hidden`: refused as if the target did not exist (404, or 400 for a body's reference). */
function outcomeFor(caller: Caller, route: Route, routeCase: Case): 'allow' | 'deny' | 'hidden' | 'sign_in' {
  if (caller.kind === 'anonymous') return route.access.kind === 'public' ? 'allow' : 'sign_in';
  if (caller.kind === 'site_admin') return 'allow';
  // A scoped route tells a caller from another organisation nothing of this one's ids.
  if (route.access.kind === 'scoped' && (routeCase.outsider ?? isOutsider)(caller)) return 'hidden';
  if (routeCase.only) return routeCase.only(caller) ? 'allow' : 'deny';
  const need = route.access.need as Parameters<typeof expected>[1][number]['need'];
  return expected(caller, routeCase.checks ? routeCase.checks(need) : [{ need, unit: TARGET_UNIT }]);
}

let f: AccessFixture;
let asserted = 0;

beforeAll(async () => {
  f = await buildAccessFixture();
  await makeTargets(f);
}, 120_000);
afterAll(async () => {
  console.info(
    `access matrix: ${String(asserted)} route × caller outcomes asserted over ${String(ROUTES.length)} routes`,
  );
  await f.t.close();
});

/** The request a caller sends (built first: a throwaway it needs is made before the audit mark). */
async function prepare(
  route: Route,
  routeCase: Case,
  caller: Caller | null,
): Promise<InjectOptions & { anonymous?: boolean }> {
  const request = await routeCase.req(f);
  const url = route.url.replace(/:(\w+)/g, (_match, name: string) =>
    encodeURIComponent(request.params?.[name] ?? ''),
  );
  const headers: Record<string, string> = { ...(caller ? f.headers.get(caller.label) : {}) };
  if (request.contentType) headers['content-type'] = request.contentType;
  const options: InjectOptions & { anonymous?: boolean } = {
    method: route.method,
    url,
    headers,
    ...(request.query ? { query: request.query } : {}),
    ...(request.payload !== undefined
      ? { payload: request.payload }
      : request.body !== undefined && route.method !== 'GET'
        ? { payload: request.body as object }
        : {}),
    ...(caller?.kind === 'anonymous' ? { anonymous: true } : {}),
  };
  return options;
}

describe('access matrix', () => {
  it('has a case for every registered route, and none for a route that is gone', () => {
    const registered = ROUTES.map(keyOf).sort();
    const covered = ROUTES.filter((route) => caseOf(route) !== null)
      .map(keyOf)
      .sort();
    expect(covered).toEqual(registered);
    expect(Object.keys(CASES).filter((key) => !registered.includes(key))).toEqual([]);
  });

  for (const route of ROUTES) {
    const routeCase = caseOf(route);
    if (routeCase === null) continue;
    const label = `${keyOf(route)} (${route.access.kind}${route.access.need ? ` ${route.access.need}` : ''})`;
    it(label, async () => {
      const failures: string[] = [];
      const generic = !(keyOf(route) in CASES);
      // The request must be valid: the site administrator (the test app's default) gets the success status.
      const endsSession = SESSION_ENDING.has(keyOf(route));
      const baselineRequest = await prepare(route, routeCase, null);
      if (endsSession)
        baselineRequest.headers = await f.t.signIn({ id: 'u-throwaway-admin', isSiteAdmin: true });
      const baseline = await f.t.request(baselineRequest);
      const ok = routeCase.ok ?? [route.status, ...route.otherStatuses];
      if (!generic && !ok.includes(baseline.statusCode))
        failures.push(`site admin: ${String(baseline.statusCode)} ${baseline.body.slice(0, 300)}`);
      for (const caller of f.callers) {
        const want = outcomeFor(caller, route, routeCase);
        const request = await prepare(route, routeCase, caller);
        const before = await f.auditMark();
        const response = await f.t.request(request);
        const status = response.statusCode;
        const changed = (await f.auditMark()) !== before;
        if (endsSession && caller.kind === 'user')
          f.headers.set(caller.label, await f.t.signIn({ id: `u-${caller.role}-${caller.relation}` }));
        asserted++;
        const say = (what: string) =>
          failures.push(
            `${caller.label}: expected ${what}, got ${String(status)} ${response.body.slice(0, 200)}`,
          );
        if (status >= 500) say('no 5xx');
        else if (want === 'sign_in' && status !== 401) say('401');
        else if (want === 'deny' && status !== 403) say('403');
        else if (
          want === 'hidden' &&
          !['not_found', 'validation_failed'].includes(body<ErrorResponse>(response).error.code)
        )
          say('404 or 400, as for an id that does not exist');
        else if (
          want === 'allow' &&
          (status === 401 || status === 403 || (!generic && (status === 400 || status === 404)))
        )
          say('allowed');
        if (want !== 'allow' && changed)
          failures.push(`${caller.label}: a refused request changed the audit trail`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('lists answer only what the caller may see', () => {
  const ids = (data: unknown): string[] => (data as { id: string }[]).map((row) => row.id).sort();
  const as = async (label: string, url: string) => {
    const response = await f.t.request({ method: 'GET', url, headers: f.headers.get(label) ?? {} });
    expect(response.statusCode).toBe(200);
    return ids(response.data);
  };

  it("lists the caller's organisations, not every organisation", async () => {
    expect(await as('viewer@own', '/api/organisations')).toEqual(['acme']);
    expect(await as('viewer@other_org', '/api/organisations')).toEqual(['globex']);
    expect(await as('token:read@own', '/api/organisations')).toEqual(['acme']);
  });

  it("lists the X-matrices of the units one may read (own, below, in line of sight), not a sibling's", async () => {
    const sibling = await as('viewer@sibling', '/api/organisations/acme/matrices');
    expect(sibling).not.toContain('cso-2026');
    expect(sibling).toContain('cio-2026'); // the parent's, in line of sight
    const child = await as('viewer@child', '/api/organisations/acme/matrices');
    expect(child).toEqual(expect.arrayContaining(['cso-2026', 'cio-2026']));
    expect(await as('token:read@child', '/api/organisations/acme/matrices')).not.toContain('cso-2026');
  });

  it('shows a unit API token only the people and roles of its subtree, and no e-mail address beyond it', async () => {
    const rows = async (label: string, url: string) => {
      const response = await f.t.request({ method: 'GET', url, headers: f.headers.get(label) ?? {} });
      expect(response.statusCode).toBe(200);
      return response.data as { id: string; unitId: string | null }[];
    };
    const people = await rows('token:read@child', '/api/organisations/acme/people');
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((person) => person.unitId === 'secops')).toBe(true);
    expect(JSON.stringify(people)).not.toContain('hannah.fischer@example.com');
    const roles = await rows('token:read@child', '/api/organisations/acme/role-assignments');
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((role) => role.unitId === 'secops')).toBe(true);
    // People (not tokens) of the organisation see all of its people.
    expect((await rows('viewer@child', '/api/organisations/acme/people')).map((p) => p.id)).toContain(
      'hannah-fischer',
    );
  });
});

describe('refusals tell a caller from another organisation nothing', () => {
  const asOutsider = (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
    f.t.request({
      method,
      url,
      headers: f.headers.get('admin@other_org') ?? {},
      ...(payload ? { payload } : {}),
    });

  it("answers another organisation's ids as it answers ids that do not exist", async () => {
    for (const [existing, missing] of [
      ['/api/units/cso', '/api/units/no-such-unit'],
      ['/api/organisations/acme/people', '/api/organisations/no-such-org/people'],
      ['/api/key-results/cso-kr1-1', '/api/key-results/no-such-kr'],
    ] as const) {
      const [foreign, absent] = [await asOutsider(existing), await asOutsider(missing)];
      expect(foreign.statusCode, existing).toBe(absent.statusCode);
      const idOf = (url: string) => url.split('/')[3] ?? '';
      expect(foreign.body.replaceAll(idOf(existing), 'ID'), existing).toBe(
        absent.body.replaceAll(idOf(missing), 'ID'),
      );
    }
    const checkIn = { value: 1, date: '2026-06-15' };
    const foreign = await asOutsider('/api/check-ins', 'POST', { keyResultId: 'cso-kr1-1', ...checkIn });
    const absent = await asOutsider('/api/check-ins', 'POST', { keyResultId: 'no-such-kr', ...checkIn });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body.replaceAll('cso-kr1-1', 'ID')).toBe(absent.body.replaceAll('no-such-kr', 'ID'));
  });

  it("does not name another organisation's units in a unit token's bulk check-in", async () => {
    const response = await f.t.request({
      method: 'POST',
      url: '/api/units/gx-hq/check-ins/bulk',
      headers: f.headers.get('token:check_ins@other_org') ?? {},
      payload: { checkIns: [{ item: 'cso-kr1-1', date: '2026-06-15', value: 1 }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body.replaceAll('cso-kr1-1', '')).not.toContain('cso');
  });
});
