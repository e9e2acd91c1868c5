import type { PlanDocument, PlanMatrix } from '../../../contracts';
import { PLAN_FORMAT_VERSION } from '../../../contracts';
import { CORNER_GRIDS } from '../../../core/correlation';
import { collectSubtree } from '../../../core/unit-tree';
import { keyResultsOfObjectives, objectivesOfUnits } from '../../db/repositories/okr.repository';
import {
  correlationsOfMatrices,
  effortsOfMatrices,
  impactsOfMatrices,
  itemsOfMatrices,
  matricesOfUnits,
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

/**
 * Exports an organisation (or one unit's subtree) as a plan document with every field written,
 * so that importing the result into an empty store and exporting again gives the same document.
 * In a subtree export, links that point outside the subtree are dropped.
 */
export function createPlanExportService(db: Db) {
  return {
    async exportPlan(organisationId: string, options: { unitId?: string } = {}): Promise<PlanDocument> {
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

      const matrices = (await matricesOfUnits(db, [...unitIds])).sort(
        (a, b) => (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) || a.year - b.year,
      );
      const matrixIds = matrices.map((m) => m.id);
      const items = await itemsOfMatrices(db, matrixIds);
      const initiativeIds = new Set(items.filter((item) => item.part === 'how').map((item) => item.id));
      const correlations = await correlationsOfMatrices(db, matrixIds);
      const ownerships = await ownershipsOfMatrices(db, matrixIds);
      const impacts = await impactsOfMatrices(db, matrixIds);
      const efforts = await effortsOfMatrices(db, matrixIds);

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
          keyResults: keyResults
            .filter((kr) => kr.objectiveId === objective.id)
            .map((kr) => ({
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
            })),
        })),
        matrices: matrices.map((matrix): PlanMatrix => {
          const mine = items.filter((item) => item.matrixId === matrix.id);
          const of = (part: Row<'matrixItems'>['part']) => mine.filter((item) => item.part === part);
          const who = of('who').filter((item) => item.personId !== null || inUnits(item.teamUnitId) !== null);
          const position = new Map(mine.map((item) => [item.id, item.position]));
          const gridOrder = new Map<string, number>(CORNER_GRIDS.map((grid, index) => [grid.id, index]));
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
              impacts: impacts
                .filter((impact) => impact.initiativeId === item.id)
                .map((impact) => ({
                  kpi: impact.kpiId,
                  low: impact.low,
                  likely: impact.likely,
                  high: impact.high,
                  basis: impact.basis,
                  startMonth: impact.startMonth,
                  rampMonths: impact.rampMonths,
                })),
              effort: efforts
                .filter((effort) => effort.initiativeId === item.id)
                .map((effort) => ({
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
            correlations: correlations
              .filter((c) => c.matrixId === matrix.id)
              .sort(
                (a, b) =>
                  (gridOrder.get(a.grid) ?? 0) - (gridOrder.get(b.grid) ?? 0) ||
                  (position.get(a.fromId) ?? 0) - (position.get(b.fromId) ?? 0) ||
                  (position.get(a.toId) ?? 0) - (position.get(b.toId) ?? 0),
              )
              .map((c) => ({ from: c.fromId, to: c.toId, strength: c.strength })),
            owners: ownerships
              .filter((o) => o.matrixId === matrix.id && whoIds.has(o.whoId))
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
