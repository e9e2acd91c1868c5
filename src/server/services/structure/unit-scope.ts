import { collectSubtree } from '../../../core/unit-tree';
import { unitsOfOrganisation } from '../../db/repositories/organisation.repository';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';

/** Every unit (id and parent) of the organisation `unitId` belongs to; `not_found` for an unknown unit. */
export async function organisationUnits(
  db: Db,
  unitId: string,
): Promise<{ id: string; parentId: string | null }[]> {
  const unit = await getRow(db, 'units', unitId);
  return unitsOfOrganisation(db, unit.organisationId);
}

/** A unit and every unit below it: the scope of an upload or a unit's API token. */
export async function unitSubtree(db: Db, unitId: string): Promise<Set<string>> {
  return new Set(collectSubtree(await organisationUnits(db, unitId), unitId));
}
