import type { Selectable } from 'kysely';
import type { KpiConnectorRunTable, KpiConnectorTable } from '../schema';
import type { Db } from '../store';

export type ConnectorRow = Selectable<KpiConnectorTable>;
export type ConnectorRunRow = Selectable<KpiConnectorRunTable>;

/** A KPI's connector and its run state, or undefined. */
export async function connectorOf(
  db: Db,
  kpiId: string,
): Promise<{ connector: ConnectorRow; run: ConnectorRunRow | undefined } | undefined> {
  const connector = await db
    .selectFrom('kpiConnectors')
    .selectAll()
    .where('kpiItemId', '=', kpiId)
    .executeTakeFirst();
  if (!connector) return undefined;
  const run = await db
    .selectFrom('kpiConnectorRuns')
    .selectAll()
    .where('kpiItemId', '=', kpiId)
    .executeTakeFirst();
  return { connector, run };
}

/**
 * Claims up to `limit` due connectors for `holder` until `leaseUntil`: one UPDATE, so of two
 * servers claiming at once each row goes to one (the second's WHERE no longer matches once the
 * first committed). A lease that ran out (its holder died mid-run) is claimed again.
 */
export async function claimDueConnectors(
  db: Db,
  { holder, now, leaseUntil, limit }: { holder: string; now: Date; leaseUntil: Date; limit: number },
): Promise<string[]> {
  const due = db
    .selectFrom('kpiConnectorRuns')
    .innerJoin('kpiConnectors', 'kpiConnectors.kpiItemId', 'kpiConnectorRuns.kpiItemId')
    .select('kpiConnectorRuns.kpiItemId')
    .where('kpiConnectors.enabled', '=', true)
    .where('kpiConnectorRuns.nextRunAt', '<=', now)
    .where((eb) =>
      eb.or([eb('kpiConnectorRuns.leaseUntil', 'is', null), eb('kpiConnectorRuns.leaseUntil', '<', now)]),
    )
    .orderBy('kpiConnectorRuns.nextRunAt')
    .limit(limit);
  const claimed = await db
    .updateTable('kpiConnectorRuns')
    .set({ leaseHolder: holder, leaseUntil })
    .where('kpiItemId', 'in', due)
    .where('nextRunAt', '<=', now)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
    .returning('kpiItemId')
    .execute();
  return claimed.map((row) => row.kpiItemId);
}

/** Records a run and the next one; with `holder`, only while that holder still has the lease. */
export async function recordConnectorRun(
  db: Db,
  kpiId: string,
  run: {
    at: Date;
    status: 'ok' | 'partial' | 'failed';
    error: string | null;
    summary: unknown;
    nextRunAt: Date | null;
  },
  holder?: string,
): Promise<void> {
  let update = db
    .updateTable('kpiConnectorRuns')
    .set({
      lastRunAt: run.at,
      lastStatus: run.status,
      lastError: run.error,
      lastSummary: JSON.stringify(run.summary),
      nextRunAt: run.nextRunAt,
      leaseHolder: null,
      leaseUntil: null,
      updatedAt: run.at,
    })
    .where('kpiItemId', '=', kpiId);
  if (holder) update = update.where('leaseHolder', '=', holder);
  await update.execute();
}
