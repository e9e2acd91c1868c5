import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../store';
import type { Row } from '../versioned';

/**
 * Named queries of the check-in aggregate: check-ins, their corrections, and the effective
 * check-ins. "Effective" means no correction replaced it; the rule is the view
 * `effective_check_ins` (migration 0009), and every query here that wants the current history
 * reads that view.
 */

/** What a check-in is about: a key result or a KPI (How Much item). */
export type CheckInColumn = 'keyResultId' | 'kpiItemId';

/** One effective check-in as the roll-up reads it. */
export interface EffectiveCheckIn {
  itemId: string | null;
  checkInDate: string;
  value: number;
  confidence: number | null;
  isOverride: boolean;
}

/** Effective check-ins on these key results or KPIs, oldest first (date, then entry order). */
export async function effectiveCheckIns(
  db: Db,
  column: CheckInColumn,
  ids: readonly string[],
): Promise<EffectiveCheckIn[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('effectiveCheckIns as c')
    .select([`c.${column} as itemId`, 'c.checkInDate', 'c.value', 'c.confidence', 'c.isOverride'])
    .where(`c.${column}`, 'in', [...ids])
    .orderBy('c.checkInDate')
    .orderBy('c.entryOrder')
    .execute();
}

/**
 * One item's check-ins, newest first, each with the correction that replaced it (`correctedById`,
 * null for an effective one). Without `includeCorrected` only the effective ones.
 */
export async function checkInHistory(
  db: Db,
  column: CheckInColumn,
  id: string,
  includeCorrected: boolean,
): Promise<(Row<'checkIns'> & { correctedById: string | null })[]> {
  if (!includeCorrected)
    return (
      await db
        .selectFrom('effectiveCheckIns')
        .selectAll()
        .where(column, '=', id)
        .orderBy('checkInDate', 'desc')
        .orderBy('entryOrder', 'desc')
        .execute()
    ).map((row) => ({ ...row, correctedById: null }));
  return db
    .selectFrom('checkIns as c')
    .leftJoin('checkIns as n', 'n.correctsId', 'c.id')
    .selectAll('c')
    .select('n.id as correctedById')
    .where(`c.${column}`, '=', id)
    .orderBy('c.checkInDate', 'desc')
    .orderBy('c.entryOrder', 'desc')
    .execute();
}

/** The correction that replaced a check-in, if one did (there is at most one). */
export async function correctionOf(db: Db, checkInId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('checkIns').select('id').where('correctsId', '=', checkInId).executeTakeFirst();
}

/**
 * The key-result refresh from the latest of `checkIns` (rows with key_result_id, value,
 * confidence, check_in_date, entry_order): latest by date, then entry order; a check-in without a
 * confidence keeps the key result's; the version bumped. One rule for both writers below.
 */
function refreshFrom(checkIns: RawBuilder<unknown>) {
  return sql`
    UPDATE key_results AS kr
    SET current = latest.value,
        confidence = COALESCE(latest.confidence, kr.confidence),
        version = kr.version + 1,
        updated_at = now()
    FROM (
      SELECT DISTINCT ON (c.key_result_id) c.key_result_id, c.value, c.confidence
      FROM ${checkIns} AS c
      ORDER BY c.key_result_id, c.check_in_date DESC, c.entry_order DESC
    ) AS latest
    WHERE kr.id = latest.key_result_id`;
}

/**
 * Sets each key result's `current` and `confidence` from its latest effective check-in (see
 * refreshFrom). Key results without check-ins are left as they are.
 */
export async function refreshKeyResultsFromCheckIns(trx: Db, keyResultIds: readonly string[]): Promise<void> {
  const unique = [...new Set(keyResultIds)];
  // One statement per 5,000 key results, well under the bind-parameter limit.
  for (let start = 0; start < unique.length; start += 5000) {
    const ids = unique.slice(start, start + 5000);
    await refreshFrom(
      sql`(SELECT * FROM effective_check_ins WHERE key_result_id IN (${sql.join(ids)}))`,
    ).execute(trx);
  }
}

/** A new check-in on a key result, as checkIns' insert takes it (no correction, no override). */
export interface KeyResultCheckInValues {
  id: string;
  keyResultId: string;
  value: number;
  confidence: number | null;
  comment: string;
  checkInDate: string;
  authorId: string | null;
  source: string;
}

/**
 * Writes one check-in on a key result and refreshes the key result from it in a single
 * statement (its own transaction: no BEGIN or COMMIT round trips), unless `cycleId` is locked at
 * year end by then. The statement cannot see the row it inserts among the key result's check-ins,
 * so the refresh reads them beside it: the same rule as refreshKeyResultsFromCheckIns.
 * @returns the written row, or undefined when the cycle was locked.
 */
export async function insertKeyResultCheckIn(
  db: Db,
  values: KeyResultCheckInValues,
  cycleId: string,
): Promise<Row<'checkIns'> | undefined> {
  const { rows } = await sql<Row<'checkIns'>>`
    WITH inserted AS (
      INSERT INTO check_ins (id, key_result_id, value, confidence, comment, check_in_date, author_id, source, is_override)
      SELECT ${values.id}, ${values.keyResultId}, ${values.value}, ${values.confidence}, ${values.comment},
             ${values.checkInDate}, ${values.authorId}, ${values.source}, false
      WHERE NOT EXISTS (SELECT 1 FROM cycle_locks WHERE cycle_id = ${cycleId} AND reopened_at IS NULL)
      RETURNING *
    ), refreshed AS (
      ${refreshFrom(sql`(
        SELECT key_result_id, value, confidence, check_in_date, entry_order FROM effective_check_ins
        WHERE key_result_id = ${values.keyResultId} AND EXISTS (SELECT 1 FROM inserted)
        UNION ALL SELECT key_result_id, value, confidence, check_in_date, entry_order FROM inserted
      )`)}
      RETURNING kr.id
    )
    SELECT inserted.* FROM inserted LEFT JOIN (SELECT count(*) AS n FROM refreshed) AS r ON true`.execute(db);
  return rows[0];
}
