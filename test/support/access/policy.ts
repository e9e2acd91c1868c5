/**
 * The access policy as the access-matrix test expects it, written out independently of
 * src/core/access.ts (importing that would test the policy against itself). Who holds what:
 * users with one role on one place, unit API tokens with one scope on one unit, and the
 * anonymous caller; what a request needs: one or more checks (a need on a unit or on the
 * organisation itself).
 */

export const ORG = 'acme';
export const OTHER_ORG = 'globex';
/** The unit the cases act in: the CSO's unit of the demo plan. */
export const TARGET_UNIT = 'cso';

/** The demo organisation's tree (child → parent), plus the second organisation's. */
const PARENT: Record<string, string | null> = {
  cio: null,
  cso: 'cio',
  'sec-arch': 'cso',
  secops: 'cso',
  platform: 'cio',
  'gx-hq': null,
  'gx-team': 'gx-hq',
};

export const ROLES = ['admin', 'editor', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const TOKEN_SCOPES = ['read', 'check_ins', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export type Need = 'member' | 'read' | 'contribute' | 'edit' | 'admin';

/** Where the caller's role is held, relative to the target unit (cso). */
export const RELATIONS = ['own', 'parent', 'sibling', 'child', 'organisation', 'other_org'] as const;
export type Relation = (typeof RELATIONS)[number];
export const GRANT_AT: Record<Relation, { organisationId: string; unitId: string | null }> = {
  own: { organisationId: ORG, unitId: 'cso' },
  parent: { organisationId: ORG, unitId: 'cio' },
  sibling: { organisationId: ORG, unitId: 'platform' },
  child: { organisationId: ORG, unitId: 'secops' },
  organisation: { organisationId: ORG, unitId: null },
  other_org: { organisationId: OTHER_ORG, unitId: 'gx-hq' },
};

/** The person the contributor on the target unit is: owner of cso-kr1-1 and of KPI cso-k1, of no unit. */
export const CONTRIBUTOR_PERSON = 'lukas-meyer';

export type Caller =
  | { kind: 'anonymous'; label: string }
  | { kind: 'site_admin'; label: string }
  | { kind: 'user'; label: string; role: Role; relation: Relation; personId: string | null }
  | { kind: 'token'; label: string; scope: TokenScope; relation: Exclude<Relation, 'organisation'> };

/** One thing a request needs: `need` on a unit of the demo organisation, or on the organisation (unit null). */
export interface Check {
  need: Need;
  unit: string | null;
  /** People who own the item acted on (contributors act only on their own). */
  owners?: string[];
  /** About people (a person's record, their roles): a token sees it only inside its subtree. */
  personal?: boolean;
}

export function everyCaller(): Caller[] {
  const users = ROLES.flatMap((role) =>
    RELATIONS.map((relation): Caller => ({
      kind: 'user',
      label: `${role}@${relation}`,
      role,
      relation,
      personId: role === 'contributor' && relation === 'own' ? CONTRIBUTOR_PERSON : null,
    })),
  );
  const tokens = TOKEN_SCOPES.flatMap((scope) =>
    RELATIONS.filter((relation) => relation !== 'organisation').map((relation): Caller => ({
      kind: 'token',
      label: `token:${scope}@${relation}`,
      scope,
      relation,
    })),
  );
  return [{ kind: 'anonymous', label: 'anonymous' }, ...users, ...tokens];
}

const RANK: Record<Role, number> = { viewer: 1, contributor: 2, editor: 3, admin: 4 };
const TOKEN_ROLE: Record<TokenScope, Role> = { read: 'viewer', check_ins: 'contributor', write: 'editor' };

function selfAndAncestors(unit: string): string[] {
  const chain: string[] = [];
  for (let at: string | null | undefined = unit; at; at = PARENT[at]) chain.push(at);
  return chain;
}

/** Whether one check passes for a caller holding `role` at `relation`. */
function passes(
  check: Check,
  role: Role,
  relation: Relation,
  isToken: boolean,
  personId: string | null,
): boolean {
  const grant = GRANT_AT[relation];
  if (grant.organisationId !== ORG) return false;
  // A grant holds on its unit and below; an organisation-wide grant everywhere, the organisation included.
  const holds =
    grant.unitId === null || (check.unit !== null && selfAndAncestors(check.unit).includes(grant.unitId));
  // Structure is every member's; of people, a token sees only those of its subtree.
  if (check.need === 'member') return !(isToken && check.personal === true) || holds;
  switch (check.need) {
    case 'read': {
      // Line of sight: people (not tokens) read the units above the one they hold a role on.
      const seesUp =
        !isToken &&
        check.unit !== null &&
        grant.unitId !== null &&
        selfAndAncestors(grant.unitId).slice(1).includes(check.unit);
      return holds || seesUp;
    }
    case 'contribute':
      // The owner of an item checks in on it wherever it lives.
      if (personId !== null && (check.owners ?? []).includes(personId)) return true;
      if (!holds || RANK[role] < RANK.contributor) return false;
      // A contributor's token checks in on any item; a contributing person only on their own.
      return (
        isToken || role !== 'contributor' || (personId !== null && (check.owners ?? []).includes(personId))
      );
    case 'edit':
      return holds && RANK[role] >= RANK.editor;
    case 'admin':
      return holds && !isToken && role === 'admin';
  }
}

/**
 * Whether the caller has no standing in the demo organisation at all: a refusal must then tell
 * it nothing (404 or the body field's 400, as for an id that does not exist), never a 403.
 */
export function isOutsider(caller: Caller): boolean {
  return (
    (caller.kind === 'user' || caller.kind === 'token') && GRANT_AT[caller.relation].organisationId !== ORG
  );
}

/** The expected answer: allowed, refused (403), or sign in first (401). */
export function expected(caller: Caller, checks: Check[]): 'allow' | 'deny' | 'sign_in' {
  switch (caller.kind) {
    case 'anonymous':
      return 'sign_in';
    case 'site_admin':
      return 'allow';
    case 'user':
      return checks.every((check) => passes(check, caller.role, caller.relation, false, caller.personId))
        ? 'allow'
        : 'deny';
    case 'token':
      return checks.every((check) => passes(check, TOKEN_ROLE[caller.scope], caller.relation, true, null))
        ? 'allow'
        : 'deny';
  }
}
