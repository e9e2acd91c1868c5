/**
 * What the signed-in user may do where, to hide or disable controls the server would refuse. The
 * rule is core's (core/access.ts), the very functions the server's authorizer calls; this file only
 * turns what the server sent into their inputs: the session's grants and person per organisation
 * ({@link Me}) become a `Membership`, the organisation's units (parents and owners) an `OrgTree`.
 * Site administrators may do anything, as the authorizer lets them.
 */
import type { Me, RoleName, Unit } from '../../contracts';
import {
  isRoleAtLeast,
  refusal,
  roleOn as roleInTree,
  ROLES,
  type AccessTarget,
  type Membership,
  type Need,
  type OrgTree,
} from '../../core/access';

/** The roles, weakest first. */
export const ROLE_NAMES: readonly RoleName[] = ROLES;

/** True when `role` is `least` or above (core's rank). */
export function isAtLeast(role: RoleName | null, least: RoleName): boolean {
  return isRoleAtLeast(role, least);
}

/**
 * The user's standing in one organisation as core weighs it: their grants and person there, with
 * line of sight up the tree and contributions on owned items only (what every signed-in user has).
 */
export function membershipIn(me: Me, organisationId: string): Membership {
  const organisation = me.organisations.find((org) => org.id === organisationId);
  return {
    grants: organisation?.roles ?? [],
    personId: organisation?.personId ?? null,
    hasLineOfSight: true,
    contributesOnAnyItem: false,
  };
}

/** The organisation's tree (child → parent, unit → owner) from its units. */
export function orgTreeOf(units: Iterable<Unit>): OrgTree {
  const list = [...units];
  return {
    parentOf: new Map(list.map((unit) => [unit.id, unit.parentId])),
    ownerOf: new Map(list.map((unit) => [unit.id, unit.ownerId])),
  };
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
  return roleInTree(orgTreeOf(unitsById.values()), membershipIn(me, organisationId), unitId);
}

/** True when the server would allow `need` on `target` for this user (core's `refusal` finds nothing). */
export function isAllowed(
  me: Me,
  tree: OrgTree,
  membership: Membership,
  need: Need,
  target: AccessTarget,
): boolean {
  return me.isSiteAdmin || refusal(tree, membership, need, target) === null;
}

/** True when the user administers the organisation or at least one of its units (shows the admin pages). */
export function adminsAnything(me: Me, organisationId: string): boolean {
  return me.isSiteAdmin || membershipIn(me, organisationId).grants.some((grant) => grant.role === 'admin');
}
