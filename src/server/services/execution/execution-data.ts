import type { ExecutionInput, KeyResultMeasure, Reading } from '../../../core/execution-snapshot';
import type { Cadence } from '../../../core/staleness';
import {
  effectiveCheckIns,
  type CheckInColumn,
  type EffectiveCheckIn,
} from '../../db/repositories/check-in.repository';
import { measuringKpis, type MeasuringKpiRow } from '../../db/repositories/measure.repository';
import { keyResultsOfObjectives, objectivesOfCycle } from '../../db/repositories/okr.repository';
import { unitsOfOrganisation } from '../../db/repositories/organisation.repository';
import type { Db } from '../../db/store';
import { getRow, type Row } from '../../db/versioned';

/** Everything one organisation's cycle needs for progress, status and staleness, read in a few queries. */
export interface ExecutionData {
  cycle: Row<'cycles'>;
  units: Pick<Row<'units'>, 'id' | 'parentId' | 'name' | 'ownerId'>[];
  objectives: Row<'objectives'>[];
  keyResults: Row<'keyResults'>[];
  /** Effective check-ins per key result, oldest first. */
  readings: Map<string, Reading[]>;
  overrides: Map<string, { status: Row<'statusOverrides'>['status']; reason: string }>;
  cadences: Map<string, Cadence>;
  /** The KPIs measuring key results, with their units' names. */
  measuringKpis: MeasuringKpiRow[];
  /** The same, as core's snapshot reads it (computeSnapshot(data.input, day)). */
  input: ExecutionInput;
}

/** Groups effective check-ins by item, oldest first. */
function groupReadings(rows: readonly EffectiveCheckIn[]): Map<string, Reading[]> {
  const readings = new Map<string, Reading[]>();
  for (const row of rows) {
    if (row.itemId === null) continue;
    const list = readings.get(row.itemId) ?? [];
    list.push({
      date: row.checkInDate,
      value: row.value,
      confidence: row.confidence,
      ...(row.isOverride ? { override: true } : {}),
    });
    readings.set(row.itemId, list);
  }
  return readings;
}

/** Effective check-ins (those no correction replaced) on the given key results or KPIs. */
export async function effectiveReadings(
  db: Db,
  column: CheckInColumn,
  ids: readonly string[],
): Promise<Map<string, Reading[]>> {
  return groupReadings(await effectiveCheckIns(db, column, ids));
}

/**
 * The measures of key results (the KPIs translated from them, in matrices of `year`) and the
 * effective check-ins of those KPIs, as core's snapshot reads them.
 */
export async function loadMeasures(
  db: Db,
  keyResults: readonly Pick<Row<'keyResults'>, 'id' | 'measureRule' | 'measureWeights'>[],
  year?: number,
): Promise<{
  rows: MeasuringKpiRow[];
  measures: Map<string, KeyResultMeasure>;
  kpiReadings: Map<string, Reading[]>;
}> {
  const rows = await measuringKpis(
    db,
    keyResults.map((kr) => kr.id),
    year,
  );
  const measures = new Map<string, KeyResultMeasure>();
  const byId = new Map(keyResults.map((kr) => [kr.id, kr]));
  for (const row of rows) {
    const kr = byId.get(row.keyResultId);
    if (!kr) continue;
    const measure = measures.get(kr.id) ?? { rule: kr.measureRule, weights: kr.measureWeights, kpis: [] };
    measures.set(kr.id, {
      ...measure,
      kpis: [
        ...measure.kpis,
        {
          id: row.id,
          title: row.title,
          unitId: row.unitId,
          unitName: row.unitName,
          unitOfMeasure: row.unitOfMeasure,
        },
      ],
    });
  }
  const kpiReadings = await effectiveReadings(
    db,
    'kpiItemId',
    rows.map((row) => row.id),
  );
  return { rows, measures, kpiReadings };
}

/** Unit cadences set explicitly (units without a row inherit). */
export async function ownCadences(db: Db, unitIds: readonly string[]): Promise<Map<string, Cadence>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('unitSettings')
    .select(['unitId', 'checkInCadence'])
    .where('unitId', 'in', [...unitIds])
    .execute();
  return new Map(
    rows.flatMap((row) => (row.checkInCadence ? [[row.unitId, row.checkInCadence] as const] : [])),
  );
}

export async function loadExecutionData(db: Db, cycleId: string): Promise<ExecutionData> {
  const cycle = await getRow(db, 'cycles', cycleId);
  const units = await unitsOfOrganisation(db, cycle.organisationId);
  const objectives = await objectivesOfCycle(db, cycleId);
  const objectiveIds = objectives.map((objective) => objective.id);
  const keyResults = await keyResultsOfObjectives(db, objectiveIds);
  const keyResultIds = keyResults.map((kr) => kr.id);
  const subjectIds = [...objectiveIds, ...keyResultIds];
  const overrideRows =
    subjectIds.length === 0
      ? []
      : await db
          .selectFrom('statusOverrides')
          .selectAll()
          .where((eb) => eb.or([eb('objectiveId', 'in', subjectIds), eb('keyResultId', 'in', subjectIds)]))
          .execute();
  const readings = await effectiveReadings(db, 'keyResultId', keyResultIds);
  const overrides = new Map(
    overrideRows.map((row) => [
      row.objectiveId ?? row.keyResultId ?? '',
      { status: row.status, reason: row.reason },
    ]),
  );
  const cadences = await ownCadences(
    db,
    units.map((unit) => unit.id),
  );
  const measured = await loadMeasures(db, keyResults, cycle.year);
  const input: ExecutionInput = {
    cycle: { startDate: cycle.startDate, endDate: cycle.endDate },
    units: units.map(({ id, parentId }) => ({ id, parentId })),
    objectives: objectives.map(({ id, unitId, title, kind, alignedObjectiveId, alignedKeyResultId }) => ({
      id,
      unitId,
      title,
      kind,
      alignedObjectiveId,
      alignedKeyResultId,
    })),
    keyResults: keyResults.map((kr) => ({
      id: kr.id,
      objectiveId: kr.objectiveId,
      title: kr.title,
      kind: kr.kind,
      baseline: kr.baseline,
      target: kr.target,
      targetHigh: kr.targetHigh,
      current: kr.current,
      weight: kr.weight,
      confidence: kr.confidence,
      milestoneCount: kr.milestones.length,
    })),
    readings,
    overrides,
    cadences,
    measures: measured.measures,
    kpiReadings: measured.kpiReadings,
  };
  return {
    cycle,
    units,
    objectives,
    keyResults,
    readings,
    overrides,
    cadences,
    measuringKpis: measured.rows,
    input,
  };
}
