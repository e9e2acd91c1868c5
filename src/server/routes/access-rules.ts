import type { Need } from '../../core/access';
import type { AccessContext, RouteAccess } from '../auth/authorizer';
import type { Locator, Scope } from '../auth/locator';

/** Anyone, signed in or not. */
export const PUBLIC = { kind: 'public' } as const;
/** Any signed-in user or API token; the handler narrows what it answers. */
export const SIGNED_IN = { kind: 'signed_in' } as const;
/** The instance's administrators. */
export const SITE_ADMIN = { kind: 'site_admin' } as const;

type IdInPath = { params: { id: string } };

/**
 * `need` on the entity whose id is the route's `:id`, found by `find` (`locate.unit`,
 * `locate.organisation`…): the rule most routes have, written once.
 */
export function onPathId(
  need: Need,
  find: (locate: Locator, id: string) => Promise<Scope>,
): RouteAccess<IdInPath> {
  return { kind: 'scoped', need, scope: ({ params }, locate) => find(locate, params.id) };
}

export const onOrganisationInPath = (need: Need) => onPathId(need, (locate, id) => locate.organisation(id));
export const onUnitInPath = (need: Need) => onPathId(need, (locate, id) => locate.unit(id));
export const onMatrixInPath = (need: Need) => onPathId(need, (locate, id) => locate.matrix(id));
export const onItemInPath = (need: Need) => onPathId(need, (locate, id) => locate.matrixItem(id));

/**
 * The units of `unitIds` whose plans the caller may read (its own, those below, and those above
 * by line of sight): for answers that span the organisation (the strategy map, a trace), which
 * leave out what sits in branches closed to the caller.
 */
export async function readableUnits(
  access: AccessContext,
  organisationId: string,
  unitIds: Iterable<string>,
): Promise<Set<string>> {
  const unique = [...new Set(unitIds)];
  const allowed = await Promise.all(
    unique.map((unitId) => access.allows('read', { organisationId, unitId })),
  );
  return new Set(unique.filter((_unitId, index) => allowed[index]));
}

/**
 * The rows about people of one organisation (people with their e-mail addresses, role
 * assignments) that the caller may see: every row for a member, only those of its own subtree
 * for a unit API token (see `isPersonal` in core/access.ts).
 */
export async function visiblePersonalRows<T extends { unitId: string | null }>(
  access: AccessContext,
  organisationId: string,
  rows: readonly T[],
): Promise<T[]> {
  const visible = await Promise.all(
    rows.map((row) => access.allows('member', { organisationId, unitId: row.unitId, isPersonal: true })),
  );
  return rows.filter((_row, index) => visible[index]);
}
