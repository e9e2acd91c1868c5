import { DomainError, type Issue } from '../../../core/errors';
import type {
  BulkCheckInResult,
  BulkCheckInRow,
  CheckIn,
  CheckInUploadPreview,
  CorrectCheckInInput,
  CreateCheckInInput,
} from '../../../contracts';
import {
  checkInHistory,
  correctionOf,
  insertKeyResultCheckIn,
  refreshKeyResultsFromCheckIns,
} from '../../db/repositories/check-in.repository';
import { rowsWhereIn } from '../../db/repositories/rows-where';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { newId } from '../../ids';
import { presentCheckIn } from '../../presenters/execution.presenter';
import {
  dateIssues,
  lockedCycles,
  lockedIssue,
  refuse,
  resolveSubjects,
  type CheckInSubject,
} from './check-in-subjects';
import type { Clock } from '../clock';
import { measuredIssue, measuredKeyResults, refreshMeasuredKeyResults } from './measured-key-results';
import { unitSubtree } from '../structure/unit-scope';

type Source = 'manual' | 'upload' | 'api' | 'demo' | 'connector';

/** One row to write, already located: `path` names it in errors (`checkIns[3]`, `row 4`). */
export interface LocatedRow extends BulkCheckInRow {
  path: string;
  /** Spreadsheet column letters by field, for uploads: errors then read `row 4, column B (date)`. */
  columns?: Record<string, string>;
  /** Where the item id came from when it is not a field called `item` (`body.keyResultId`). */
  itemPath?: string;
}

/** Where a bulk write may check in: a unit's organisation, and the unit with the units below it. */
export interface BulkScope {
  organisationId: string;
  unitIds: ReadonlySet<string>;
}

/** Where a field of a row is, in the words of its source: `checkIns[3].date` or `row 4, column B (date)`. */
function fieldPath(row: LocatedRow, field: string): string {
  if (field === 'item' && row.itemPath) return row.itemPath;
  const column = row.columns?.[field];
  return column ? `${row.path}, column ${column} (${field})` : `${row.path}.${field}`;
}

/**
 * Check-ins on key results and KPIs: history kept, corrections recorded as new rows. Every write
 * checks the date against the item's cycle, today and the cycle's lock, and refreshes the key
 * result's current value and confidence from its latest check-in, in the same transaction.
 */
/**
 * Told, after the commit, which KPIs were checked in on (the forecast records this month's figure).
 * It never undoes the check-in: a failure leaves the month's figure as it was, for the next check-in
 * or an explicit "record now" to replace.
 */
export type AfterKpiCheckIns = (kpiIds: readonly string[]) => Promise<void>;

async function tell(after: AfterKpiCheckIns | undefined, kpiIds: readonly string[]): Promise<void> {
  if (!after || kpiIds.length === 0) return;
  try {
    await after([...new Set(kpiIds)]);
  } catch {
    // The check-in stands (see AfterKpiCheckIns).
  }
}

export function createCheckInsService(db: Db, clock: Clock, afterKpiCheckIns?: AfterKpiCheckIns) {
  /**
   * Validates every row (item known, inside `scope` when given, date in an open cycle up to
   * today), then writes all of them in one transaction, or none with every problem listed. An item
   * of another organisation is answered like an unknown one: its unit is not named across tenants.
   */
  async function validate(rows: readonly LocatedRow[], scope?: BulkScope) {
    const subjects = await resolveSubjects(
      db,
      rows.map((row) => row.item),
    );
    const found = rows.flatMap((row) => {
      const subject = subjects.get(row.item);
      return subject && (!scope || subject.cycle.organisationId === scope.organisationId)
        ? [{ row, subject }]
        : [];
    });
    // The lookups that follow from the subjects at once, one round trip of latency rather than two:
    // a single check-in waits for the database twice before it writes (subjects, then these).
    const [authorProblems, measuredProblems] = await Promise.all([
      authorIssues(db, found),
      measuredIssues(db, found),
    ]);
    const today = clock();
    const issues: Issue[] = [];
    const located: { row: LocatedRow; subject: CheckInSubject }[] = [];
    let forbidden = false;
    for (const row of rows) {
      const subject = subjects.get(row.item);
      if (!subject || (scope && subject.cycle.organisationId !== scope.organisationId)) {
        issues.push({ path: fieldPath(row, 'item'), message: `no key result or KPI with id ${row.item}` });
        continue;
      }
      if (scope && !scope.unitIds.has(subject.unitId)) {
        forbidden = true;
        issues.push({
          path: fieldPath(row, 'item'),
          message: `${row.item} belongs to unit ${subject.unitId}, outside the unit this request writes to and the units below it`,
        });
        continue;
      }
      issues.push(...dateIssues(subject, row.date, today, fieldPath(row, 'date')));
      located.push({ row, subject });
    }
    // Author and measure problems only of rows inside the scope, as when they were looked up after it.
    const inScope = new Set(located.map((entry) => entry.row));
    const ofLocated = (problems: readonly { row: LocatedRow; issue: Issue }[]) =>
      problems.filter((problem) => inScope.has(problem.row)).map((problem) => problem.issue);
    issues.push(...ofLocated(authorProblems), ...ofLocated(measuredProblems));
    return { issues, located, forbidden };
  }

  /**
   * The common check-in, one plain value on a key result: one statement writes it and refreshes
   * the key result, refused as the transaction below would be if the cycle was locked meanwhile.
   */
  async function writeOnKeyResult(
    row: LocatedRow,
    subject: CheckInSubject,
    source: Source,
  ): Promise<CheckIn> {
    const written = await insertKeyResultCheckIn(
      db,
      {
        id: newId('ci'),
        keyResultId: subject.id,
        value: row.value,
        confidence: row.confidence ?? null,
        comment: row.comment ?? '',
        checkInDate: row.date,
        authorId: row.authorId ?? null,
        source,
      },
      subject.cycle.id,
    );
    if (!written) throw refuse([lockedIssue(subject, fieldPath(row, 'date'))], 'Nothing was checked in');
    return presentCheckIn(written);
  }

  async function writeAll(rows: readonly LocatedRow[], source: Source, scope?: BulkScope) {
    const { issues, located, forbidden } = await validate(rows, scope);
    if (forbidden)
      throw new DomainError('forbidden', `The token may not check in on these items: ${describe(issues)}`, {
        issues,
      });
    if (issues.length > 0) throw refuse(issues, 'Nothing was checked in');
    const [only] = located;
    if (located.length === 1 && only?.subject.kind === 'key_result' && only.row.override !== true)
      return [await writeOnKeyResult(only.row, only.subject, source)];
    const written = await db.transaction().execute(async (trx) => {
      await assertStillOpen(trx, located);
      const written = [];
      for (const { row, subject } of located) {
        written.push(
          await trx
            .insertInto('checkIns')
            .values({
              id: newId('ci'),
              keyResultId: subject.kind === 'key_result' ? subject.id : null,
              kpiItemId: subject.kind === 'kpi' ? subject.id : null,
              value: row.value,
              confidence: row.confidence ?? null,
              comment: row.comment ?? '',
              checkInDate: row.date,
              authorId: row.authorId ?? null,
              source,
              isOverride: subject.kind === 'key_result' && row.override === true,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        );
      }
      const keyResultIds = located
        .filter((entry) => entry.subject.kind === 'key_result')
        .map((entry) => entry.subject.id);
      await refreshKeyResultsFromCheckIns(trx, keyResultIds);
      // A manual check-in that passed validation is on a key result no KPI measures (measuredIssues
      // refused the others), so only overrides can need the measured value recomputed: a plain
      // check-in skips four queries while it holds the key result's row lock.
      const overridden = located
        .filter((entry) => entry.subject.kind === 'key_result' && entry.row.override === true)
        .map((entry) => entry.subject.id);
      await refreshMeasuredKeyResults(
        trx,
        located.filter((entry) => entry.subject.kind === 'kpi').map((entry) => entry.subject.id),
        overridden,
        clock(),
      );
      return written.map((row) => presentCheckIn(row));
    });
    await tell(
      afterKpiCheckIns,
      located.filter((entry) => entry.subject.kind === 'kpi').map((entry) => entry.subject.id),
    );
    return written;
  }

  return {
    /** Where an upload to `unitId` may check in: its organisation, the unit and the units below it. */
    async scopeOf(unitId: string): Promise<BulkScope> {
      const unit = await getRow(db, 'units', unitId);
      return { organisationId: unit.organisationId, unitIds: await unitSubtree(db, unitId) };
    },

    async create(input: CreateCheckInInput, source: Source = 'manual'): Promise<CheckIn> {
      const item = input.keyResultId ?? input.kpiId ?? '';
      const itemPath = input.keyResultId === undefined ? 'body.kpiId' : 'body.keyResultId';
      const [created] = await writeAll([{ ...input, item, path: 'body', itemPath }], source);
      if (!created) throw new DomainError('invariant_violated', 'The check-in was not written');
      return created;
    },

    /** Rows from an upload or the bulk API: all or nothing. With `scope`, items outside it are refused (403). */
    async bulk(rows: readonly LocatedRow[], source: Source, scope?: BulkScope): Promise<BulkCheckInResult> {
      const checkIns = await writeAll(rows, source, scope);
      return { created: checkIns.length, checkIns };
    },

    /**
     * What `bulk` would refuse in these rows, without writing anything: every problem, located
     * like the write's (an item outside `scope` is one too), and each item's title.
     */
    async check(
      rows: readonly LocatedRow[],
      scope: BulkScope,
    ): Promise<Omit<CheckInUploadPreview, 'separator' | 'locale'>> {
      const { issues } = await validate(rows, scope);
      const titles = await itemTitles(
        db,
        rows.map((row) => row.item),
      );
      return {
        rows: rows.map((row) => ({
          row: row.path,
          item: row.item,
          itemTitle: titles.get(row.item) ?? null,
          date: row.date,
          value: row.value,
          confidence: row.confidence ?? null,
          comment: row.comment ?? '',
          authorId: row.authorId ?? null,
        })),
        problems: issues,
      };
    },

    /** History of an item, newest first; corrected check-ins only when asked for, flagged by `correctedById`. */
    async history(filter: {
      keyResultId?: string;
      kpiId?: string;
      includeCorrected: boolean;
    }): Promise<CheckIn[]> {
      if ((filter.keyResultId === undefined) === (filter.kpiId === undefined))
        throw new DomainError(
          'validation_failed',
          'The query is not valid: name exactly one of keyResultId or kpiId',
          {
            issues: [{ path: 'query.keyResultId', message: 'name exactly one of keyResultId or kpiId' }],
          },
        );
      if (filter.keyResultId) await getRow(db, 'keyResults', filter.keyResultId);
      if (filter.kpiId) await getRow(db, 'matrixItems', filter.kpiId);
      const rows = filter.keyResultId
        ? await checkInHistory(db, 'keyResultId', filter.keyResultId, filter.includeCorrected)
        : await checkInHistory(db, 'kpiItemId', filter.kpiId ?? '', filter.includeCorrected);
      return rows.map(({ correctedById, ...row }) => presentCheckIn(row, correctedById));
    },

    /**
     * Corrects a past check-in: a new check-in that names the one it replaces, dated like it unless
     * a date is given. A check-in already corrected is refused (correct its correction instead).
     */
    async correct(id: string, input: CorrectCheckInInput): Promise<CheckIn> {
      const original = await getRow(db, 'checkIns', id);
      const existing = await correctionOf(db, id);
      if (existing)
        throw new DomainError(
          'version_conflict',
          `Check-in ${id} was already corrected by ${existing.id}; correct that one instead`,
          { current: { correctedById: existing.id } },
        );
      const item = original.keyResultId ?? original.kpiItemId ?? '';
      const date = input.date ?? original.checkInDate;
      const subjects = await resolveSubjects(db, [item]);
      const subject = subjects.get(item);
      if (!subject) throw new DomainError('not_found', `No key result or KPI with id ${item}`);
      const row = { path: 'body', item, date, value: input.value, authorId: input.authorId };
      const issues = [
        ...dateIssues(subject, date, clock(), 'body.date'),
        ...(await authorIssues(db, [{ row, subject }])).map((problem) => problem.issue),
      ];
      if (issues.length > 0) throw refuse(issues, 'The correction was not recorded');
      const corrected = await db.transaction().execute(async (trx) => {
        await assertStillOpen(trx, [{ row, subject }]);
        const written = await trx
          .insertInto('checkIns')
          .values({
            id: newId('ci'),
            keyResultId: original.keyResultId,
            kpiItemId: original.kpiItemId,
            value: input.value,
            confidence: input.confidence === undefined ? original.confidence : input.confidence,
            comment: input.comment ?? original.comment,
            checkInDate: date,
            authorId: input.authorId ?? original.authorId,
            correctsId: original.id,
            source: original.source,
            isOverride: original.isOverride,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (original.keyResultId) await refreshKeyResultsFromCheckIns(trx, [original.keyResultId]);
        await refreshMeasuredKeyResults(
          trx,
          original.kpiItemId ? [original.kpiItemId] : [],
          original.keyResultId ? [original.keyResultId] : [],
          clock(),
        );
        return presentCheckIn(written);
      });
      await tell(afterKpiCheckIns, original.kpiItemId ? [original.kpiItemId] : []);
      return corrected;
    },
  };
}

/**
 * An author must be a person of the item's organisation: one of another organisation is answered
 * like one that does not exist (so neither its id nor its organisation is learnt).
 */
async function authorIssues(
  db: Db,
  located: readonly { row: LocatedRow; subject: CheckInSubject }[],
): Promise<{ row: LocatedRow; issue: Issue }[]> {
  const named = [...new Set(located.flatMap(({ row }) => (row.authorId ? [row.authorId] : [])))];
  const people = await rowsWhereIn(db, 'people', 'id', named);
  const organisationOf = new Map(people.map((person) => [person.id, person.organisationId]));
  return located
    .filter(
      ({ row, subject }) => row.authorId && organisationOf.get(row.authorId) !== subject.cycle.organisationId,
    )
    .map(({ row }) => ({
      row,
      issue: {
        // An upload names its column `author`; the JSON bodies, the field `authorId`.
        path: fieldPath(row, row.columns ? 'author' : 'authorId'),
        message: `no person with id ${row.authorId ?? ''} in this organisation`,
      },
    }));
}

/**
 * A key result its KPIs measure follows them: a manual value on it is refused, naming the KPIs,
 * unless the row says it overrides them.
 */
async function measuredIssues(
  db: Db,
  located: readonly { row: LocatedRow; subject: CheckInSubject }[],
): Promise<{ row: LocatedRow; issue: Issue }[]> {
  // Only subjects the lookup found measured are asked for their KPIs' names: none, usually.
  const manual = located.filter(({ row, subject }) => subject.isMeasured && row.override !== true);
  const measured = await measuredKeyResults(
    db,
    manual.map(({ subject }) => subject.id),
  );
  return manual.flatMap(({ row, subject }) => {
    const kpis = measured.get(subject.id);
    return kpis ? [{ row, issue: measuredIssue(fieldPath(row, 'item'), subject.id, kpis) }] : [];
  });
}

/** A cycle locked while the rows were being checked refuses them too, inside the writing transaction. */
async function assertStillOpen(
  trx: Db,
  located: readonly { row: LocatedRow; subject: CheckInSubject }[],
): Promise<void> {
  const locked = await lockedCycles(
    trx,
    located.map((entry) => entry.subject.cycle.id),
  );
  const issues = located
    .filter((entry) => locked.has(entry.subject.cycle.id))
    .map((entry) => lockedIssue(entry.subject, fieldPath(entry.row, 'date')));
  if (issues.length > 0) throw refuse(issues, 'Nothing was checked in');
}

function describe(issues: readonly Issue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}

/** The titles of these key results and KPIs by id; ids naming neither are left out. */
async function itemTitles(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => id !== '');
  const krs = await rowsWhereIn(db, 'keyResults', 'id', unique, ['id']);
  const kpis = await rowsWhereIn(db, 'matrixItems', 'id', unique, ['id']);
  return new Map([...krs, ...kpis].map((row) => [row.id, row.title] as const));
}
