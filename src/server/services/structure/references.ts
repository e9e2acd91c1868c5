import { DomainError, type Issue } from '../../../core/errors';
import { collectSubtree } from '../../../core/unit-tree';
import { unitsOfOrganisation } from '../../db/repositories/organisation.repository';
import type { Db } from '../../db/store';
import { findRow, KIND_NAMES, type Row, type VersionedTable } from '../../db/versioned';

type OrgScoped = 'units' | 'people' | 'cycles';

/**
 * Checks that `id` names a row of `table` inside `organisationId`; references across
 * organisations are refused like missing ones, so one organisation never sees another's ids.
 * @throws DomainError `validation_failed` naming the field.
 */
export async function assertInOrganisation(
  db: Db,
  table: OrgScoped,
  id: string,
  organisationId: string,
  field: string,
): Promise<void> {
  const row = await findRow(db, table, id);
  if (!row || row.organisationId !== organisationId) {
    throw referenceError(table, id, field, `in organisation ${organisationId}`);
  }
}

export function referenceError(table: VersionedTable, id: string, field: string, where = ''): DomainError {
  const message = `${field}: no ${KIND_NAMES[table]} with id ${id}${where ? ` ${where}` : ''}`;
  return new DomainError('validation_failed', `The input is not valid: ${message}`, {
    issues: [{ path: field, message: `no ${KIND_NAMES[table]} with id ${id}${where ? ` ${where}` : ''}` }],
  });
}

/** The organisation a unit belongs to. */
export async function organisationOfUnit(db: Db, unitId: string): Promise<string> {
  const row = await db
    .selectFrom('units')
    .select('organisationId')
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', `No unit with id ${unitId}`, { kind: 'unit', id: unitId });
  return row.organisationId;
}

/**
 * Finds the unit `childId` below `parent` (at any depth) in the parent's organisation.
 * @returns the unit, or the problem (naming `field`) when it is missing, foreign or not below.
 */
export async function unitBelow(
  db: Db,
  parent: Row<'units'>,
  childId: string,
  field: string,
): Promise<{ unit: Row<'units'> } | { issue: Issue }> {
  const units = await unitsOfOrganisation(db, parent.organisationId);
  const unit = units.find((candidate) => candidate.id === childId);
  if (!unit)
    return {
      issue: { path: field, message: `no unit with id ${childId} in organisation ${parent.organisationId}` },
    };
  if (!collectSubtree(units, parent.id).slice(1).includes(unit.id))
    return {
      issue: { path: field, message: `${unit.name} (${unit.id}) is not below ${parent.name} (${parent.id})` },
    };
  return { unit };
}
