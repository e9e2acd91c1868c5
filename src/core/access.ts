/**
 * Who may do what: roles per unit, inherited down the unit tree. Pure: the caller supplies the
 * organisation's tree (child → parent), unit owners, and the principal's grants in that
 * organisation; nothing here reads a store.
 *
 * The rules, in one place:
 * - A grant on a unit holds on that unit and every unit below it; a grant with `unitId: null`
 *   holds on the whole organisation. The highest applicable grant wins.
 * - The person who owns a unit (or a unit above it) acts as at least an editor there.
 * - Reading a unit's plan is also open to those with any role below it ("line of sight"): a team
 *   must see the OKRs and X-matrix it deploys from. Siblings and other branches stay closed.
 * - Organisation structure (units, people, cycles) is readable by every member of the organisation,
 *   except that a unit API token sees people and their roles only inside its own subtree.
 * - Contributors check in on items they own, as themselves; editors and admins on any item of their
 *   units, and in anyone's name (importing a team's numbers), as do API tokens feeding other systems.
 */

export const ROLES = ['viewer', 'contributor', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What an action needs: `member` is any role in the organisation; the others are roles' powers. */
export const NEEDS = ['member', 'read', 'contribute', 'edit', 'admin'] as const;
export type Need = (typeof NEEDS)[number];

const RANK: Record<Role, number> = { viewer: 1, contributor: 2, editor: 3, admin: 4 };

/** The least role each need asks for (`member` and line-of-sight reads are decided apart). */
const LEAST_ROLE: Record<Exclude<Need, 'member'>, Role> = {
  read: 'viewer',
  contribute: 'contributor',
  edit: 'editor',
  admin: 'admin',
};

export interface RoleGrant {
  /** null: the whole organisation. */
  unitId: string | null;
  role: Role;
}

/** A principal's standing in one organisation. */
export interface Membership {
  grants: readonly RoleGrant[];
  /** The person record of the signed-in user in this organisation, if any. */
  personId: string | null;
  /** Line of sight up the tree (users have it; API tokens are held to their subtree). */
  hasLineOfSight: boolean;
  /** Contributes on any item, owned or not (an API token with the check_ins scope). */
  contributesOnAnyItem: boolean;
}

/** The organisation's tree as the policy needs it. */
export interface OrgTree {
  /** unit id → parent unit id (null for a root). */
  parentOf: ReadonlyMap<string, string | null>;
  /** unit id → owning person id. */
  ownerOf: ReadonlyMap<string, string | null>;
  /** unit id → its name, for refusals people read ("the editor role on Security (CSO)"); ids without it. */
  nameOf?: ReadonlyMap<string, string>;
}

/** What an action touches: a unit (or the organisation itself) and the owners of the item, if any. */
export interface AccessTarget {
  unitId: string | null;
  /** People who own the item acted on (key result, KPI, initiative); contributors need to be one. */
  ownerPersonIds?: readonly string[];
  /**
   * The target is about people (a person's record with their e-mail address, a role assignment):
   * a principal held to its subtree (an API token) sees it only inside that subtree, never at the
   * organisation level.
   */
  isPersonal?: boolean;
}

export function higherRole(a: Role | null, b: Role | null): Role | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

export function isRoleAtLeast(role: Role | null, least: Role): boolean {
  return role !== null && RANK[role] >= RANK[least];
}

/** The unit and its ancestors, nearest first; stops at a broken or cyclic link. */
export function selfAndAncestors(tree: Pick<OrgTree, 'parentOf'>, unitId: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = unitId;
  while (current !== null && current !== undefined && !seen.has(current) && tree.parentOf.has(current)) {
    chain.push(current);
    seen.add(current);
    current = tree.parentOf.get(current);
  }
  return chain;
}

/**
 * The principal's role on a unit: the highest grant on it, an ancestor or the whole
 * organisation, raised to editor for the owner of the unit or of an ancestor.
 * For `unitId: null` (the organisation itself), only organisation-wide grants count.
 */
export function roleOn(tree: OrgTree, membership: Membership, unitId: string | null): Role | null {
  let role: Role | null = null;
  const chain = unitId === null ? [] : selfAndAncestors(tree, unitId);
  const inChain = new Set(chain);
  for (const grant of membership.grants)
    if (grant.unitId === null || inChain.has(grant.unitId)) role = higherRole(role, grant.role);
  if (membership.personId !== null && chain.some((id) => tree.ownerOf.get(id) === membership.personId))
    role = higherRole(role, 'editor');
  return role;
}

/** True when the principal holds some grant on a unit below `unitId` (line of sight up to it). */
export function hasGrantBelow(tree: OrgTree, membership: Membership, unitId: string): boolean {
  return membership.grants.some(
    (grant) =>
      grant.unitId !== null &&
      grant.unitId !== unitId &&
      selfAndAncestors(tree, grant.unitId).includes(unitId),
  );
}

export function isMember(membership: Membership): boolean {
  return membership.grants.length > 0 || membership.personId !== null;
}

/** Why an action is refused, in words for the error message; null when it is allowed. */
export function refusal(
  tree: OrgTree,
  membership: Membership,
  need: Need,
  target: AccessTarget,
): string | null {
  const where =
    target.unitId === null
      ? 'the whole organisation'
      : (tree.nameOf?.get(target.unitId) ?? `unit ${target.unitId}`);
  if (need === 'member') {
    if (!isMember(membership)) return 'You are not a member of this organisation';
    if (target.isPersonal && !membership.hasLineOfSight && roleOn(tree, membership, target.unitId) === null)
      return `An API token sees the people of its own unit and the units below it, not of ${where}`;
    return null;
  }
  const role = roleOn(tree, membership, target.unitId);
  const least = LEAST_ROLE[need];
  if (need === 'read') {
    if (isRoleAtLeast(role, 'viewer')) return null;
    if (target.unitId !== null && membership.hasLineOfSight && hasGrantBelow(tree, membership, target.unitId))
      return null;
    // "Or below" only holds for a unit: line of sight reaches units, never the organisation itself.
    return target.unitId === null
      ? 'You need a role on the whole organisation to read it'
      : `You need a role on ${where} (or a unit below it) to read it`;
  }
  // The owner of an item checks in on it wherever it lives (a key result of the parent unit owned
  // by the child unit's head), as long as they are a member of the organisation at all.
  if (
    need === 'contribute' &&
    membership.personId !== null &&
    (target.ownerPersonIds ?? []).includes(membership.personId)
  )
    return null;
  if (!isRoleAtLeast(role, least)) return `You need the ${least} role on ${where}`;
  if (need === 'contribute' && role === 'contributor' && !membership.contributesOnAnyItem) {
    const owners = target.ownerPersonIds ?? [];
    if (membership.personId === null || !owners.includes(membership.personId))
      return `Contributors check in only on items they own; you need the editor role on ${where} for this one`;
  }
  return null;
}

/**
 * Whether the principal, holding `role` on an item's unit, may act there in another person's
 * name (a check-in's author): editors and admins (importing a team's numbers) and API tokens
 * that contribute on any item (feeds from other systems) may; a contributor acts as themselves.
 */
export function actsForOthers(role: Role | null, membership: Membership): boolean {
  return isRoleAtLeast(role, 'editor') || membership.contributesOnAnyItem;
}

/** What a unit API token may do, chosen when it is made. */
export const TOKEN_SCOPES = ['read', 'check_ins', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * A unit API token's standing: its scopes become a role on its own unit and the units below
 * (read → viewer, check_ins → contributor on any item, write → editor). Never admin, never
 * beyond its subtree, no line of sight up.
 */
export function tokenMembership(unitId: string, scopes: readonly TokenScope[]): Membership {
  const role: Role | null = scopes.includes('write')
    ? 'editor'
    : scopes.includes('check_ins')
      ? 'contributor'
      : scopes.includes('read')
        ? 'viewer'
        : null;
  return {
    grants: role === null ? [] : [{ unitId, role }],
    personId: null,
    hasLineOfSight: false,
    contributesOnAnyItem: scopes.includes('check_ins') || scopes.includes('write'),
  };
}
