import { DEFAULT_PART_NAMES, type PartNames } from '../../core/x-matrix-parts';
import { quartersOf } from '../../core/cycle';
import type { Cycle, Organisation, Person, Unit } from '../../contracts';
import type { Row } from '../db/versioned';

/** Presenters turn rows into the API's contract objects: explicit fields, never the raw row. */
export function presentOrganisation(row: Row<'organisations'>): Organisation {
  return {
    id: row.id,
    name: row.name,
    partNames: { ...DEFAULT_PART_NAMES, ...(row.partNames as Partial<PartNames>) },
    horizonYears: row.horizonYears,
    version: row.version,
  };
}

export function presentUnit(row: Row<'units'>): Unit {
  return {
    id: row.id,
    organisationId: row.organisationId,
    parentId: row.parentId,
    name: row.name,
    ownerId: row.ownerId,
    position: row.position,
    version: row.version,
  };
}

export function presentPerson(row: Row<'people'>): Person {
  return {
    id: row.id,
    organisationId: row.organisationId,
    unitId: row.unitId,
    name: row.name,
    email: row.email,
    skills: row.skills,
    monthlyCapacity: row.monthlyCapacity,
    userId: row.userId,
    version: row.version,
  };
}

export function presentCycle(row: Row<'cycles'>): Cycle {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    year: row.year,
    startDate: row.startDate,
    endDate: row.endDate,
    quarters: quartersOf(row),
    version: row.version,
  };
}
