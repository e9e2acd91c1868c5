import { bowlingRow, DEFAULT_TOLERANCE_PERCENT, monthlyActuals } from '../../../core/bowling';
import { MONTHS_IN_YEAR } from '../../../core/monthly-plan';
import { DomainError } from '../../../core/errors';
import { itemInWords } from '../../../core/x-matrix-parts';
import type { BowlingChart } from '../../../contracts';
import { matrixOfUnitYear } from '../../db/repositories/matrix.repository';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { effectiveReadings } from './execution-data';

/** The bowling chart of a unit's KPIs for a year, and each KPI's tolerance. */
export function createBowlingService(db: Db) {
  async function kpi(id: string) {
    const item = await getRow(db, 'matrixItems', id);
    if (item.part !== 'how_much')
      throw new DomainError('validation_failed', `${itemInWords(item)}, not a KPI (How Much)`, {
        issues: [{ path: 'kpiId', message: `${itemInWords(item)}, not a KPI` }],
      });
    return item;
  }

  return {
    kpi,

    /**
     * Per KPI of the unit's X-matrix for `year`: owner, baseline, twelve frames of plan and actual
     * coloured by the KPI's direction and tolerance, quarter and YTD columns, trend, and the
     * countermeasures opened on each month. A unit without a matrix that year gets no rows.
     */
    async chart(unitId: string, year: number): Promise<BowlingChart> {
      const unit = await getRow(db, 'units', unitId);
      const matrix = await matrixOfUnitYear(db, unitId, year);
      if (!matrix) return { unitId, year, matrixId: null, rows: [] };
      const kpis = await db
        .selectFrom('matrixItems')
        .selectAll()
        .where('matrixId', '=', matrix.id)
        .where('part', '=', 'how_much')
        .orderBy('position')
        .execute();
      const ids = kpis.map((item) => item.id);
      if (ids.length === 0) return { unitId, year, matrixId: matrix.id, rows: [] };
      const [thresholds, countermeasures, people, readings] = await Promise.all([
        db.selectFrom('kpiThresholds').selectAll().where('kpiItemId', 'in', ids).execute(),
        db
          .selectFrom('countermeasures')
          .select(['id', 'kpiItemId', 'month'])
          .where('kpiItemId', 'in', ids)
          .where('year', '=', year)
          .orderBy('createdAt')
          .execute(),
        db
          .selectFrom('people')
          .select(['id', 'name'])
          .where('organisationId', '=', unit.organisationId)
          .execute(),
        effectiveReadings(db, 'kpiItemId', ids),
      ]);
      const tolerance = new Map(thresholds.map((row) => [row.kpiItemId, row.tolerancePercent]));
      const names = new Map(people.map((person) => [person.id, person.name]));
      const rows = kpis.map((item) => {
        const rule = {
          direction: item.direction ?? 'increase',
          target: item.target,
          targetHigh: item.targetHigh,
          tolerancePercent: tolerance.get(item.id) ?? DEFAULT_TOLERANCE_PERCENT,
        };
        const plan = item.monthlyPlan ?? Array.from({ length: MONTHS_IN_YEAR }, () => null);
        const row = bowlingRow(rule, plan, monthlyActuals(year, readings.get(item.id) ?? []));
        return {
          kpiId: item.id,
          title: item.title,
          unitOfMeasure: item.unitOfMeasure,
          direction: rule.direction,
          ownerId: item.ownerId,
          ownerName: item.ownerId ? (names.get(item.ownerId) ?? null) : null,
          baseline: item.baseline,
          target: item.target,
          targetHigh: item.targetHigh,
          tolerancePercent: rule.tolerancePercent,
          frames: row.frames.map((frame) => ({
            ...frame,
            countermeasureIds: countermeasures
              .filter((cm) => cm.kpiItemId === item.id && cm.month === frame.month)
              .map((cm) => cm.id),
          })),
          quarters: row.quarters,
          ytd: row.ytd,
          trend: row.trend,
        };
      });
      return { unitId, year, matrixId: matrix.id, rows };
    },

    /** Sets a KPI's tolerance: a miss within this percentage of the plan is yellow, beyond it red. */
    async setTolerance(kpiId: string, tolerancePercent: number) {
      await kpi(kpiId);
      const row = await db
        .insertInto('kpiThresholds')
        .values({ kpiItemId: kpiId, tolerancePercent })
        .onConflict((oc) =>
          oc.column('kpiItemId').doUpdateSet((eb) => ({
            tolerancePercent,
            version: eb('kpiThresholds.version', '+', 1),
            updatedAt: new Date(),
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return { kpiId, tolerancePercent: row.tolerancePercent, version: row.version };
    },
  };
}
