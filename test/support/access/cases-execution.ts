import * as endpoints from '../../../src/contracts/endpoints';
import { onOrganisation, onPersonIn, onThrowaway, onUnit, type Cases } from './case';
import type { AccessFixture } from './fixture';
import { ORG } from './policy';

/** Items the contributor on cso owns (lukas-meyer): key result cso-kr1-1 and KPI cso-k1. */
const LUKAS = ['lukas-meyer'];
const OVERRIDE = { status: 'at_risk', reason: 'vendor delay' };
const made = (f: AccessFixture, key: string): string => f.made[key] ?? '';
const isLocked = async (f: AccessFixture, cycleId: string): Promise<boolean> =>
  (await f.adminCall(endpoints.execution.getCycleLock, { params: { id: cycleId } })).locked;
/** The request to clear a status override, after the site administrator set one. */
const overridden = (items: 'objectives' | 'key-results', id: string) => async (f: AccessFixture) => {
  await f.admin({ method: 'PUT', url: `/api/${items}/${id}/status-override`, payload: OVERRIDE });
  return { params: { id } };
};
const checkIn = { date: '2026-06-15', value: 12, comment: 'access matrix' };

/** A manual HTTP connector on KPI cso-k1 (to an address nothing listens on: saving does not fetch). */
const connectorBody = {
  config: {
    kind: 'http' as const,
    url: 'http://127.0.0.1:1/kpi.json',
    format: 'json' as const,
    valueField: 'value',
  },
  schedule: 'manual' as const,
};
/** The version of cso-k1's connector, made by the site administrator when it has none. */
async function ensureConnector(f: AccessFixture): Promise<number> {
  const { connector } = await f.adminCall(endpoints.connectors.getConnector, { params: { id: 'cso-k1' } });
  if (connector) return connector.version;
  return (
    await f.adminCall(endpoints.connectors.setConnector, { params: { id: 'cso-k1' }, body: connectorBody })
  ).version;
}

let grants = 0;
/** A viewer role on cso for a new address, made by the site administrator, to change or remove. */
async function throwawayGrant(f: AccessFixture): Promise<{ id: string; version: number }> {
  const made = await f.adminCall(endpoints.users.grantRole, {
    body: {
      organisationId: ORG,
      unitId: 'cso',
      email: `grant-${String(++grants)}@example.test`,
      role: 'viewer',
    },
  });
  return made.assignment;
}

/** Check-ins and tokens, execution, bowling chart, dashboards, catchball and webhooks. */
export const executionCases: Cases = {
  'POST /api/check-ins': {
    req: () => ({ body: { keyResultId: 'cso-kr1-1', ...checkIn } }),
    checks: onUnit('cso', LUKAS),
  },
  'GET /api/check-ins': { req: () => ({ query: { keyResultId: 'cso-kr1-1' } }) },
  'POST /api/check-ins/:id/corrections': {
    req: async (f) => {
      const created = await f.adminCall(endpoints.checkIns.createCheckIn, {
        body: { keyResultId: 'cso-kr1-1', ...checkIn },
      });
      return { params: { id: created.id }, body: { value: 13, comment: 'typo' } };
    },
    checks: onUnit('cso', LUKAS),
  },
  // Unit-wide uploads have no single owner: contributors need a check_ins token (or the editor role).
  'POST /api/units/:id/check-ins/upload': {
    req: () => ({
      params: { id: 'cso' },
      payload: `item,date,value\ncso-kr1-1,2026-06-16,14\n`,
      contentType: 'text/csv',
    }),
  },
  'POST /api/units/:id/check-ins/upload/preview': {
    req: () => ({
      params: { id: 'cso' },
      payload: `item,date,value\ncso-kr1-1,2026-06-16,14\n`,
      contentType: 'text/csv',
    }),
  },
  'POST /api/units/:id/check-ins/bulk': {
    req: () => ({
      params: { id: 'cso' },
      body: { checkIns: [{ item: 'cso-kr1-1', date: '2026-06-17', value: 15 }] },
    }),
  },
  'POST /api/units/:id/api-tokens': {
    req: () => ({ params: { id: 'cso' }, body: { name: 'feed', scopes: ['read'] } }),
  },
  'GET /api/units/:id/api-tokens': { req: () => ({ params: { id: 'cso' } }) },
  'DELETE /api/api-tokens/:id': {
    req: async (f) => {
      const live = async (id: string) =>
        (await f.t.store.db
          .selectFrom('unitApiTokens')
          .select('id')
          .where('id', '=', id)
          .where('revokedAt', 'is', null)
          .executeTakeFirst()) !== undefined;
      const id = await f.spare('token', live, () =>
        f.create('/api/units/cso/api-tokens', { name: 'throwaway', scopes: ['read'] }),
      );
      return { params: { id } };
    },
  },

  'GET /api/units/:id/progress': { req: () => ({ params: { id: 'cso' }, query: { cycleId: 'fy2026' } }) },
  'PUT /api/objectives/:id/status-override': {
    req: () => ({ params: { id: 'cso-o1' }, body: OVERRIDE }),
  },
  'DELETE /api/objectives/:id/status-override': { req: overridden('objectives', 'cso-o1') },
  'PUT /api/key-results/:id/status-override': {
    req: () => ({ params: { id: 'cso-kr1-1' }, body: OVERRIDE }),
    checks: onUnit('cso', LUKAS),
  },
  'DELETE /api/key-results/:id/status-override': {
    req: overridden('key-results', 'cso-kr1-1'),
    checks: onUnit('cso', LUKAS),
  },
  'GET /api/units/:id/cadence': { req: () => ({ params: { id: 'cso' } }) },
  'PUT /api/units/:id/cadence': { req: () => ({ params: { id: 'cso' }, body: { cadence: 'monthly' } }) },
  'GET /api/cycles/:id/lock': { req: () => ({ params: { id: 'fy2026' } }), checks: onOrganisation },
  'POST /api/cycles/:id/lock': {
    req: async (f) => {
      const unlocked = async (id: string) => !(await isLocked(f, id));
      const id = await f.spare('cycle-to-lock', unlocked, (n) =>
        f.create('/api/cycles', { id: `lock-me-${String(n)}`, organisationId: ORG, year: 2041 }),
      );
      return { params: { id }, body: { reason: 'year end' } };
    },
    checks: onOrganisation,
  },
  'POST /api/cycles/:id/reopen': {
    req: async (f) => {
      const locked = (id: string) => isLocked(f, id);
      const id = await f.spare('cycle-to-reopen', locked, async (n) => {
        const id = await f.create('/api/cycles', {
          id: `reopen-me-${String(n)}`,
          organisationId: ORG,
          year: 2042,
        });
        await f.admin({ method: 'POST', url: `/api/cycles/${id}/lock`, payload: {} });
        return id;
      });
      return { params: { id }, body: { reason: 'a late correction' } };
    },
    checks: onOrganisation,
  },

  'GET /api/matrices/:id/year-review': { req: () => ({ params: { id: 'cso-2026' } }) },
  'PUT /api/matrix-items/:id/reflection': {
    req: async (f) => {
      const review = await f.adminCall(endpoints.yearClose.getYearReview, { params: { id: 'cso-2026' } });
      const reflection = review.annualObjectives.find((item) => item.itemId === 'cso-af1')?.reflection;
      return {
        params: { id: 'cso-af1' },
        body: { reached: 'access matrix', causes: '', learned: '', version: reflection?.version ?? null },
      };
    },
  },
  'GET /api/cycles/:id/closure': { req: () => ({ params: { id: 'fy2026' } }), checks: onOrganisation },
  'POST /api/cycles/:id/close': {
    req: async (f) => {
      const open = async (id: string) =>
        !(await f.adminCall(endpoints.yearClose.getCycleClosure, { params: { id } })).closed;
      const id = await f.spare('cycle-to-close', open, (n) =>
        f.create('/api/cycles', { id: `close-me-${String(n)}`, organisationId: ORG, year: 2043 }),
      );
      return { params: { id } };
    },
    checks: onOrganisation,
  },
  'GET /api/matrices/:id/rollover': { req: () => ({ params: { id: 'cso-2026' } }) },
  'POST /api/matrices/:id/rollover': {
    req: async (f) => {
      // One closed year, rolled over again and again: the next year's matrix an earlier caller
      // made is deleted first.
      const unrolled = async (id: string) => {
        const { nextMatrixId } = await f.adminCall(endpoints.yearClose.previewRollover, { params: { id } });
        if (nextMatrixId !== null) {
          const version = await f.version('x_matrices', nextMatrixId);
          await f.admin({
            method: 'DELETE',
            url: `/api/matrices/${nextMatrixId}?version=${String(version)}`,
          });
        }
        return true;
      };
      const id = await f.spare('matrix-to-roll', unrolled, async () => {
        if (!(await f.exists('x_matrices', 'cso-roll-me'))) {
          const cycle = await f.create('/api/cycles', { id: 'roll-me', organisationId: ORG, year: 2044 });
          await f.create('/api/matrices', { id: 'cso-roll-me', unitId: 'cso', year: 2044 });
          await f.admin({ method: 'POST', url: `/api/cycles/${cycle}/close` });
        }
        return 'cso-roll-me';
      });
      return { params: { id }, body: { decisions: [] } };
    },
  },

  'GET /api/units/:id/bowling/:year': { req: () => ({ params: { id: 'cso', year: '2026' } }) },
  'PUT /api/kpis/:id/threshold': {
    req: () => ({ params: { id: 'cso-k1' }, body: { tolerancePercent: 10 } }),
  },
  'GET /api/kpis/:id/connector': { req: () => ({ params: { id: 'cso-k1' } }) },
  'PUT /api/kpis/:id/connector': {
    req: async (f) => ({
      params: { id: 'cso-k1' },
      body: { ...connectorBody, version: await ensureConnector(f) },
    }),
  },
  'DELETE /api/kpis/:id/connector': {
    req: async (f) => ({ params: { id: 'cso-k1' }, query: { version: String(await ensureConnector(f)) } }),
  },
  'POST /api/kpis/:id/connector/preview': {
    req: () => ({ params: { id: 'cso-k1' }, body: { config: connectorBody.config } }),
  },
  'POST /api/kpis/:id/connector/run': {
    req: async (f) => {
      await ensureConnector(f);
      return { params: { id: 'cso-k1' } };
    },
  },
  'GET /api/units/:id/countermeasures': { req: () => ({ params: { id: 'cso' } }) },
  'POST /api/countermeasures': {
    req: () => ({ body: { kpiId: 'cso-k1', year: 2026, month: 5, problem: 'Behind plan' } }),
    checks: onUnit('cso', LUKAS),
  },
  'GET /api/countermeasures/:id': { req: (f) => ({ params: { id: made(f, 'countermeasure') } }) },
  'PATCH /api/countermeasures/:id': {
    req: async (f) => ({
      params: { id: made(f, 'countermeasure') },
      body: {
        version: await f.version('countermeasures', made(f, 'countermeasure')),
        problem: 'Behind plan in May',
      },
    }),
    checks: onUnit('cso', LUKAS),
  },
  'DELETE /api/countermeasures/:id': {
    req: onThrowaway('countermeasures', (f) =>
      f.create('/api/countermeasures', { kpiId: 'cso-k1', year: 2026, month: 6, problem: 'Tmp' }),
    ),
    checks: onUnit('cso', LUKAS),
  },

  // Signing out needs a signed-in person (a token has no session to end).
  'POST /api/auth/sign-out': { req: () => ({}), only: (caller) => caller.kind !== 'token', ok: [204] },
  'POST /api/auth/sign-out-everywhere': {
    req: () => ({}),
    only: (caller) => caller.kind !== 'token',
    ok: [204],
  },
  'GET /api/organisations/:id/role-assignments': { req: () => ({ params: { id: ORG } }) },
  'POST /api/role-assignments': {
    req: () => ({
      body: {
        organisationId: ORG,
        unitId: 'cso',
        email: `grant-${String(++grants)}@example.test`,
        role: 'viewer',
      },
    }),
  },
  'PATCH /api/role-assignments/:id': {
    req: async (f) => {
      const { id, version } = await throwawayGrant(f);
      return { params: { id }, body: { version, role: 'editor' } };
    },
  },
  'DELETE /api/role-assignments/:id': {
    req: async (f) => {
      const { id, version } = await throwawayGrant(f);
      return { params: { id }, query: { version: String(version) } };
    },
  },
  'GET /api/audit': { req: () => ({ query: { unitId: 'cso' } }) },
  'GET /api/audit/export': { req: () => ({ query: { unitId: 'cso', format: 'csv' } }) },
  'GET /api/units/:id/dashboard': { req: () => ({ params: { id: 'cso' }, query: { cycleId: 'fy2026' } }) },
  'GET /api/organisations/:id/overview': {
    req: () => ({ params: { id: ORG }, query: { cycleId: 'fy2026' } }),
    checks: onOrganisation,
  },
  'GET /api/organisations/:id/digest-settings': {
    req: () => ({ params: { id: ORG } }),
    checks: onOrganisation,
  },
  'PUT /api/organisations/:id/digest-settings': {
    req: () => ({ params: { id: ORG }, body: { emailEnabled: false } }),
    checks: onOrganisation,
  },
  'POST /api/organisations/:id/digest': { req: () => ({ params: { id: ORG } }), checks: onOrganisation },
  'GET /api/organisations/:id/webhooks': { req: () => ({ params: { id: ORG } }), checks: onOrganisation },
  'GET /api/organisations/:id/webhook-deliveries': {
    req: () => ({ params: { id: ORG }, query: { limit: '10' } }),
    checks: onOrganisation,
  },

  // Catchball is between unit owners: the service refuses anyone else with 403, and none of the
  // matrix's callers owns a unit (the site administrator acts for the owner it names).
  'POST /api/proposals': {
    req: () => ({
      body: {
        matrixId: 'cso-2026',
        kpiItemId: 'cso-k2',
        keyResultId: 'cio-kr2-1',
        proposedTarget: 8,
        actorId: 'daniel-kovacs',
      },
    }),
    only: () => false,
    ok: [201, 409],
  },
  'GET /api/proposals/:id': { req: (f) => ({ params: { id: made(f, 'proposal') } }) },
  'GET /api/proposals/:id/actions': { req: (f) => ({ params: { id: made(f, 'proposal') } }) },
  // Anyone's own inbox in an organisation they are a member of.
  'GET /api/me/inbox': { req: () => ({ query: { org: ORG } }), checks: onOrganisation },
  'POST /api/proposals/:id/actions': {
    req: async (f) => ({
      params: { id: made(f, 'proposal') },
      body: {
        action: 'question',
        actorId: 'margaret-osei',
        comment: 'Why 8 h?',
        version: await f.version('catchball_proposals', made(f, 'proposal')),
      },
    }),
    only: () => false,
    ok: [200, 409],
  },
  'GET /api/units/:id/proposals': { req: () => ({ params: { id: 'cso' } }) },
  'GET /api/people/:id/proposals': {
    req: () => ({ params: { id: 'daniel-kovacs' } }),
    checks: onPersonIn('cso'),
  },
  'GET /api/key-results/:id/target-history': { req: () => ({ params: { id: 'cso-kr1-1' } }) },
  'GET /api/matrix-items/:id/target-history': { req: () => ({ params: { id: 'cso-k1' } }) },
  'POST /api/webhooks': {
    req: () => ({ body: { organisationId: ORG, unitId: 'secops', url: 'http://127.0.0.1:9/secops' } }),
    checks: onUnit('secops'),
    ok: [201],
  },
  'GET /api/webhooks/:id': { req: (f) => ({ params: { id: made(f, 'webhook') } }) },
  'PATCH /api/webhooks/:id': {
    req: async (f) => ({
      params: { id: made(f, 'webhook') },
      body: { version: await f.version('webhooks', made(f, 'webhook')), url: 'http://127.0.0.1:9/cso' },
    }),
  },
  'DELETE /api/webhooks/:id': {
    req: onThrowaway('webhooks', (f) =>
      f.create('/api/webhooks', { organisationId: ORG, unitId: 'sec-arch', url: 'http://127.0.0.1:9/arch' }),
    ),
    checks: onUnit('sec-arch'),
  },
};
