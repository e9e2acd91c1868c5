import type { TargetHistoryEntry } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { newId } from '../../ids';

/** One change of a key result's or a KPI's target, written in the caller's transaction. */
export interface TargetChange {
  organisationId: string;
  subject: { kind: 'key_result'; id: string } | { kind: 'kpi'; id: string };
  oldTarget: number | null;
  newTarget: number | null;
  changedBy: string | null;
  reason: string;
  proposalId?: string | null;
}

/** Records a target change; `db` should be the transaction that changes the target, so both land or neither. */
export async function recordTargetChange(db: Db, change: TargetChange): Promise<void> {
  if (change.oldTarget === change.newTarget) return;
  await db
    .insertInto('targetHistory')
    .values({
      id: newId('th'),
      organisationId: change.organisationId,
      subjectKind: change.subject.kind,
      keyResultId: change.subject.kind === 'key_result' ? change.subject.id : null,
      kpiItemId: change.subject.kind === 'kpi' ? change.subject.id : null,
      oldTarget: change.oldTarget,
      newTarget: change.newTarget,
      changedBy: change.changedBy,
      reason: change.reason,
      proposalId: change.proposalId ?? null,
    })
    .execute();
}

/** Every value a target has had, oldest first, with who changed it, when and why. */
export async function targetHistory(
  db: Db,
  subject: { kind: 'key_result' | 'kpi'; id: string },
): Promise<TargetHistoryEntry[]> {
  if (subject.kind === 'key_result') await getRow(db, 'keyResults', subject.id);
  else await getRow(db, 'matrixItems', subject.id);
  const rows = await db
    .selectFrom('targetHistory')
    .leftJoin('people', 'people.id', 'targetHistory.changedBy')
    .selectAll('targetHistory')
    .select('people.name as changedByName')
    .where(
      subject.kind === 'key_result' ? 'targetHistory.keyResultId' : 'targetHistory.kpiItemId',
      '=',
      subject.id,
    )
    .orderBy('targetHistory.changedAt')
    .orderBy('targetHistory.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    subjectKind: row.subjectKind,
    subjectId: subject.id,
    oldTarget: row.oldTarget,
    newTarget: row.newTarget,
    changedBy: row.changedBy,
    changedByName: row.changedByName,
    reason: row.reason,
    proposalId: row.proposalId,
    changedAt: new Date(row.changedAt).toISOString(),
  }));
}
