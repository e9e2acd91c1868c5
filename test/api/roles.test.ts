import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GrantedRole, Organisation, SignedIn } from '../../src/contracts';
import type { EndpointRequest } from '../../src/contracts/endpoint';
import { auth, checkIns, structure, users } from '../../src/contracts/endpoints';
import { loadDemoIfEmpty } from '../../src/server/demo';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-users';
import { body, createTestApp, type ErrorResponse, type TestApp } from '../support/test-app';

type GrantInput = EndpointRequest<typeof users.grantRole>['body'];

describe('role assignments', () => {
  let t: TestApp;
  let unitAdmin: Record<string, string>;
  let editor: Record<string, string>;
  let orgAdmin: Record<string, string>;
  const grant = (input: GrantInput, headers?: Record<string, string>) =>
    t.call(users.grantRole, { body: input }, headers ? { headers } : {});

  beforeAll(async () => {
    t = await createTestApp();
    for (const id of ['org1', 'org2'])
      await t.request({ method: 'POST', url: '/api/organisations', payload: { id, name: id.toUpperCase() } });
    // The site administrator who made them needs no role in them; the tests grant their own.
    await t.store.db.deleteFrom('roleAssignments').execute();
    for (const [id, parentId] of [
      ['cio', null],
      ['cso', 'cio'],
      ['secops', 'cso'],
    ] as const)
      await t.call(structure.units.create, { body: { organisationId: 'org1', id, name: id, parentId } });
    orgAdmin = await t.signIn({ id: 'olga' });
    unitAdmin = await t.signIn({ id: 'uma' });
    editor = await t.signIn({ id: 'ed' });
    // Only the site administrator can make the first organisation-wide admin of org1.
    expect(
      (await grant({ organisationId: 'org1', unitId: null, email: 'olga@example.test', role: 'admin' }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await grant(
          { organisationId: 'org1', unitId: 'cso', email: 'uma@example.test', role: 'admin' },
          orgAdmin,
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await grant(
          { organisationId: 'org1', unitId: 'cso', email: 'ed@example.test', role: 'editor' },
          orgAdmin,
        )
      ).statusCode,
    ).toBe(201);
  });
  afterAll(() => t.close());

  it('lists the role assignments to members, not to others', async () => {
    const list = await t.call(users.listRoleAssignments, { params: { id: 'org1' } }, { headers: editor });
    expect(list.statusCode).toBe(200);
    expect(list.result.map((a) => [a.userEmail, a.unitId, a.role])).toEqual([
      ['olga@example.test', null, 'admin'],
      ['ed@example.test', 'cso', 'editor'],
      ['uma@example.test', 'cso', 'admin'],
    ]);
    // To a non-member, another organisation is as unknown as one that does not exist.
    const other = await t.call(users.listRoleAssignments, { params: { id: 'org2' } }, { headers: editor });
    expect(other.statusCode).toBe(404);
  });

  it('lists only the organisations the user belongs to', async () => {
    const mine = await t.request({ method: 'GET', url: '/api/organisations', headers: editor });
    expect(body<Organisation[]>(mine).map((o) => o.id)).toEqual(['org1']);
    const all = await t.request({ method: 'GET', url: '/api/organisations' });
    expect(body<Organisation[]>(all).map((o) => o.id)).toEqual(['org1', 'org2']);
    const stranger = await t.signIn({ id: 'stranger' });
    expect(
      body<Organisation[]>(await t.request({ method: 'GET', url: '/api/organisations', headers: stranger })),
    ).toEqual([]);
  });

  it('makes the creator of an organisation its organisation-wide admin; only site admins create one', async () => {
    const founder = await t.signIn({ id: 'founder', isSiteAdmin: true });
    const created = await t.request({
      method: 'POST',
      url: '/api/organisations',
      headers: founder,
      payload: { id: 'org-new', name: 'New Co' },
    });
    expect(created.statusCode).toBe(201);
    const grants = await t.store.db
      .selectFrom('roleAssignments')
      .select(['userId', 'unitId', 'role'])
      .where('organisationId', '=', 'org-new')
      .execute();
    expect(grants).toEqual([{ userId: 'founder', unitId: null, role: 'admin' }]);
    const refused = await t.request({
      method: 'POST',
      url: '/api/organisations',
      headers: editor,
      payload: { id: 'org-other', name: 'Other Co' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('lets an editor grant nothing', async () => {
    const response = await grant(
      { organisationId: 'org1', unitId: 'secops', email: 'new@example.test', role: 'viewer' },
      editor,
    );
    expect(response.statusCode).toBe(403);
    expect(body<ErrorResponse>(response).error.message).toContain('admin');
  });

  it('lets a unit admin grant on its unit and below, not above it or organisation-wide', async () => {
    const below = await grant(
      {
        organisationId: 'org1',
        unitId: 'secops',
        email: 'Sam@Example.test',
        name: 'Sam',
        role: 'contributor',
      },
      unitAdmin,
    );
    expect(below.statusCode).toBe(201);
    const granted = body<GrantedRole>(below);
    expect(granted.assignment).toMatchObject({
      unitId: 'secops',
      role: 'contributor',
      userEmail: 'sam@example.test',
      userName: 'Sam',
    });
    expect(granted.inviteUrl).toMatch(/\/invite\?token=/);
    const above = await grant(
      { organisationId: 'org1', unitId: 'cio', email: 'sam@example.test', role: 'viewer' },
      unitAdmin,
    );
    expect(above.statusCode).toBe(403);
    const orgWide = await grant(
      { organisationId: 'org1', unitId: null, email: 'sam@example.test', role: 'viewer' },
      unitAdmin,
    );
    expect(orgWide.statusCode).toBe(403);

    // Granting again on the same unit changes the role of the same assignment; no new invitation.
    const again = body<GrantedRole>(
      await grant(
        { organisationId: 'org1', unitId: 'secops', email: 'sam@example.test', role: 'editor' },
        unitAdmin,
      ),
    );
    expect(again.assignment).toMatchObject({ id: granted.assignment.id, role: 'editor', version: 2 });
    expect(again.inviteUrl).toBeNull();

    const changed = await t.call(
      users.updateRoleAssignment,
      { params: { id: granted.assignment.id }, body: { version: 2, role: 'viewer' } },
      { headers: unitAdmin },
    );
    expect(changed.result).toMatchObject({ role: 'viewer', version: 3 });
    const stale = await t.call(
      users.updateRoleAssignment,
      { params: { id: granted.assignment.id }, body: { version: 2, role: 'editor' } },
      { headers: unitAdmin },
    );
    expect(stale.statusCode).toBe(409);
    const byEditor = await t.call(
      users.removeRoleAssignment,
      { params: { id: granted.assignment.id }, query: { version: 3 } },
      { headers: editor },
    );
    expect(byEditor.statusCode).toBe(403);
    const removed = await t.call(
      users.removeRoleAssignment,
      { params: { id: granted.assignment.id }, query: { version: 3 } },
      { headers: unitAdmin },
    );
    expect(removed.statusCode).toBe(204);
  });

  it('refuses a unit of another organisation, naming the field', async () => {
    await t.call(structure.units.create, {
      body: { organisationId: 'org2', id: 'elsewhere', name: 'Elsewhere' },
    });
    const response = await grant({
      organisationId: 'org1',
      unitId: 'elsewhere',
      email: 'x@example.test',
      role: 'viewer',
    });
    expect(response.statusCode).toBe(400);
    expect(body<ErrorResponse>(response).error.details?.issues?.[0]?.path).toBe('body.unitId');
  });

  it("never removes or demotes the organisation's last organisation-wide admin", async () => {
    const { result: assignments } = await t.call(users.listRoleAssignments, { params: { id: 'org1' } });
    const olga = assignments.find((a) => a.userEmail === 'olga@example.test' && a.unitId === null);
    if (!olga) throw new Error('olga has no organisation-wide role');
    const remove = await t.call(
      users.removeRoleAssignment,
      { params: { id: olga.id }, query: { version: olga.version } },
      { headers: orgAdmin },
    );
    expect(remove.statusCode).toBe(422);
    expect(body<ErrorResponse>(remove).error.code).toBe('invariant_violated');
    const demote = await t.call(
      users.updateRoleAssignment,
      { params: { id: olga.id }, body: { version: olga.version, role: 'editor' } },
      { headers: orgAdmin },
    );
    expect(demote.statusCode).toBe(422);
    expect(
      (
        await grant(
          { organisationId: 'org1', unitId: null, email: 'uma@example.test', role: 'admin' },
          orgAdmin,
        )
      ).statusCode,
    ).toBe(201);
    const now = await t.call(
      users.removeRoleAssignment,
      { params: { id: olga.id }, query: { version: olga.version } },
      { headers: orgAdmin },
    );
    expect(now.statusCode).toBe(204);
  });

  it('links a person to a user only for admins; the person makes the user a member', async () => {
    const { result: person } = await t.call(structure.people.create, {
      body: { organisationId: 'org2', name: 'Pia' },
    });
    expect(person.userId).toBeNull();
    const pia = await t.signIn({ id: 'pia' });
    expect(
      body<Organisation[]>(await t.request({ method: 'GET', url: '/api/organisations', headers: pia })),
    ).toEqual([]);
    const linked = await t.call(structure.people.update, {
      params: { id: person.id },
      body: { version: person.version, userId: 'pia' },
    });
    expect(linked.result.userId).toBe('pia');
    const orgs = body<Organisation[]>(
      await t.request({ method: 'GET', url: '/api/organisations', headers: pia }),
    );
    expect(orgs.map((o) => o.id)).toEqual(['org2']);
    const unknown = await t.call(structure.people.update, {
      params: { id: person.id },
      body: { version: linked.result.version, userId: 'nobody' },
    });
    expect(unknown.statusCode).toBe(400);
    // An editor of a unit may edit its people but not hand their ownerships to an account.
    const { result: cioPerson } = await t.call(structure.people.create, {
      body: { organisationId: 'org1', unitId: 'secops', name: 'Sid' },
    });
    const byEditor = await t.call(
      structure.people.update,
      { params: { id: cioPerson.id }, body: { version: cioPerson.version, userId: 'ed' } },
      { headers: editor },
    );
    expect(byEditor.statusCode).toBe(403);
    const rename = await t.call(
      structure.people.update,
      { params: { id: cioPerson.id }, body: { version: cioPerson.version, name: 'Sidney' } },
      { headers: editor },
    );
    expect(rename.statusCode).toBe(200);
  });

  it('makes the creator of an organisation its admin when asked', async () => {
    await t.services.organisations.create({ id: 'org3', name: 'Three' }, { adminUserId: 'ed' });
    const roles = await t.services.roles.listByOrganisation('org3');
    expect(roles.map((r) => [r.userId, r.unitId, r.role])).toEqual([['ed', null, 'admin']]);
  });
});

describe('demo accounts', () => {
  let t: TestApp;
  const signIn = (email: string) =>
    t.call(auth.signIn, { body: { email, password: DEMO_PASSWORD } }, { anonymous: true });
  const headersOf = (response: { headers: Record<string, unknown>; data: unknown }) => ({
    cookie: String(response.headers['set-cookie']).split(';')[0] ?? '',
    'x-csrf-token': body<SignedIn>(response).csrfToken,
  });

  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-11-30' } });
    expect(await loadDemoIfEmpty(t.services)).toBe(true);
  });
  afterAll(() => t.close());

  it('are listed on the sign-in page with their password', async () => {
    const config = await t.call(auth.getConfig, {}, { anonymous: true });
    const accounts = config.result.demoAccounts;
    expect(accounts.map((a) => a.email)).toEqual([
      'admin@northwind.example',
      'editor@northwind.example',
      'contributor@northwind.example',
      'viewer@northwind.example',
    ]);
    expect(accounts.every((a) => a.password === 'catchball-demo')).toBe(true);
  });

  it('sign in and get their roles and people', async () => {
    const roles: Record<string, unknown> = {};
    for (const who of ['admin', 'editor', 'contributor', 'viewer']) {
      const response = await signIn(`${who}@northwind.example`);
      expect(response.statusCode).toBe(200);
      const me = response.result.user;
      roles[who] = {
        siteAdmin: me.isSiteAdmin,
        org: me.organisations[0] && { ...me.organisations[0], name: undefined },
      };
    }
    expect(roles).toEqual({
      admin: {
        siteAdmin: true,
        org: {
          id: 'acme',
          name: undefined,
          personId: 'margaret-osei',
          roles: [{ unitId: null, role: 'admin' }],
        },
      },
      editor: {
        siteAdmin: false,
        org: {
          id: 'acme',
          name: undefined,
          personId: 'daniel-kovacs',
          roles: [{ unitId: 'cso', role: 'editor' }],
        },
      },
      contributor: {
        siteAdmin: false,
        org: {
          id: 'acme',
          name: undefined,
          personId: 'hannah-fischer',
          roles: [{ unitId: 'cso', role: 'contributor' }],
        },
      },
      viewer: {
        siteAdmin: false,
        org: { id: 'acme', name: undefined, personId: null, roles: [{ unitId: null, role: 'viewer' }] },
      },
    });
  });

  it('let the contributor check in on what she owns and nothing else; the viewer writes nothing', async () => {
    const contributor = headersOf(await signIn('contributor@northwind.example'));
    const checkIn = (kpiId: string, headers: Record<string, string>) =>
      t.call(checkIns.createCheckIn, { body: { kpiId, value: 70, date: '2026-11-15' } }, { headers });
    expect((await checkIn('cso-k6', contributor)).statusCode).toBe(201);
    expect((await checkIn('cso-k2', contributor)).statusCode).toBe(403);
    const viewer = headersOf(await signIn('viewer@northwind.example'));
    expect((await checkIn('cso-k6', viewer)).statusCode).toBe(403);
    const session = await t.call(auth.getSession, {}, { headers: { cookie: viewer.cookie } });
    expect(session.result.user?.email).toBe('viewer@northwind.example');
  });
});
