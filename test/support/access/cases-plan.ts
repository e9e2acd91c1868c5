import { sql } from 'kysely';
import { onOrganisation, onPersonIn, onThrowaway, fromTo, type Cases } from './case';
import type { AccessFixture } from './fixture';
import { ORG } from './policy';

const made = (f: AccessFixture, key: string): string => f.made[key] ?? '';
/** The id of the n-th throwaway of a kind: `tmp-unit-3`. */
const tmp = (kind: string, n: number): string => `tmp-${kind}-${String(n)}`;

let scenarioCount = 0;

/** Organisations, structure, OKRs, X-matrices and plan documents. */
export const planCases: Cases = {
  'GET /api/organisations/:id': { req: () => ({ params: { id: ORG } }), checks: onOrganisation },
  'PATCH /api/organisations/:id': {
    req: async (f) => ({
      params: { id: ORG },
      body: { version: await f.version('organisations', ORG), horizonYears: 3 },
    }),
    checks: onOrganisation,
  },
  'DELETE /api/organisations/:id': {
    // A throwaway organisation in which every organisation-wide role of acme is held too: only its admin may delete it.
    req: onThrowaway('organisations', async (f, n) => {
      const id = await f.create('/api/organisations', { id: tmp('org', n), name: `Tmp ${String(n)}` });
      await sql`INSERT INTO role_assignments (id, organisation_id, unit_id, user_id, role)
          SELECT 'tmp-' || ${id} || '-' || id, ${id}, NULL, user_id, role FROM role_assignments WHERE organisation_id = ${ORG} AND unit_id IS NULL`.execute(
        f.t.store.db,
      );
      return id;
    }),
    checks: onOrganisation,
    // Only the organisation-wide roles are held there: every other caller is a stranger to it.
    outsider: (caller) => caller.kind !== 'user' || caller.relation !== 'organisation',
  },
  'GET /api/organisations/:id/units': { req: () => ({ params: { id: ORG } }), checks: onOrganisation },
  'GET /api/organisations/:id/people': { req: () => ({ params: { id: ORG } }), checks: onOrganisation },
  'POST /api/organisations/:id/people': {
    req: () => ({ params: { id: ORG }, body: { people: [{ name: 'Pasted Person', skills: ['Audit'] }] } }),
    checks: onOrganisation,
  },
  'GET /api/organisations/:id/cycles': { req: () => ({ params: { id: ORG } }), checks: onOrganisation },
  'GET /api/organisations/:id/matrices': { req: () => ({ params: { id: ORG } }), checks: onOrganisation },

  'POST /api/units': {
    req: () => ({ body: { organisationId: ORG, parentId: 'cso', name: 'New unit' } }),
  },
  'GET /api/units/:id': { req: () => ({ params: { id: 'cso' } }) },
  'PATCH /api/units/:id': {
    req: async (f) => ({
      params: { id: 'cso' },
      body: { version: await f.version('units', 'cso'), name: 'Security (CSO)' },
    }),
  },
  'DELETE /api/units/:id': {
    // A new unit under cso: the grants on cso and above hold there, as on cso.
    req: onThrowaway('units', (f, n) =>
      f.create('/api/units', { id: tmp('unit', n), organisationId: ORG, parentId: 'cso', name: 'Tmp' }),
    ),
  },
  'POST /api/people': { req: () => ({ body: { organisationId: ORG, unitId: 'cso', name: 'New Person' } }) },
  'GET /api/people/:id': { req: () => ({ params: { id: 'hannah-fischer' } }), checks: onPersonIn('cso') },
  'PATCH /api/people/:id': {
    req: async (f) => ({
      params: { id: 'hannah-fischer' },
      body: { version: await f.version('people', 'hannah-fischer'), monthlyCapacity: 12 },
    }),
  },
  'DELETE /api/people/:id': {
    req: onThrowaway('people', (f, n) =>
      f.create('/api/people', { id: tmp('person', n), organisationId: ORG, unitId: 'cso', name: 'Tmp' }),
    ),
  },
  'POST /api/cycles': { req: () => ({ body: { organisationId: ORG, year: 2027 } }), checks: onOrganisation },
  'GET /api/cycles/:id': { req: () => ({ params: { id: 'fy2026' } }), checks: onOrganisation },
  'PATCH /api/cycles/:id': {
    req: async (f) => ({
      params: { id: 'fy2026' },
      body: { version: await f.version('cycles', 'fy2026'), name: 'FY2026' },
    }),
    checks: onOrganisation,
  },
  'DELETE /api/cycles/:id': {
    req: onThrowaway('cycles', (f, n) =>
      f.create('/api/cycles', { id: tmp('cycle', n), organisationId: ORG, year: 2040 }),
    ),
    checks: onOrganisation,
  },

  'GET /api/units/:id/okrs': { req: () => ({ params: { id: 'cso' } }) },
  'POST /api/objectives': {
    req: () => ({ body: { unitId: 'cso', cycleId: 'fy2026', title: 'A new objective' } }),
  },
  'GET /api/objectives/:id': { req: () => ({ params: { id: 'cso-o1' } }) },
  'PATCH /api/objectives/:id': {
    req: async (f) => ({
      params: { id: 'cso-o1' },
      body: { version: await f.version('objectives', 'cso-o1'), kind: 'committed' },
    }),
  },
  'DELETE /api/objectives/:id': {
    req: onThrowaway('objectives', (f, n) =>
      f.create('/api/objectives', { id: tmp('obj', n), unitId: 'cso', cycleId: 'fy2026', title: 'Tmp' }),
    ),
  },
  'POST /api/objectives/:id/move': {
    req: async (f) => ({
      params: { id: 'cso-o1' },
      body: { version: await f.version('objectives', 'cso-o1'), position: 0 },
    }),
  },
  'POST /api/objectives/:id/clone': {
    req: () => ({ params: { id: 'cso-o1' }, body: { cycleId: 'fy2026' } }),
    ok: [201],
  },
  'POST /api/key-results': {
    req: () => ({
      body: { objectiveId: 'cso-o1', title: 'A new key result', kind: 'increase', baseline: 0, target: 10 },
    }),
  },
  'GET /api/key-results/:id': { req: () => ({ params: { id: 'cso-kr1-1' } }) },
  'PATCH /api/key-results/:id': {
    req: async (f) => ({
      params: { id: 'cso-kr1-1' },
      body: { version: await f.version('key_results', 'cso-kr1-1'), confidence: 0.55 },
    }),
  },
  'POST /api/key-results/:id/move': {
    req: async (f) => ({
      params: { id: 'cso-kr1-1' },
      body: { version: await f.version('key_results', 'cso-kr1-1'), position: 0 },
    }),
  },
  'DELETE /api/key-results/:id': {
    req: onThrowaway('key_results', (f, n) =>
      f.create('/api/key-results', {
        id: tmp('kr', n),
        objectiveId: 'cso-o1',
        title: 'Tmp',
        kind: 'increase',
        baseline: 0,
        target: 10,
      }),
    ),
  },

  'GET /api/units/:unitId/matrices/:year': { req: () => ({ params: { unitId: 'cso', year: '2026' } }) },
  'POST /api/matrices': { req: () => ({ body: { unitId: 'cso', year: 2027 } }) },
  'GET /api/matrices/:id': { req: () => ({ params: { id: 'cso-2026' } }) },
  'PATCH /api/matrices/:id': {
    req: async (f) => ({
      params: { id: 'cso-2026' },
      body: {
        version: await f.version('x_matrices', 'cso-2026'),
        trueNorth: 'Every alert answered in minutes, by people and machines together',
      },
    }),
  },
  'DELETE /api/matrices/:id': {
    // Creating a matrix answers with its view, not the row.
    req: onThrowaway('x_matrices', async (f, n) => {
      const view = (await f.admin({
        method: 'POST',
        url: '/api/matrices',
        payload: { id: tmp('matrix', n), unitId: 'cso', year: 2040 + (n % 60) },
      })) as { matrix: { id: string } };
      return view.matrix.id;
    }),
  },
  'POST /api/matrices/:id/items': {
    req: () => ({ params: { id: 'cso-2026' }, body: { part: 'what', title: 'A new breakthrough' } }),
  },
  'POST /api/matrices/:id/parts/:part/order': {
    req: async (f) => {
      const rows = await f.t.store.db
        .selectFrom('matrixItems')
        .select('id')
        .where('matrixId', '=', 'cso-2026')
        .where('part', '=', 'how_much')
        .orderBy('position')
        .execute();
      return { params: { id: 'cso-2026', part: 'how_much' }, body: { ids: rows.map((row) => row.id) } };
    },
  },
  'GET /api/matrix-items/:id': { req: () => ({ params: { id: 'cso-i1' } }) },
  'PATCH /api/matrix-items/:id': {
    req: async (f) => ({
      params: { id: 'cso-bo3' },
      body: { version: await f.version('matrix_items', 'cso-bo3'), description: 'Governed AI' },
    }),
  },
  'DELETE /api/matrix-items/:id': {
    req: onThrowaway('matrix_items', (f, n) =>
      f.create('/api/matrices/cso-2026/items', { id: tmp('item', n), part: 'what', title: 'Tmp' }),
    ),
  },
  'PUT /api/matrices/:id/correlations': {
    req: () => ({
      params: { id: 'cso-2026' },
      body: { aId: 'cso-bo3', bId: 'cso-af1', strength: 'weak', version: null },
    }),
    ok: [200, 409],
  },
  'PUT /api/matrices/:id/ownerships': {
    req: () => ({
      params: { id: 'cso-2026' },
      body: { initiativeId: 'cso-i7', whoId: 'cso-w6', role: 'secondary', version: null },
    }),
    ok: [200, 409],
  },
  'GET /api/organisations/:id/plan': { req: () => ({ params: { id: ORG }, query: { unitId: 'cso' } }) },
  'POST /api/plan': {
    // Re-importing acme without replace: allowed callers get the 409 that asks for replace.
    req: (f) => ({ body: f.documents.plan }),
    checks: onOrganisation,
    ok: [409],
  },

  'GET /api/matrix-items/:id/impacts': { req: () => ({ params: { id: 'cso-i1' } }) },
  'POST /api/impacts': {
    req: () => ({ body: { initiativeId: 'cso-i7', kpiId: 'cso-k2', low: 0, likely: 1, high: 2 } }),
  },
  'GET /api/impacts/:id': { req: (f) => ({ params: { id: made(f, 'impact') } }) },
  'PATCH /api/impacts/:id': {
    req: async (f) => ({
      params: { id: made(f, 'impact') },
      body: { version: await f.version('initiative_impacts', made(f, 'impact')), high: 3 },
    }),
  },
  'DELETE /api/impacts/:id': {
    req: onThrowaway('initiative_impacts', (f) =>
      f.create('/api/impacts', { initiativeId: 'cso-i7', kpiId: 'cso-k3', low: 0, likely: 1, high: 2 }),
    ),
  },
  'GET /api/matrix-items/:id/efforts': { req: () => ({ params: { id: 'cso-i1' } }) },
  'PUT /api/matrix-items/:id/efforts': {
    req: () => ({
      params: { id: 'cso-i7' },
      body: { skills: [{ skill: 'access-grid', months: Array<number>(12).fill(1) }] },
    }),
  },
  'POST /api/efforts': {
    req: () => ({ body: { initiativeId: 'cso-i7', skill: 'facilitation', personDaysPerMonth: 1 } }),
  },
  'GET /api/efforts/:id': { req: (f) => ({ params: { id: made(f, 'effort') } }) },
  'PATCH /api/efforts/:id': {
    req: async (f) => ({
      params: { id: made(f, 'effort') },
      body: { version: await f.version('initiative_efforts', made(f, 'effort')), personDaysPerMonth: 2 },
    }),
  },
  'DELETE /api/efforts/:id': {
    req: onThrowaway('initiative_efforts', (f, n) =>
      f.create('/api/efforts', {
        initiativeId: 'cso-i7',
        skill: `skill-${String(n)}`,
        personDaysPerMonth: 1,
      }),
    ),
  },
  'POST /api/matrices/:id/pressure-test': {
    req: () => ({ params: { id: 'cso-2026' }, body: { trials: 100, wait: true } }),
  },
  'GET /api/pressure-tests/:id': { req: (f) => ({ params: { id: made(f, 'job') } }) },
  'GET /api/matrices/:id/capacity': { req: () => ({ params: { id: 'cso-2026' } }) },
  'GET /api/matrices/:id/lint': { req: () => ({ params: { id: 'cso-2026' } }) },
  'GET /api/matrices/:id/what-if-basis': { req: () => ({ params: { id: 'cso-2026' } }) },
  'GET /api/matrices/:id/forecast': { req: () => ({ params: { id: 'cso-2026' } }) },
  'POST /api/matrices/:id/forecast': { req: () => ({ params: { id: 'cso-2026' } }) },
  'GET /api/key-results/:id/forecast': { req: () => ({ params: { id: 'cso-kr1-1' } }) },
  'POST /api/matrices/:id/scenarios': {
    req: () => ({
      params: { id: 'cso-2026' },
      // Names are unique per matrix: one per caller.
      body: { name: `Scenario ${String((scenarioCount += 1))}`, changes: { delivery: { 'cso-i7': 0.5 } } },
    }),
  },
  'GET /api/matrices/:id/scenarios': { req: () => ({ params: { id: 'cso-2026' } }) },
  'GET /api/scenarios/:id': { req: (f) => ({ params: { id: made(f, 'scenario') } }) },
  'PATCH /api/scenarios/:id': {
    req: async (f) => ({
      params: { id: made(f, 'scenario') },
      body: { version: await f.version('what_if_scenarios', made(f, 'scenario')), name: 'Access' },
    }),
  },
  'DELETE /api/scenarios/:id': {
    req: onThrowaway('what_if_scenarios', (f, n) =>
      f.create('/api/matrices/cso-2026/scenarios', { name: tmp('scenario', n), changes: {} }),
    ),
  },
  'GET /api/scenarios/:id/comparison': { req: (f) => ({ params: { id: made(f, 'scenario') } }) },
  'GET /api/scenarios/:id/apply-preview': { req: (f) => ({ params: { id: made(f, 'scenario') } }) },
  'POST /api/scenarios/:id/apply': {
    req: async (f) => ({
      params: { id: made(f, 'scenario') },
      body: { version: await f.version('what_if_scenarios', made(f, 'scenario')) },
    }),
  },

  'GET /api/matrices/:id/export.svg': { req: () => ({ params: { id: 'cso-2026' } }) },
  'GET /api/matrices/:id/export.png': { req: () => ({ params: { id: 'cso-2026' } }) },
  'GET /api/matrices/:id/export.pdf': { req: () => ({ params: { id: 'cso-2026' } }) },
  'GET /api/matrices/:id/export.xlsx': { req: () => ({ params: { id: 'cso-2026' } }) },
  'POST /api/imports/okrs/preview': {
    req: () => ({
      query: { unitId: 'cso', cycleId: 'fy2026' },
      payload: 'Objective,Key Result\nImported objective,Imported key result\n',
      contentType: 'text/csv',
    }),
  },
  'POST /api/imports/okrs/confirm': {
    req: () => ({
      query: { unitId: 'cso', cycleId: 'fy2026' },
      payload: 'Objective,Key Result\nImported objective,Imported key result\n',
      contentType: 'text/csv',
    }),
  },
  'POST /api/imports/matrix/preview': {
    req: (f) => ({
      query: { unitId: 'cso', year: '2031', mode: 'copy' },
      payload: Buffer.from(f.made.workbook ?? '', 'base64'),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  },
  'POST /api/imports/matrix': {
    req: (f) => ({
      query: { unitId: 'cso', year: '2031' },
      payload: Buffer.from(f.made.workbook ?? '', 'base64'),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    ok: [201],
  },

  'POST /api/translations/preview': {
    req: () => ({ body: { fromUnitId: 'cio', toUnitId: 'cso', cycleId: 'fy2026', year: 2029 } }),
    checks: fromTo('cio', 'cso'),
  },
  'POST /api/translations/prefill': {
    req: (f) => ({ body: f.documents.translation }),
    checks: fromTo('cio', 'cso'),
  },
  'POST /api/translations/apply': {
    req: (f) => ({ body: f.documents.translation }),
    checks: fromTo('cio', 'cso'),
  },
  'POST /api/matrix-items/:id/source/accept': {
    req: async (f) => ({
      params: { id: 'cso-bo1' },
      body: { version: await f.version('matrix_items', 'cso-bo1') },
    }),
    ok: [200, 409, 422],
  },
  'POST /api/matrix-items/:id/source/answer': {
    req: async (f) => ({
      params: { id: 'cso-af1' },
      body: { version: await f.version('matrix_items', 'cso-af1'), comment: 'We keep ours' },
    }),
    ok: [200, 409, 422],
  },
  'POST /api/matrix-items/:id/cascade': {
    req: () => ({ params: { id: 'cso-i1' }, body: { toUnitId: 'secops', year: 2026, as: 'what' } }),
    checks: fromTo('cso', 'secops'),
    ok: [201],
  },
  'GET /api/trace/:kind/:id': { req: () => ({ params: { kind: 'key_result', id: 'cso-kr1-1' } }) },
  'GET /api/organisations/:id/strategy-map': { req: () => ({ params: { id: ORG } }), checks: onOrganisation },
  'GET /api/organisations/:id/orphans': { req: () => ({ params: { id: ORG } }), checks: onOrganisation },
  'GET /api/matrices/:id/orphans': { req: () => ({ params: { id: 'cso-2026' } }) },
};
