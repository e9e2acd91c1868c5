import {
  actsForOthers,
  isMember,
  refusal,
  roleOn,
  tokenMembership,
  type Membership,
  type Need,
  type OrgTree,
  type Role,
} from '../../core/access';
import { DomainError } from '../../core/errors';
import type { Db } from '../db/store';
import { createLocator, type Locator, type Scope } from './locator';
import { credentialOf, loadPrincipal, type Credential, type Principal } from './principal';

/**
 * How a route is guarded. Every route declares one (the type makes it required):
 * - `public`: anyone, signed in or not (sign-in itself, health);
 * - `signed_in`: any user or token; the handler narrows further (lists filtered to what one may see);
 * - `site_admin`: the instance's administrators;
 * - `scoped`: `need` on the scope that `scope` finds from the validated input (on every one of
 *   them when it finds several: a move between units needs the role on both).
 */
export type RouteAccess<I> =
  | { kind: 'public' }
  | { kind: 'signed_in' }
  | { kind: 'site_admin' }
  | {
      kind: 'scoped';
      need: Need;
      scope: (input: I, locate: Locator) => Promise<Scope | Scope[]> | Scope | Scope[];
    };

/** What the access check found, handed to the handler for finer decisions. */
export interface AccessContext {
  principal: Principal;
  /** The scope checked (scoped routes only). */
  scope: Scope | null;
  /** The principal's role on that scope (null: none, or not a scoped route). */
  role: Role | null;
  /** The signed-in user's person in the scope's organisation, if any. */
  personId: string | null;
  /** Whether the principal may act there in another person's name (see core `actsForOthers`). */
  actsForOthers: boolean;
  /** Whether the same principal may do `need` on another scope (for filtering lists). */
  allows(need: Need, scope: Scope): Promise<boolean>;
}

const PRINCIPAL_TTL_MS = 30_000;
/** Nobody's standing: no grant, no person, nothing beyond. */
const NO_MEMBERSHIP: Membership = {
  grants: [],
  personId: null,
  hasLineOfSight: false,
  contributesOnAnyItem: false,
};
/**
 * The one rule for which writes change access, by the table they touched: sessions, accounts and
 * tokens decide who a credential is; roles, people and the unit tree decide what one may do.
 * Every committed write reaches `invalidate` by its table through the change feed (migration
 * 0010's triggers name it), this server's own writes included (app.ts waits for them before the
 * response leaves), so a revoked role or an ended session stops working at once on every server.
 */
const PRINCIPAL_TABLES: ReadonlySet<string> = new Set(['sessions', 'users', 'unit_api_tokens']);
const MEMBERSHIP_TABLES: ReadonlySet<string> = new Set(['role_assignments', 'people', 'users', 'units']);

/**
 * Decides every request's access. Principals, organisation trees and memberships are cached
 * between changes; whoever hears of a committed write passes it to `invalidate` (app.ts wires the
 * change feed), and the caches drop what that write's table can have changed.
 */
export function createAuthorizer(db: Db, clock: () => Date = () => new Date()) {
  const located = new Map<string, Promise<unknown>>();
  const locate = memoise(createLocator(db), located);
  const principals = new Map<string, { principal: Principal; until: number }>();
  const trees = new Map<string, OrgTree>();
  const memberships = new Map<string, Membership>();

  const clear = (): void => {
    located.clear();
    principals.clear();
    trees.clear();
    memberships.clear();
  };
  const invalidate = (change: { table: string }): void => {
    // Any write may move an item's owners or unit; the lookups are cheap to redo after one.
    located.clear();
    if (PRINCIPAL_TABLES.has(change.table)) principals.clear();
    if (MEMBERSHIP_TABLES.has(change.table)) {
      trees.clear();
      memberships.clear();
    }
  };

  async function treeOf(organisationId: string): Promise<OrgTree> {
    const cached = trees.get(organisationId);
    if (cached) return cached;
    const units = await db
      .selectFrom('units')
      .select(['id', 'parentId', 'ownerId', 'name'])
      .where('organisationId', '=', organisationId)
      .execute();
    const tree: OrgTree = {
      parentOf: new Map(units.map((unit) => [unit.id, unit.parentId])),
      ownerOf: new Map(units.map((unit) => [unit.id, unit.ownerId])),
      nameOf: new Map(units.map((unit) => [unit.id, unit.name])),
    };
    trees.set(organisationId, tree);
    return tree;
  }

  async function membershipOf(principal: Principal, organisationId: string): Promise<Membership> {
    if (principal.kind === 'anonymous') return NO_MEMBERSHIP;
    if (principal.kind === 'token')
      return principal.organisationId === organisationId
        ? tokenMembership(principal.unitId, principal.scopes)
        : NO_MEMBERSHIP;
    const key = `${principal.id}\u0000${organisationId}`;
    const cached = memberships.get(key);
    if (cached) return cached;
    const [grants, person] = await Promise.all([
      db
        .selectFrom('roleAssignments')
        .select(['unitId', 'role'])
        .where('userId', '=', principal.id)
        .where('organisationId', '=', organisationId)
        .execute(),
      db
        .selectFrom('people')
        .select('id')
        .where('userId', '=', principal.id)
        .where('organisationId', '=', organisationId)
        .executeTakeFirst(),
    ]);
    const membership: Membership = {
      grants,
      personId: person?.id ?? null,
      hasLineOfSight: true,
      contributesOnAnyItem: false,
    };
    memberships.set(key, membership);
    return membership;
  }

  /** The organisation's tree and the principal's standing in it: what every decision weighs. */
  const standingIn = (principal: Principal, organisationId: string): Promise<[OrgTree, Membership]> =>
    Promise.all([treeOf(organisationId), membershipOf(principal, organisationId)]);

  return {
    locate,

    /** The principal behind a request's credentials (cached by credential hash). */
    async principalOf(headers: { authorization?: string; cookie?: string }): Promise<Principal> {
      const credential: Credential = credentialOf(headers);
      if (credential === null) return { kind: 'anonymous' };
      const key = `${credential.kind}:${credential.hash}`;
      const now = clock();
      const cached = principals.get(key);
      if (cached && cached.until > now.getTime()) return cached.principal;
      const principal = await loadPrincipal(db, credential, now);
      principals.set(key, { principal, until: now.getTime() + PRINCIPAL_TTL_MS });
      return principal;
    },

    /**
     * Checks `access` for `principal` over the validated `input`.
     * @throws DomainError `unauthorized` (401) when nobody is signed in and the route needs
     * someone; `forbidden` (403) naming the role needed, to members of the scope's organisation;
     * `not_found` (or the body field's `validation_failed`) when the scope's entity does not
     * exist, and the very same answer to a caller with no standing in its organisation.
     */
    async authorize<I>(principal: Principal, access: RouteAccess<I>, input: I): Promise<AccessContext> {
      const allows = async (need: Need, scope: Scope): Promise<boolean> => {
        if (principal.kind === 'user' && principal.isSiteAdmin) return true;
        const [tree, membership] = await standingIn(principal, scope.organisationId);
        return refusal(tree, membership, need, scope) === null;
      };
      const isSiteAdmin = principal.kind === 'user' && principal.isSiteAdmin;
      const context: AccessContext = {
        principal,
        scope: null,
        role: null,
        personId: null,
        actsForOthers: isSiteAdmin,
        allows,
      };
      if (access.kind === 'public') return context;
      if (principal.kind === 'anonymous') throw new DomainError('unauthorized', 'Sign in first');
      if (access.kind === 'signed_in') return context;
      if (access.kind === 'site_admin') {
        if (isSiteAdmin) return context;
        throw new DomainError('forbidden', 'Only a site administrator may do this');
      }
      const found = await access.scope(input, locate);
      const scopes = Array.isArray(found) ? found : [found];
      let first: AccessContext | null = null;
      for (const scope of scopes) {
        const [tree, membership] = await standingIn(principal, scope.organisationId);
        const role = roleOn(tree, membership, scope.unitId);
        first ??= {
          principal,
          scope,
          role,
          personId: membership.personId,
          actsForOthers: isSiteAdmin || actsForOthers(role, membership),
          allows,
        };
        if (isSiteAdmin) continue;
        // Outside the organisation one learns nothing of it, not even that the id exists.
        if (!isMember(membership))
          throw scope.missing?.() ?? new DomainError('not_found', 'Nothing with that id');
        const need = scope.need ?? access.need;
        const reason = refusal(tree, membership, need, scope);
        if (reason !== null)
          throw new DomainError('forbidden', reason, {
            need,
            organisationId: scope.organisationId,
            unitId: scope.unitId,
          });
      }
      return first ?? context;
    },

    /**
     * Drops what a committed write to `change.table` can have made stale: always the lookups,
     * principals and memberships only for the tables that decide access, so a busy stream of
     * check-ins keeps them warm.
     */
    invalidate,

    /** Drops every cached principal, tree and membership (when it is unknown what changed). */
    clear,
  };
}

export type Authorizer = ReturnType<typeof createAuthorizer>;

/**
 * Remembers each lookup's answer until `cache` is cleared (on any change). Failed lookups are not
 * kept, so a 404 does not outlive the creation that cures it.
 */
function memoise(locator: Locator, cache: Map<string, Promise<unknown>>): Locator {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(locator) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] =
      name === 'referenced'
        ? fn
        : (...args: unknown[]) => {
            const key = `${name}\u0000${JSON.stringify(args)}`;
            const hit = cache.get(key);
            if (hit) return hit;
            const pending = fn(...args);
            cache.set(key, pending);
            pending.catch(() => cache.delete(key));
            return pending;
          };
  }
  return wrapped as Locator;
}
