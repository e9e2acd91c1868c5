/**
 * Where a person lands in an organisation: their own unit. The first unit, in tree order, that
 * their person owns; else the first they hold a role on (a unit grant, not an organisation-wide
 * one); null when neither (an organisation-wide viewer), and the caller picks a default.
 */
import type { Me, Unit } from '../../contracts';
import { membershipIn } from './permissions';

export function homeUnitId(me: Me, organisationId: string, unitsInTreeOrder: readonly Unit[]): string | null {
  const { personId, grants } = membershipIn(me, organisationId);
  const owned = personId === null ? undefined : unitsInTreeOrder.find((unit) => unit.ownerId === personId);
  if (owned) return owned.id;
  const granted = new Set(grants.flatMap((grant) => (grant.unitId === null ? [] : [grant.unitId])));
  return unitsInTreeOrder.find((unit) => granted.has(unit.id))?.id ?? null;
}
