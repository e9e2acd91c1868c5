import type { ApiToken, CheckIn, Countermeasure, StatusOverride } from '../../contracts';
import type { Row } from '../db/versioned';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/** A check-in; `correctedById` comes from the correction that replaced it, if any. */
export function presentCheckIn(row: Row<'checkIns'>, correctedById: string | null = null): CheckIn {
  return {
    id: row.id,
    keyResultId: row.keyResultId,
    kpiId: row.kpiItemId,
    value: row.value,
    confidence: row.confidence,
    comment: row.comment,
    date: row.checkInDate,
    authorId: row.authorId,
    source: row.source,
    correctsId: row.correctsId,
    correctedById,
    override: row.isOverride,
    createdAt: iso(row.createdAt) ?? '',
  };
}

export function presentCountermeasure(row: Row<'countermeasures'>): Countermeasure {
  return {
    id: row.id,
    kpiId: row.kpiItemId,
    year: row.year,
    month: row.month,
    problem: row.problem,
    rootCause: row.rootCause,
    action: row.action,
    ownerId: row.ownerId,
    dueDate: row.dueDate,
    status: row.status,
    effect: row.effect,
    closedAt: iso(row.closedAt),
    version: row.version,
  };
}

export function presentStatusOverride(row: Row<'statusOverrides'>): StatusOverride {
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    keyResultId: row.keyResultId,
    status: row.status,
    reason: row.reason,
    setBy: row.setBy,
    setAt: iso(row.setAt) ?? '',
    version: row.version,
  };
}

/** A token as listed: never its hash; the secret itself only when just created. */
export function presentApiToken(row: Row<'unitApiTokens'>, token?: string): ApiToken {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    createdAt: iso(row.createdAt) ?? '',
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
    scopes: row.scopes as ApiToken['scopes'],
    expiresAt: iso(row.expiresAt),
    ...(token === undefined ? {} : { token }),
  };
}
