import type { CycleClosure, Reflection } from '../../contracts';
import type { Row } from '../db/versioned';

/** A cycle and its closure row (if any) → the contract's closure. */
export function presentClosure(
  cycle: Pick<Row<'cycles'>, 'id' | 'name' | 'year'>,
  closure: { closedAt: Date; closedBy: string | null } | undefined,
): CycleClosure {
  return {
    cycleId: cycle.id,
    name: cycle.name,
    year: cycle.year,
    closed: closure !== undefined,
    closedAt: closure ? new Date(closure.closedAt).toISOString() : null,
    closedBy: closure?.closedBy ?? null,
  };
}

export function presentReflection(row: Row<'reflections'>): Reflection {
  return {
    id: row.id,
    itemId: row.itemId,
    reached: row.reached,
    causes: row.causes,
    learned: row.learned,
    version: row.version,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
