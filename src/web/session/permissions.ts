/**
 * What the signed-in user may do where, computed from {@link Me} to hide or disable controls. The
 * server decides for real (core/access.ts); this mirrors its rules for the interface: a role on a
 * unit holds on every unit below it, an organisation-wide role everywhere, the highest one wins,
 * the owner of a unit acts as at least an editor there, and site administrators may do anything.
 */
import type { Me, RoleName, Unit } from '../../contracts';

const RANK: Record<RoleName, number> = { viewer: 1, contributor: 2, editor: 3, admin: 4 };

export const ROLE_NAMES: readonly RoleName[] = ['viewer', 'contributor', 'editor', 'admin'];

/** What each role may do, in a sentence (role pickers show it). */
export const ROLE_HELP: Record<RoleName, string> = {
  viewer: 'reads the plans, changes nothing',
  contributor: 'checks in on what they own',
  editor: 'edits OKRs and X-matrices',
  admin: 'also manages roles and API tokens',
};

export function isAtLeast(role: RoleName | null, least: RoleName): boolean {
  return role !== null && RANK[role] >= RANK[least];
}

function higher(a: RoleName | null, b: RoleName | null): RoleName | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** The unit and its ancestors, nearest first (stops at a missing or cyclic parent). */
function chainOf(unitId: string, unitsById: ReadonlyMap<string, Unit>): Unit[] {
  const chain: Unit[] = [];
  const seen = new Set<string>();
  let current = unitsById.get(unitId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.push(current);
    current = current.parentId === null ? undefined : unitsById.get(current.parentId);
  }
  return chain;
}

/**
 * The user's effective role on a unit of an organisation (`unitId: null` = on the organisation
 * itself), or null for none. Site administrators count as admins everywhere.
 */
export function roleOn(
  me: Me,
  organisationId: string,
  unitId: string | null,
  unitsById: ReadonlyMap<string, Unit>,
): RoleName | null {
  if (me.isSiteAdmin) return 'admin';
  const membership = me.organisations.find((org) => org.id === organisationId);
  if (!membership) return null;
  const chain = unitId === null ? [] : chainOf(unitId, unitsById);
  const chainIds = new Set(chain.map((unit) => unit.id));
  let role: RoleName | null = null;
  for (const grant of membership.roles)
    if (grant.unitId === null || chainIds.has(grant.unitId)) role = higher(role, grant.role);
  if (membership.personId !== null && chain.some((unit) => unit.ownerId === membership.personId))
    role = higher(role, 'editor');
  return role;
}

/** True when the user administers the organisation or at least one of its units. */
export function adminsAnything(me: Me, organisationId: string): boolean {
  if (me.isSiteAdmin) return true;
  return (
    me.organisations
      .find((org) => org.id === organisationId)
      ?.roles.some((grant) => grant.role === 'admin') ?? false
  );
}

/**
 * True when the user may check in on an item (key result or KPI) of a unit, given their `role`
 * there ({@link roleOn}) and the item's owner: editors and admins on any item, contributors on the
 * items their person owns. Mirrors the server's `contribute` rule (core/access.ts `refusal`).
 */
export function mayCheckIn(
  me: Me,
  organisationId: string,
  role: RoleName | null,
  ownerId: string | null,
): boolean {
  if (isAtLeast(role, 'editor')) return true;
  if (role !== 'contributor' || ownerId === null) return false;
  return me.organisations.find((org) => org.id === organisationId)?.personId === ownerId;
}
