import type { Insertable } from 'kysely';
import type { MatrixPart } from '../../../core/x-matrix-parts';
import type { MatrixItemTable } from '../../db/schema';
import { matrixOfUnitYear } from '../../db/repositories/matrix.repository';
import type { Db } from '../../db/store';
import { toJson } from '../../db/versioned';
import { newId } from '../../ids';

/** Rows that translate and cascade write: whole items, and the matrix they go into. */

/**
 * The row of a new item with every part-specific column blank, for services that write whole
 * items (translate, cascade); callers spread the fields their part uses over it.
 */
export function blankItem(
  id: string,
  matrixId: string,
  part: MatrixPart,
  position: number,
): Insertable<MatrixItemTable> & { title: string } {
  return {
    id,
    matrixId,
    part,
    title: '',
    description: '',
    position,
    sourceObjectiveId: null,
    sourceKeyResultId: null,
    sourceItemId: null,
    targetYear: null,
    startDate: null,
    endDate: null,
    effortPersonDays: null,
    requiredSkills: toJson([]),
    status: part === 'how' ? 'planned' : null,
    unitOfMeasure: '',
    direction: null,
    baseline: null,
    target: null,
    targetHigh: null,
    monthlyPlan: toJson(null),
    ownerId: null,
    personId: null,
    teamUnitId: null,
  };
}

/** The unit's matrix for the year, created empty when it does not exist yet. */
export async function ensureMatrix(
  db: Db,
  unitId: string,
  year: number,
): Promise<{ id: string; created: boolean }> {
  const existing = await matrixOfUnitYear(db, unitId, year);
  if (existing) return { id: existing.id, created: false };
  const id = newId('xm');
  await db.insertInto('xMatrices').values({ id, unitId, year, trueNorth: '' }).execute();
  return { id, created: true };
}
