import { checkCheckInDate } from '../../../core/check-in';
import { DomainError, type Issue } from '../../../core/errors';
import { hasMeasuringKpi } from '../../db/repositories/measure.repository';
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import type { Db } from '../../db/store';
import type { Row } from '../../db/versioned';

/** What a check-in is recorded on: a key result or a KPI, with the unit and cycle it belongs to. */
export interface CheckInSubject {
  kind: 'key_result' | 'kpi';
  id: string;
  unitId: string;
  cycle: Row<'cycles'>;
  /** Whether that cycle was locked at year end (and not reopened) when the subject was read. */
  isCycleLocked: boolean;
  /** Whether KPIs measure it (a key result), so a manual check-in needs the override. */
  isMeasured: boolean;
}

/** Whether the query's `cycles` row is locked at year end and not reopened (the rule of lockedCycles). */
function isLockedCycle(eb: ExpressionBuilder<Database, 'cycles'>) {
  return eb.exists(
    eb
      .selectFrom('cycleLocks')
      .select('cycleLocks.cycleId')
      .whereRef('cycleLocks.cycleId', '=', 'cycles.id')
      .where('cycleLocks.reopenedAt', 'is', null),
  );
}

/**
 * Resolves item ids (key results or KPIs) to their unit, cycle, the cycle's lock and whether
 * KPIs measure them in one
 * query, for one check-in or ten thousand (a check-in should cost few round trips). A KPI belongs
 * to the cycle of its organisation whose year is its matrix's year (the first by position, should
 * there be two). Ids that name neither are missing from the result; an id that names both is the
 * key result.
 */
export async function resolveSubjects(db: Db, ids: readonly string[]): Promise<Map<string, CheckInSubject>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, CheckInSubject>();
  if (unique.length === 0) return found;
  const rows = await db
    .selectFrom('keyResults')
    .innerJoin('objectives', 'objectives.id', 'keyResults.objectiveId')
    .innerJoin('cycles', 'cycles.id', 'objectives.cycleId')
    .selectAll('cycles')
    .select((eb) => [
      'keyResults.id as subjectId',
      'objectives.unitId as subjectUnitId',
      eb.val('key_result').$castTo<CheckInSubject['kind']>().as('subjectKind'),
      hasMeasuringKpi(eb).as('isMeasured'),
      isLockedCycle(eb).as('isCycleLocked'),
    ])
    .where('keyResults.id', 'in', unique)
    .unionAll(
      db
        .selectFrom('matrixItems')
        .innerJoin('xMatrices', 'xMatrices.id', 'matrixItems.matrixId')
        .innerJoin('units', 'units.id', 'xMatrices.unitId')
        .innerJoin('cycles', (join) =>
          join
            .onRef('cycles.organisationId', '=', 'units.organisationId')
            .onRef('cycles.year', '=', 'xMatrices.year'),
        )
        .selectAll('cycles')
        .select((eb) => [
          'matrixItems.id as subjectId',
          'xMatrices.unitId as subjectUnitId',
          eb.val('kpi').$castTo<CheckInSubject['kind']>().as('subjectKind'),
          eb.val(false).as('isMeasured'),
          isLockedCycle(eb).as('isCycleLocked'),
        ])
        .where('matrixItems.id', 'in', unique)
        .where('matrixItems.part', '=', 'how_much'),
    )
    .execute();
  const byPreference = [...rows].sort(
    (a, b) => Number(a.subjectKind === 'kpi') - Number(b.subjectKind === 'kpi') || a.position - b.position,
  );
  for (const { subjectId, subjectUnitId, subjectKind, isCycleLocked, isMeasured, ...cycle } of byPreference)
    if (!found.has(subjectId))
      found.set(subjectId, {
        kind: subjectKind,
        id: subjectId,
        unitId: subjectUnitId,
        cycle,
        isCycleLocked: isCycleLocked === true,
        isMeasured: isMeasured === true,
      });
  return found;
}

/** Cycle ids among `cycleIds` that are locked at year end. */
export async function lockedCycles(db: Db, cycleIds: readonly string[]): Promise<Set<string>> {
  if (cycleIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('cycleLocks')
    .select('cycleId')
    .where('cycleId', 'in', [...new Set(cycleIds)])
    .where('reopenedAt', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.cycleId));
}

/** Issues with a check-in's date on its subject: outside the cycle, in the future, or in a locked cycle. */
export function dateIssues(subject: CheckInSubject, date: string, today: string, path: string): Issue[] {
  const issues = checkCheckInDate(date, subject.cycle, today).map((issue) => ({ ...issue, path }));
  if (subject.isCycleLocked) issues.push(lockedIssue(subject, path));
  return issues;
}

/** The issue of a check-in dated in a cycle locked at year end. */
export function lockedIssue(subject: CheckInSubject, path: string): Issue {
  return { path, message: `cycle ${subject.cycle.name} is locked at year end; check-ins are closed` };
}

/** A refusal for a locked cycle gets its own code (409) so clients can tell it from a typo. */
export function refuse(issues: Issue[], summary: string): DomainError {
  const locked = issues.some((issue) => issue.message.includes('is locked'));
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new DomainError(locked ? 'cycle_locked' : 'validation_failed', `${summary}: ${listed}`, { issues });
}
