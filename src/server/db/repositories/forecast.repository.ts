import type { Insertable, Selectable } from 'kysely';
import type { ForecastSnapshotTable } from '../schema';
import type { Db } from '../store';

/** Named queries of the monthly forecast snapshots (migration 0014). */

export type ForecastSnapshotRow = Selectable<ForecastSnapshotTable>;

/**
 * Writes a month's figures, replacing what that month held for the same targets: the latest run
 * in a month is that month's figure. One statement, so a run is recorded whole or not at all.
 */
export async function upsertForecastSnapshots(
  db: Db,
  rows: readonly Insertable<ForecastSnapshotTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('forecastSnapshots')
    .values([...rows])
    .onConflict((oc) =>
      oc.columns(['matrixId', 'targetKind', 'targetId', 'kpiItemId', 'year', 'month']).doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        asOf: eb.ref('excluded.asOf'),
        probability: eb.ref('excluded.probability'),
        direction: eb.ref('excluded.direction'),
        target: eb.ref('excluded.target'),
        targetHigh: eb.ref('excluded.targetHigh'),
        actual: eb.ref('excluded.actual'),
        median: eb.ref('excluded.median'),
        trials: eb.ref('excluded.trials'),
        seed: eb.ref('excluded.seed'),
        recordedAt: eb.ref('excluded.recordedAt'),
      })),
    )
    .execute();
}

/** A matrix's snapshots of one year, by month. */
export function forecastSnapshotsOf(db: Db, matrixId: string, year: number): Promise<ForecastSnapshotRow[]> {
  return db
    .selectFrom('forecastSnapshots')
    .selectAll()
    .where('matrixId', '=', matrixId)
    .where('year', '=', year)
    .orderBy('month')
    .orderBy('targetId')
    .execute();
}
