import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { grantRole } from '../builders';
import type { Endpoint, EndpointRequest, EndpointResponse } from '../../../src/contracts/endpoint';
import { createTestApp, demoPlan, type TestApp } from '../test-app';
import { everyCaller, GRANT_AT, OTHER_ORG, type Caller } from './policy';

/** A small second organisation: the callers with a role there must see nothing of the first. */
const OTHER_PLAN = {
  catchball: 1,
  organisation: { id: OTHER_ORG, name: 'Globex' },
  units: [
    { id: 'gx-hq', name: 'Globex HQ', parentId: null, ownerId: 'gx-ann' },
    { id: 'gx-team', name: 'Globex Team', parentId: 'gx-hq', ownerId: null },
  ],
  people: [{ id: 'gx-ann', name: 'Ann Globex', unitId: 'gx-hq' }],
  cycles: [{ id: 'gx-2026', name: 'GX 2026', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' }],
  objectives: [],
  matrices: [],
};

export interface AccessFixture {
  t: TestApp;
  callers: Caller[];
  /** The headers each caller sends (none for anonymous; the site admin's are the test app's default). */
  headers: Map<string, Record<string, string>>;
  /** A request as the site administrator that must succeed; its JSON body. */
  admin: (options: InjectOptions) => Promise<unknown>;
  /** POSTs `payload` to `url` as the site administrator, which must succeed; the new row's id. */
  create: (url: string, payload: object) => Promise<string>;
  /** `admin` through a declared endpoint: its answer, typed as the endpoint's response. */
  adminCall<E extends Endpoint>(endpoint: E, input: EndpointRequest<E>): Promise<EndpointResponse<E>>;
  /** The current version of a row, for writes that must send the version they read. */
  version(
    table:
      | 'organisations'
      | 'units'
      | 'people'
      | 'cycles'
      | 'objectives'
      | 'key_results'
      | 'x_matrices'
      | 'matrix_items'
      | 'countermeasures'
      | 'initiative_impacts'
      | 'initiative_efforts'
      | 'webhooks'
      | 'catchball_proposals'
      | 'what_if_scenarios',
    id: string,
  ): Promise<number>;
  /**
   * A throwaway entity for a destructive case: the one made for an earlier caller when it still
   * exists (that caller was refused), else a new one.
   */
  spare(
    key: string,
    stillThere: (id: string) => Promise<boolean>,
    make: (n: number) => Promise<string>,
  ): Promise<string>;
  /** Whether a row exists. */
  exists(table: string, id: string): Promise<boolean>;
  /** A fingerprint of every row change: the audit trail's last id. */
  auditMark(): Promise<number>;
  /** Ids the setup made (a check-in, a proposal, a pressure-test job, a translation proposal). */
  made: Record<string, string>;
  documents: { plan: unknown; translation: unknown };
}

/**
 * One app for the whole file: the demo organisation, a second one, a user per role and place
 * (rows inserted in role_assignments; the contributor on cso is the person lukas-meyer), and a
 * unit API token per scope and place.
 */
export async function buildAccessFixture(): Promise<AccessFixture> {
  const t = await createTestApp();
  await t.services.planImport.importPlan(demoPlan());
  await t.services.planImport.importPlan(OTHER_PLAN);
  const { db } = t.store;
  const callers = everyCaller();
  const headers = new Map<string, Record<string, string>>();
  const admin = async (options: InjectOptions): Promise<unknown> => {
    const response = await t.request(options);
    if (response.statusCode >= 300)
      throw new Error(
        `setup ${JSON.stringify([options.method, options.url])}: ${String(response.statusCode)} ${response.body}`,
      );
    return response.data;
  };
  const adminCall: AccessFixture['adminCall'] = async (endpoint, input) => {
    const response = await t.call(endpoint, input);
    if (response.statusCode >= 300)
      throw new Error(
        `setup ${endpoint.method} ${endpoint.path}: ${String(response.statusCode)} ${response.body}`,
      );
    return response.result;
  };
  for (const caller of callers) {
    if (caller.kind === 'anonymous' || caller.kind === 'site_admin') continue;
    const grant = GRANT_AT[caller.relation];
    if (caller.kind === 'user') {
      const id = `u-${caller.role}-${caller.relation}`;
      headers.set(caller.label, await t.signIn({ id }));
      await grantRole(db, id, { ...grant, role: caller.role });
      if (caller.personId)
        await db.updateTable('people').set({ userId: id }).where('id', '=', caller.personId).execute();
    } else {
      const token = (await admin({
        method: 'POST',
        url: `/api/units/${grant.unitId ?? ''}/api-tokens`,
        payload: { name: caller.label, scopes: [caller.scope] },
      })) as { token: string };
      headers.set(caller.label, { authorization: `Bearer ${token.token}` });
    }
  }
  const exists = async (table: string, id: string): Promise<boolean> => {
    const result = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE id = ${id}`.execute(db);
    return (result.rows[0]?.n ?? 0) > 0;
  };
  const spares = new Map<string, string>();
  let counter = 0;
  return {
    t,
    callers,
    headers,
    admin,
    create: async (url, payload) => ((await admin({ method: 'POST', url, payload })) as { id: string }).id,
    adminCall,
    async version(table, id) {
      const result = await sql<{
        version: number;
      }>`SELECT version FROM ${sql.table(table)} WHERE id = ${id}`.execute(db);
      const row = result.rows[0];
      if (!row) throw new Error(`no ${table} ${id}`);
      return row.version;
    },
    async spare(key, stillThere, make) {
      const previous = spares.get(key);
      if (previous !== undefined && (await stillThere(previous))) return previous;
      const id = await make(++counter);
      spares.set(key, id);
      return id;
    },
    exists,
    async auditMark() {
      const result = await sql<{
        id: string | number | null;
      }>`SELECT max(id) AS id FROM audit_events`.execute(db);
      return Number(result.rows[0]?.id ?? 0);
    },
    made: {},
    documents: { plan: null, translation: null },
  };
}

/** The things some cases act on, made once as the site administrator. */
export async function makeTargets(f: AccessFixture): Promise<void> {
  const { admin, create, made } = f;
  made.impact = await create('/api/impacts', {
    initiativeId: 'cso-i7',
    kpiId: 'cso-k4',
    low: 0,
    likely: 1,
    high: 2,
  });
  made.effort = await create('/api/efforts', {
    initiativeId: 'cso-i7',
    skill: 'coaching',
    personDaysPerMonth: 1,
  });
  made.job = await create('/api/matrices/cso-2026/pressure-test', { trials: 100, wait: true });
  // No changes: applying it writes nothing but its applied time, so every allowed caller may.
  made.scenario = await create('/api/matrices/cso-2026/scenarios', { name: 'Access', changes: {} });
  made.countermeasure = await create('/api/countermeasures', {
    kpiId: 'cso-k1',
    year: 2026,
    month: 4,
    problem: 'Behind plan',
  });
  made.webhook = await create('/api/webhooks', {
    organisationId: 'acme',
    unitId: 'cso',
    url: 'http://127.0.0.1:9/cso',
  });
  made.proposal = await create('/api/proposals', {
    matrixId: 'cso-2026',
    kpiItemId: 'cso-k3',
    keyResultId: 'cio-kr2-2',
    proposedTarget: 20,
    actorId: 'daniel-kovacs',
  });
  const workbook = await f.t.request({ method: 'GET', url: '/api/templates/x-matrix.xlsx?year=2031' });
  made.workbook = workbook.rawPayload.toString('base64');
  f.documents.translation = await admin({
    method: 'POST',
    url: '/api/translations/preview',
    payload: { fromUnitId: 'cio', toUnitId: 'cso', cycleId: 'fy2026', year: 2029 },
  });
  f.documents.plan = demoPlan();
  // Sources that changed: cso-bo1 follows cio-o1, cso-af1 follows cio-kr1-1.
  await admin({
    method: 'PATCH',
    url: '/api/objectives/cio-o1',
    payload: {
      version: await f.version('objectives', 'cio-o1'),
      title: 'Make AI part of all daily IT and security operations',
    },
  });
  await admin({
    method: 'PATCH',
    url: '/api/key-results/cio-kr1-1',
    payload: {
      version: await f.version('key_results', 'cio-kr1-1'),
      title: 'Raise share of L1 security alerts triaged by AI from 5 % to 65 %',
    },
  });
}
