import { collectSubtree } from '../../core/unit-tree';
import type { Db } from '../db/store';
import { getRow } from '../db/versioned';

/** A unit and every unit below it: the scope of an upload or a unit's API token. */
export async function unitSubtree(db: Db, unitId: string): Promise<Set<string>> {
  const unit = await getRow(db, 'units', unitId);
  const units = await db
    .selectFrom('units')
    .select(['id', 'parentId'])
    .where('organisationId', '=', unit.organisationId)
    .execute();
  return new Set(collectSubtree(units, unitId));
}
