import type { PlanDocument, PlanMatrix } from '../../../contracts';
import { PLAN_FORMAT_VERSION } from '../../../contracts';
import { CORNER_GRIDS } from '../../../core/correlation';
import { collectSubtree } from '../../../core/unit-tree';
import { keyResultsOfObjectives, objectivesOfUnits } from '../../db/repositories/okr.repository';
import {
  effortsOfMatrices,
  impactsOfMatrices,
  itemsOfMatrices,
  matricesOfUnits,
  marksOfMatrices,
  ownershipsOfMatrices,
} from '../../db/repositories/matrix.repository';
import {
  cyclesOfOrganisation,
  peopleOfOrganisation,
  unitsOfOrganisation,
} from '../../db/repositories/organisation.repository';
import type { Db } from '../../db/store';
import { getRow, type Row } from '../../db/versioned';
import { presentOrganisation } from '../../presenters/organisation.presenter';
import { DEFAULT_PART_NAMES } from '../../../core/x-matrix-parts';

/** Units in depth-first order, siblings by position: the order a plan document lists them in. */
function orderUnits(units: Row<'units'>[]): Row<'units'>[] {
  const ordered: Row<'units'>[] = [];
  const visit = (parentId: string | null) => {
    for (const unit of units
      .filter((u) => u.parentId === parentId)
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))) {
      ordered.push(unit);
      visit(unit.id);
    }
  };
  visit(null);
  return ordered;
}

/** What a plan export covers: the whole organisation, one unit's subtree, or one matrix. */
export interface PlanExportScope {
  /** Only this unit and the units below it. */
  unitId?: string;
  /**
   * Only this X-matrix, beside the organisation's units, people, cycles and OKRs: what the
   * pressure test, capacity and lint of that matrix read. Links to other matrices' items are dropped.
   */
  matrixId?: string;
}

/** `rows` ordered by numeric keys computed once per row (a comparator would recompute them per comparison). */
function sortByKeys<T>(rows: readonly T[], keysOf: (row: T) => readonly number[]): T[] {
  const keyed = rows.map((row) => ({ row, keys: keysOf(row) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.keys.length; i++) {
      const difference = (a.keys[i] ?? 0) - (b.keys[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return keyed.map(({ row }) => row);
}

/**
 * Exports an organisation (or one unit's subtree, or one matrix) as a plan document with every
 * field written, so that importing the result into an empty store and exporting again gives the
 * same document. In a partial export, links that point outside it are dropped.
 */
export function createPlanExportService(db: Db) {
  return {
    async exportPlan(organisationId: string, options: PlanExportScope = {}): Promise<PlanDocument> {
      const organisation = presentOrganisation(await getRow(db, 'organisations', organisationId));
      let units = orderUnits(await unitsOfOrganisation(db, organisationId));
      if (options.unitId) {
        const root = await getRow(db, 'units', options.unitId);
        const subtree = new Set(collectSubtree(units, root.id));
        units = units.filter((unit) => subtree.has(unit.id));
      }
      const unitIds = new Set(units.map((unit) => unit.id));
      const inUnits = (id: string | null) => (id !== null && unitIds.has(id) ? id : null);

      const people = await peopleOfOrganisation(db, organisationId);
      const cycles = await cyclesOfOrganisation(db, organisationId);
      const unitOrder = new Map(units.map((unit, index) => [unit.id, index]));
      const objectives = (await objectivesOfUnits(db, [...unitIds])).sort(
        (a, b) =>
          (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) ||
          a.cycleId.localeCompare(b.cycleId) ||
          a.position - b.position,
      );
      const keyResults = await keyResultsOfObjectives(
        db,
        objectives.map((o) => o.id),
      );
      const objectiveIds = new Set(objectives.map((o) => o.id));
      const keyResultIds = new Set(keyResults.map((kr) => kr.id));
      const keep = (ids: Set<string>, id: string | null) => (id !== null && ids.has(id) ? id : null);

      const matrices = (await matricesOfUnits(db, [...unitIds]))
        .filter((matrix) => options.matrixId === undefined || matrix.id === options.matrixId)
        .sort((a, b) => (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) || a.year - b.year);
      const matrixIds = matrices.map((m) => m.id);
      const items = await itemsOfMatrices(db, matrixIds);
      const initiativeIds = new Set(items.filter((item) => item.part === 'how').map((item) => item.id));
      const correlations = await marksOfMatrices(db, matrixIds);
      const ownerships = await ownershipsOfMatrices(db, matrixIds);
      const impacts = await impactsOfMatrices(db, matrixIds);
      const efforts = await effortsOfMatrices(db, matrixIds);
      const keyResultsOf = Map.groupBy(keyResults, (kr) => kr.objectiveId);
      const itemsOf = Map.groupBy(items, (item) => item.matrixId);
      const correlationsOf = Map.groupBy(correlations, (c) => c.matrixId);
      const ownershipsOf = Map.groupBy(ownerships, (o) => o.matrixId);
      const impactsOf = Map.groupBy(impacts, (impact) => impact.initiativeId);
      const effortsOf = Map.groupBy(efforts, (effort) => effort.initiativeId);
      const gridOrder = new Map<string, number>(CORNER_GRIDS.map((grid, index) => [grid.id, index]));

      const customNames = Object.entries(organisation.partNames).filter(
        ([part, name]) => DEFAULT_PART_NAMES[part as keyof typeof DEFAULT_PART_NAMES] !== name,
      );

      return {
        catchball: PLAN_FORMAT_VERSION,
        organisation: {
          id: organisation.id,
          name: organisation.name,
          ...(customNames.length > 0 ? { partNames: organisation.partNames } : {}),
          horizonYears: organisation.horizonYears,
        },
        units: units.map((unit) => ({
          id: unit.id,
          name: unit.name,
          parentId: inUnits(unit.parentId),
          ownerId: unit.ownerId,
        })),
        people: people.map((person) => ({
          id: person.id,
          name: person.name,
          email: person.email,
          unitId: inUnits(person.unitId),
          skills: person.skills,
          monthlyCapacity: person.monthlyCapacity,
        })),
        cycles: cycles.map((cycle) => ({
          id: cycle.id,
          name: cycle.name,
          year: cycle.year,
          startDate: cycle.startDate,
          endDate: cycle.endDate,
        })),
        objectives: objectives.map((objective) => ({
          id: objective.id,
          unitId: objective.unitId,
          cycleId: objective.cycleId,
          title: objective.title,
          description: objective.description,
          kind: objective.kind,
          alignedObjectiveId: keep(objectiveIds, objective.alignedObjectiveId),
          alignedKeyResultId: keep(keyResultIds, objective.alignedKeyResultId),
          keyResults: (keyResultsOf.get(objective.id) ?? []).map((kr) => ({
            id: kr.id,
            title: kr.title,
            kind: kr.kind,
            unitOfMeasure: kr.unitOfMeasure,
            baseline: kr.baseline,
            target: kr.target,
            targetHigh: kr.targetHigh,
            current: kr.current,
            weight: kr.weight,
            ownerId: kr.ownerId,
            confidence: kr.confidence,
            dueDate: kr.dueDate,
            milestones: kr.milestones,
            measureRule: kr.measureRule,
            measureWeights: kr.measureWeights,
          })),
        })),
        matrices: matrices.map((matrix): PlanMatrix => {
          const mine = itemsOf.get(matrix.id) ?? [];
          const of = (part: Row<'matrixItems'>['part']) => mine.filter((item) => item.part === part);
          const who = of('who').filter((item) => item.personId !== null || inUnits(item.teamUnitId) !== null);
          const position = new Map(mine.map((item) => [item.id, item.position]));
          const whoIds = new Set(who.map((item) => item.id));
          return {
            id: matrix.id,
            unitId: matrix.unitId,
            year: matrix.year,
            trueNorth: matrix.trueNorth,
            what: of('what').map((item) => ({
              id: item.id,
              title: item.title,
              description: item.description,
              sourceObjectiveId: keep(objectiveIds, item.sourceObjectiveId),
              targetYear: item.targetYear,
              sourceItemId: keep(initiativeIds, item.sourceItemId),
            })),
            howFar: of('how_far').map((item) => ({
              id: item.id,
              title: item.title,
              description: item.description,
              sourceKeyResultId: keep(keyResultIds, item.sourceKeyResultId),
              sourceItemId: keep(initiativeIds, item.sourceItemId),
            })),
            how: of('how').map((item) => ({
              id: item.id,
              title: item.title,
              description: item.description,
              startDate: item.startDate,
              endDate: item.endDate,
              effortPersonDays: item.effortPersonDays,
              requiredSkills: item.requiredSkills,
              status: item.status ?? 'planned',
              deliveryProbability: item.deliveryProbability,
              impacts: (impactsOf.get(item.id) ?? []).map((impact) => ({
                kpi: impact.kpiId,
                low: impact.low,
                likely: impact.likely,
                high: impact.high,
                basis: impact.basis,
                startMonth: impact.startMonth,
                rampMonths: impact.rampMonths,
              })),
              effort: (effortsOf.get(item.id) ?? []).map((effort) => ({
                skill: effort.skill,
                personDaysPerMonth: effort.personDaysPerMonth,
                fromMonth: effort.fromMonth,
                toMonth: effort.toMonth,
              })),
            })),
            howMuch: of('how_much').map((item) => ({
              id: item.id,
              title: item.title,
              description: item.description,
              unitOfMeasure: item.unitOfMeasure,
              direction: item.direction ?? 'increase',
              baseline: item.baseline,
              target: item.target,
              targetHigh: item.targetHigh,
              monthlyPlan: item.monthlyPlan,
              ownerId: item.ownerId,
              sourceKeyResultId: keep(keyResultIds, item.sourceKeyResultId),
            })),
            who: who.map((item) => ({
              id: item.id,
              personId: item.personId,
              teamUnitId: inUnits(item.teamUnitId),
            })),
            correlations: sortByKeys(correlationsOf.get(matrix.id) ?? [], (c) => [
              gridOrder.get(c.grid) ?? 0,
              position.get(c.fromId) ?? 0,
              position.get(c.toId) ?? 0,
            ]).map((c) => ({ from: c.fromId, to: c.toId, strength: c.strength })),
            owners: (ownershipsOf.get(matrix.id) ?? [])
              .filter((o) => whoIds.has(o.whoId))
              .sort(
                (a, b) =>
                  (position.get(a.initiativeId) ?? 0) - (position.get(b.initiativeId) ?? 0) ||
                  (position.get(a.whoId) ?? 0) - (position.get(b.whoId) ?? 0),
              )
              .map((o) => ({ initiative: o.initiativeId, who: o.whoId, role: o.role })),
          };
        }),
      };
    },
  };
}
