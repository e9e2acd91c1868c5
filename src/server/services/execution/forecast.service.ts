import { endOfMonth, monthOf, yearOf } from '../../../core/calendar';
import {
  deliveryStateOf,
  forecastFromActuals,
  forecastSentence,
  monthlyDrift,
  plannedShare,
  type DeliveryState,
  type ForecastConditions,
  type KpiActual,
} from '../../../core/forecast';
import { MONTHS } from '../../../core/feasibility';
import { mulberry32 } from '../../../core/random';
import { groupTargets } from '../../../core/target-groups';
import type { ForecastHistory, TargetForecast } from '../../../contracts';
import { effectiveCheckIns } from '../../db/repositories/check-in.repository';
import {
  forecastSnapshotsOf,
  upsertForecastSnapshots,
  type ForecastSnapshotRow,
} from '../../db/repositories/forecast.repository';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { newId } from '../../ids';
import type { Clock } from '../clock';
import type { MatrixAnalysis } from '../plan/plan-analysis';

/** Trials of one forecast: enough for a percentage point, cheap enough to run on every check-in. */
export const FORECAST_TRIALS = 5000;
/**
 * One seed for every month: the months of a target then draw the same random numbers, so a change
 * from one month to the next is what was measured, not the dice.
 */
export const FORECAST_SEED = 20260;

interface KpiMonths {
  /** Per month (index 0 = January) the latest actual of that month, null where none. */
  byMonth: (number | null)[];
  latest: KpiActual | null;
}

/** Each KPI's actuals of `year` as they stood on `asOf`: later check-ins (and corrections dated later) unseen. */
async function actualsAsOf(
  db: Db,
  kpiIds: string[],
  year: number,
  asOf: string,
): Promise<Map<string, KpiMonths>> {
  const rows = await effectiveCheckIns(db, 'kpiItemId', kpiIds);
  const months = new Map<string, KpiMonths>(
    kpiIds.map((id) => [id, { byMonth: Array<number | null>(MONTHS).fill(null), latest: null }]),
  );
  for (const row of rows) {
    if (row.itemId === null || row.checkInDate > asOf || yearOf(row.checkInDate) !== year) continue;
    const entry = months.get(row.itemId);
    if (!entry) continue;
    const month = monthOf(row.checkInDate);
    entry.byMonth[month - 1] = row.value;
    // Oldest first: the last one seen is the latest.
    entry.latest = { kpiId: row.itemId, value: row.value, month };
  }
  return months;
}

/**
 * The forecast from actuals of an X-matrix: computed from its pressure-test model (the
 * feasibility analysis) and what was measured by a day, recorded once a month per target.
 */
export function createForecastService(
  db: Db,
  clock: Clock,
  analysisOf: (matrixId: string) => Promise<MatrixAnalysis>,
) {
  /** Computes and records the forecast as it stood on `asOf` as the figure of its month. */
  async function recordAsOf(matrixId: string, year: number, asOf: string): Promise<void> {
    const analysis = await analysisOf(matrixId);
    const { model, matrix } = analysis;
    const kpiIds = model.kpis.map((kpi) => kpi.id);
    // Months that are over: a month's last day closes it; mid-month, it is still under way.
    const monthsOver = monthOf(asOf) - (asOf === endOfMonth(year, monthOf(asOf)) ? 0 : 1);
    const asOfMonth = yearOf(asOf) < year ? 0 : yearOf(asOf) > year ? MONTHS : monthsOver;
    const recordedMonth = yearOf(asOf) > year ? MONTHS : Math.max(1, monthOf(asOf));
    const actuals = await actualsAsOf(db, kpiIds, year, asOf);
    const items = await db
      .selectFrom('matrixItems')
      .select(['id', 'status', 'startDate', 'endDate'])
      .where('matrixId', '=', matrixId)
      .where('part', '=', 'how')
      .execute();
    const plans = new Map(matrix.howMuch.map((kpi) => [kpi.id, kpi.monthlyPlan ?? []]));
    const kpiOf = new Map(model.kpis.map((kpi) => [kpi.id, kpi]));
    const planShare: Record<string, number> = {};
    for (const [id, entry] of actuals) {
      const kpi = kpiOf.get(id);
      const share =
        kpi && entry.latest ? plannedShare(kpi, plans.get(id) ?? [], entry.latest.month) : undefined;
      if (share !== undefined) planShare[id] = share;
    }
    const conditions: ForecastConditions = {
      planShare,
      asOfMonth,
      actuals: [...actuals.values()].flatMap((entry) => (entry.latest ? [entry.latest] : [])),
      initiatives: Object.fromEntries(
        items.map((item): [string, DeliveryState] => [item.id, deliveryStateOf(item, asOf)]),
      ),
      drift: Object.fromEntries(
        [...actuals].map(([id, entry]) => [id, monthlyDrift(entry.byMonth, plans.get(id) ?? [])]),
      ),
    };
    const result = forecastFromActuals(model, conditions, mulberry32(FORECAST_SEED), {
      trials: FORECAST_TRIALS,
    });
    const median = new Map(result.kpis.map((kpi) => [kpi.kpiId, kpi.p50]));
    const recordedAt = new Date();
    await upsertForecastSnapshots(
      db,
      result.targets.map((target) => ({
        id: newId('fcs'),
        matrixId,
        kpiItemId: target.kpiId,
        targetKind: target.kind,
        targetId: target.targetId,
        title: target.title,
        year,
        month: recordedMonth,
        asOf,
        probability: target.probability,
        direction: target.direction,
        target: target.target,
        targetHigh: target.targetHigh,
        actual: actuals.get(target.kpiId)?.latest?.value ?? null,
        median: median.get(target.kpiId) ?? 0,
        trials: result.trials,
        seed: FORECAST_SEED,
        recordedAt,
      })),
    );
  }

  async function history(matrixId: string): Promise<ForecastHistory> {
    const matrix = await getRow(db, 'xMatrices', matrixId);
    const { model } = await analysisOf(matrixId);
    const rows = await forecastSnapshotsOf(db, matrixId, matrix.year);
    const series = new Map<string, ForecastSnapshotRow[]>();
    for (const row of rows) {
      const key = `${row.targetKind}|${row.targetId}|${row.kpiItemId}`;
      series.set(key, [...(series.get(key) ?? []), row]);
    }
    const kpiOrder = new Map(model.kpis.map((kpi, index) => [kpi.id, { index, kpi }]));
    // Each series as its latest month describes it, grouped like the pressure test's outcomes.
    const latest = [...series.values()].flatMap((points) => {
      const last = points[points.length - 1];
      return last ? [{ ...last, kind: last.targetKind, kpiId: last.kpiItemId, points }] : [];
    });
    const targets = groupTargets(latest)
      .sort(
        (a, b) =>
          (kpiOrder.get(a.lead.kpiId)?.index ?? Infinity) - (kpiOrder.get(b.lead.kpiId)?.index ?? Infinity),
      )
      .map(({ lead, members }): TargetForecast => {
        const kpi = kpiOrder.get(lead.kpiId)?.kpi;
        const unitOfMeasure = kpi?.unitOfMeasure ?? '';
        const points = lead.points.map((p) => ({
          month: p.month,
          asOf: p.asOf,
          probability: p.probability,
          actual: p.actual,
          median: p.median,
        }));
        return {
          targetId: lead.targetId,
          kind: lead.kind,
          title: lead.title,
          kpiId: lead.kpiId,
          kpiTitle: kpi?.title ?? lead.title,
          unitOfMeasure,
          direction: lead.direction,
          target: lead.target,
          targetHigh: lead.targetHigh,
          sameOutcome: members.map((m) => ({ targetId: m.targetId, kind: m.kind, title: m.title })),
          points,
          sentence: forecastSentence({ ...lead, unitOfMeasure }, points),
        };
      });
    return { matrixId, year: matrix.year, targets };
  }

  /** Today's forecast as this month's figure; nothing before the matrix's year has begun. */
  async function recordNow(matrixId: string): Promise<void> {
    const matrix = await getRow(db, 'xMatrices', matrixId);
    const today = clock();
    if (yearOf(today) < matrix.year) return;
    const asOf = yearOf(today) > matrix.year ? endOfMonth(matrix.year, MONTHS) : today;
    await recordAsOf(matrixId, matrix.year, asOf);
  }

  return {
    history,

    /** The histories of the matrices that forecast this key result, each narrowed to its outcomes. */
    async forKeyResult(keyResultId: string): Promise<ForecastHistory[]> {
      await getRow(db, 'keyResults', keyResultId);
      const matrices = await db
        .selectFrom('forecastSnapshots')
        .select('matrixId')
        .distinct()
        .where('targetKind', '=', 'key_result')
        .where('targetId', '=', keyResultId)
        .orderBy('matrixId')
        .execute();
      const histories = await Promise.all(matrices.map(({ matrixId }) => history(matrixId)));
      return histories.map((h) => ({
        ...h,
        targets: h.targets.filter((t) =>
          t.sameOutcome.some((m) => m.kind === 'key_result' && m.targetId === keyResultId),
        ),
      }));
    },

    /** "Record now": this month's figures replaced by today's forecast; answers the history. */
    async record(matrixId: string): Promise<ForecastHistory> {
      await recordNow(matrixId);
      return history(matrixId);
    },

    /** After check-ins on these KPIs: the forecast of each matrix they belong to, recorded for this month. */
    async recordForKpis(kpiIds: readonly string[]): Promise<void> {
      if (kpiIds.length === 0) return;
      const matrices = await db
        .selectFrom('matrixItems')
        .select('matrixId')
        .distinct()
        .where('id', 'in', [...kpiIds])
        .where('part', '=', 'how_much')
        .execute();
      for (const { matrixId } of matrices) await recordNow(matrixId);
    },

    /**
     * The figures of past months as the actuals stood at each month's end (the demo's history;
     * later check-ins and corrections dated after a month's end do not reach it).
     */
    async recordMonths(matrixId: string, months: readonly number[]): Promise<void> {
      const matrix = await getRow(db, 'xMatrices', matrixId);
      for (const month of months) await recordAsOf(matrixId, matrix.year, endOfMonth(matrix.year, month));
    },
  };
}

export type ForecastService = ReturnType<typeof createForecastService>;
