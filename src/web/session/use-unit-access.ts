/**
 * What the signed-in user may do on one unit, for pages that hide controls the server would refuse.
 * The answers are core's `refusal` over the session's grants and the organisation's units (see
 * permissions.ts), so they are the server's. Until the organisation is loaded the user counts as
 * having no role there, so nothing editable shows before it is known.
 */
import { useCallback, useMemo } from 'react';
import type { RoleName } from '../../contracts';
import { useOrg } from '../hooks/org-context';
import { isAllowed, membershipIn, orgTreeOf, roleOn } from './permissions';
import { useMe } from './session-context';

export interface UnitAccess {
  /** The user's effective role on the unit, or null for none (yet). */
  role: RoleName | null;
  /** Editors and admins change the unit's OKRs and X-matrix. */
  canEdit: boolean;
  /** Whether the user may check in on an item of the unit owned by `ownerId`. */
  canCheckIn: (ownerId: string | null) => boolean;
}

export function useUnitAccess(unitId: string): UnitAccess {
  const me = useMe();
  const { data: org } = useOrg();
  const organisationId = org?.organisation.id ?? null;
  const standing = useMemo(
    () =>
      org && organisationId
        ? { tree: orgTreeOf(org.unitsById.values()), membership: membershipIn(me, organisationId) }
        : null,
    [me, org, organisationId],
  );
  const role = org && organisationId ? roleOn(me, organisationId, unitId, org.unitsById) : null;
  const canCheckIn = useCallback(
    (ownerId: string | null) =>
      standing !== null &&
      isAllowed(me, standing.tree, standing.membership, 'contribute', {
        unitId,
        ownerPersonIds: ownerId === null ? [] : [ownerId],
      }),
    [me, standing, unitId],
  );
  const canEdit = standing !== null && isAllowed(me, standing.tree, standing.membership, 'edit', { unitId });
  return { role, canEdit, canCheckIn };
}
