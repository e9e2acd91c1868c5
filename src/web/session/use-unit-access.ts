/**
 * What the signed-in user may do on one unit, for pages that hide controls the server would refuse
 * (see permissions.ts). Until the organisation is loaded the user counts as having no role there,
 * so nothing editable shows before it is known.
 */
import { useCallback } from 'react';
import type { RoleName } from '../../contracts';
import { useOrg } from '../hooks/org-context';
import { isAtLeast, mayCheckIn, roleOn } from './permissions';
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
  const role = org && organisationId ? roleOn(me, organisationId, unitId, org.unitsById) : null;
  const canCheckIn = useCallback(
    (ownerId: string | null) => organisationId !== null && mayCheckIn(me, organisationId, role, ownerId),
    [me, organisationId, role],
  );
  return { role, canEdit: isAtLeast(role, 'editor'), canCheckIn };
}
