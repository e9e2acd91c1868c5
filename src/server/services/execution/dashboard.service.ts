import { PROPOSAL_STATES, TRANSITIONS } from '../../../core/catchball';
import { endOfMonth } from '../../../core/calendar';
import { quartersOf } from '../../../core/cycle';
import { isAchieved, scoreDistribution } from '../../../core/scoring';
import { STATUSES } from '../../../core/status';
import type { ObjectiveProgress, OrganisationOverview, UnitDashboard } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import type { Clock } from '../clock';
import type { createBowlingService } from './bowling.service';
import type { createCountermeasuresService } from './countermeasures.service';
import { initiativeStanding, isOverdue } from '../../../core/attention';
import { matrixOfUnitYear } from '../../db/repositories/matrix.repository';
import { loadExecutionData, type ExecutionData } from './execution-data';
import { computeSnapshot, type Snapshot } from '../../../core/execution-snapshot';
import { assertInOrganisation, organisationOfUnit } from '../structure/references';
import { scanStaleItems } from './stale-items';

const TOP_RISKS = 5;
const pct = (value: number): string => `${Math.round(value * 100)} %`;
/** Statistics are shown, not computed further: three decimals keep float noise out of them. */
const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Month-ends from the cycle's start up to `asOf`, then `asOf` itself: the points of the health chart. */
function healthDates(data: ExecutionData, asOf: string): string[] {
  const dates: string[] = [];
  const [startYear, startMonth] = data.cycle.startDate.split('-').map(Number) as [number, number];
  for (let i = 0; i < 12; i++) {
    const date = endOfMonth(
      startYear + Math.floor((startMonth - 1 + i) / 12),
      ((startMonth - 1 + i) % 12) + 1,
    );
    if (date >= asOf || date > data.cycle.endDate) break;
    dates.push(date);
  }
  return [...dates, asOf];
}

function unitObjectives(data: ExecutionData, snapshot: Snapshot, unitId: string): ObjectiveProgress[] {
  return data.objectives
    .filter((objective) => objective.unitId === unitId)
    .flatMap((objective) => snapshot.objectives.get(objective.id) ?? []);
}

/** Worst first: off track before at risk, then the larger lag behind the elapsed share. */
function topRisks(objectives: readonly ObjectiveProgress[], elapsed: number): UnitDashboard['topRisks'] {
  const candidates = objectives.flatMap((objective) => [
    { ...objective, kind: 'objective' as const, confidence: null },
    ...objective.keyResults.map((kr) => ({ ...kr, kind: 'key_result' as const })),
  ]);
  return candidates
    .filter((item) => item.status.status !== 'on_track')
    .sort(
      (a, b) =>
        STATUSES.indexOf(b.status.status) - STATUSES.indexOf(a.status.status) || a.progress - b.progress,
    )
    .slice(0, TOP_RISKS)
    .map((item) => ({
      kind: item.kind,
      id: item.id,
      title: item.title,
      status: item.status.status,
      progress: item.progress,
      confidence: item.confidence,
      elapsed,
      overrideReason: item.status.reason,
      reason:
        item.status.reason ??
        `${pct(item.progress)} done with ${pct(elapsed)} of the cycle gone` +
          (item.confidence === null ? '' : `; confidence ${String(Math.round(item.confidence * 100))} %`),
    }));
}

/** The unit dashboard and the organisation overview, both computed from one read of the cycle. */
export function createDashboardService(
  db: Db,
  clock: Clock,
  countermeasures: ReturnType<typeof createCountermeasuresService>,
  bowling: ReturnType<typeof createBowlingService>,
) {
  /**
   * The counts of what needs attention: the unit's objectives and key results off their track,
   * and from its X-matrix of the cycle's year the red and amber KPI months (up to the day), the
   * initiatives late or at risk, and the open countermeasures past their due date.
   */
  async function attention(
    unitId: string,
    year: number,
    day: string,
    objectives: readonly ObjectiveProgress[],
    open: readonly { status: string; dueDate: string | null }[],
  ): Promise<UnitDashboard['attention']> {
    const offTrack = (status: { status: string }) => status.status !== 'on_track';
    const chart = await bowling.chart(unitId, year);
    const monthsUpTo = Number(day.slice(0, 4)) > year ? 12 : Number(day.slice(5, 7));
    const frames = chart.rows.flatMap((row) => row.frames.filter((frame) => frame.month <= monthsUpTo));
    const matrix = await matrixOfUnitYear(db, unitId, year);
    const initiatives = matrix
      ? await db
          .selectFrom('matrixItems')
          .select(['status', 'startDate', 'endDate'])
          .where('matrixId', '=', matrix.id)
          .where('part', '=', 'how')
          .execute()
      : [];
    const standing = initiatives.map((item) => initiativeStanding(item, day));
    return {
      objectivesAtRisk: objectives.filter((objective) => offTrack(objective.status)).length,
      keyResultsAtRisk: objectives.flatMap((objective) =>
        objective.keyResults.filter((kr) => offTrack(kr.status)),
      ).length,
      kpiMonthsRed: frames.filter((frame) => frame.colour === 'red').length,
      kpiMonthsAmber: frames.filter((frame) => frame.colour === 'yellow').length,
      initiativesLate: standing.filter((entry) => entry === 'late').length,
      initiativesAtRisk: standing.filter((entry) => entry === 'at_risk').length,
      countermeasuresOverdue: open.filter((entry) => isOverdue(entry, day)).length,
    };
  }

  return {
    /**
     * Progress and status of the unit's objectives, health over time (one point per month-end),
     * top risks, open countermeasures and stale items, and the catchball proposals still in play
     * between this unit and its parent or its children.
     */
    async unitDashboard(unitId: string, cycleId: string, asOf?: string): Promise<UnitDashboard> {
      await assertInOrganisation(db, 'cycles', cycleId, await organisationOfUnit(db, unitId), 'cycleId');
      const day = asOf ?? clock();
      const data = await loadExecutionData(db, cycleId);
      const snapshot = computeSnapshot(data.input, day);
      const objectives = unitObjectives(data, snapshot, unitId);
      const health = healthDates(data, day).map((date) => {
        const views = unitObjectives(
          data,
          date === day ? snapshot : computeSnapshot(data.input, date),
          unitId,
        );
        const count = (status: string) => views.filter((view) => view.status.status === status).length;
        return {
          date,
          progress:
            views.length === 0 ? 0 : views.reduce((sum, view) => sum + view.progress, 0) / views.length,
          onTrack: count('on_track'),
          atRisk: count('at_risk'),
          offTrack: count('off_track'),
        };
      });
      const openCountermeasures = await countermeasures.listByUnit(unitId, { open: true });
      return {
        unitId,
        cycleId,
        asOf: day,
        objectives,
        attention: await attention(unitId, data.cycle.year, day, objectives, openCountermeasures),
        health,
        topRisks: topRisks(objectives, snapshot.elapsed),
        openCountermeasures,
        staleItems: (await scanStaleItems(db, data, snapshot, new Set([unitId]))).stale,
        openCatchballItems: await countOpenProposals(db, unitId),
      };
    },

    /**
     * Quarter statistics for the organisation: per unit the objectives and key results, the share
     * of objectives achieved (1.0 committed, 0.7 aspirational) and the average score; across units
     * the distribution of scores and the spread of the units' averages. Quarters not yet begun are left out.
     */
    async organisationOverview(
      organisationId: string,
      cycleId: string,
      asOf?: string,
    ): Promise<OrganisationOverview> {
      await getRow(db, 'organisations', organisationId);
      await assertInOrganisation(db, 'cycles', cycleId, organisationId, 'cycleId');
      const day = asOf ?? clock();
      const data = await loadExecutionData(db, cycleId);
      const quarters = quartersOf(data.cycle)
        .filter((quarter) => quarter.startDate <= day)
        .map((quarter) => {
          const snapshot = computeSnapshot(data.input, quarter.endDate < day ? quarter.endDate : day);
          const all = [...snapshot.objectives.values()];
          const units = data.units
            .map((unit) => {
              const views = all.filter((view) => view.unitId === unit.id);
              const achieved = views.filter((view) => isAchieved(view.score, view.kind)).length;
              return {
                unitId: unit.id,
                unitName: unit.name,
                objectives: views.length,
                keyResults: views.reduce((sum, view) => sum + view.keyResults.length, 0),
                achievedShare: views.length === 0 ? 0 : round3(achieved / views.length),
                averageScore:
                  views.length === 0
                    ? null
                    : round3(views.reduce((sum, view) => sum + view.score, 0) / views.length),
              };
            })
            .filter((unit) => unit.objectives > 0);
          const averages = units.flatMap((unit) => (unit.averageScore === null ? [] : [unit.averageScore]));
          const mean = averages.reduce((a, b) => a + b, 0) / (averages.length || 1);
          return {
            quarter: quarter.name,
            endDate: quarter.endDate,
            units,
            scoreDistribution: scoreDistribution(all.map((view) => view.score)),
            achievedShare:
              all.length === 0
                ? 0
                : all.filter((view) => isAchieved(view.score, view.kind)).length / all.length,
            spread:
              averages.length === 0
                ? { min: null, max: null, stdDev: null }
                : {
                    min: Math.min(...averages),
                    max: Math.max(...averages),
                    stdDev: Math.sqrt(
                      averages.reduce((sum, v) => sum + (v - mean) ** 2, 0) / averages.length,
                    ),
                  },
          };
        });
      return { organisationId, cycleId, asOf: day, quarters };
    },
  };
}

/** States from which some action is still possible: the ball is in play. */
const OPEN_PROPOSAL_STATES = PROPOSAL_STATES.filter((state) => Object.keys(TRANSITIONS[state]).length > 0);

/** Proposals in play that this unit threw or must answer. */
async function countOpenProposals(db: Db, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('catchballProposals')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where((eb) => eb.or([eb('childUnitId', '=', unitId), eb('parentUnitId', '=', unitId)]))
    .where('state', 'in', OPEN_PROPOSAL_STATES)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
