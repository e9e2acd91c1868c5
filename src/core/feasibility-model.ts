import type { CapacityInput, CapacityPerson } from './capacity';
import {
  directionOfKind,
  type FeasibilityKpi,
  type FeasibilityModel,
  type FeasibilityTarget,
  type Impact,
  type SkillEffort,
} from './feasibility';
import type { CorrelationStrength } from './correlation';
import type { KeyResultKind, KpiDirection } from './key-result';
import type { PartNames } from './x-matrix-parts';

/**
 * The parts of a plan (a plan document, or the store's rows shaped like one) that feasibility
 * needs. It mirrors src/contracts/plan-document.ts structurally; core does not import contracts.
 */
export interface FeasibilityPlan {
  /** The organisation's own names of the five parts, for messages; the defaults when absent. */
  organisation?: { partNames?: Partial<PartNames> | undefined } | undefined;
  units: readonly { id: string; parentId: string | null; ownerId: string | null }[];
  people: readonly {
    id: string;
    name: string;
    unitId: string | null;
    skills: readonly string[];
    monthlyCapacity: number;
  }[];
  objectives: readonly {
    id: string;
    unitId: string;
    keyResults: readonly {
      id: string;
      title: string;
      kind: KeyResultKind;
      baseline: number | null;
      target: number | null;
      targetHigh: number | null;
    }[];
  }[];
  matrices: readonly FeasibilityMatrix[];
}

export interface FeasibilityMatrix {
  id: string;
  unitId: string;
  /** The plan year; initiatives dated outside it are flagged by the lint. */
  year?: number | undefined;
  what: readonly { id: string; title: string }[];
  howFar: readonly { id: string; title: string; sourceKeyResultId: string | null }[];
  how: readonly {
    id: string;
    title: string;
    deliveryProbability?: number | undefined;
    startDate?: string | null | undefined;
    endDate?: string | null | undefined;
    impacts?: readonly Impact[] | undefined;
    effort?: readonly SkillEffort[] | undefined;
  }[];
  howMuch: readonly {
    id: string;
    title: string;
    unitOfMeasure: string;
    direction: KpiDirection;
    baseline: number | null;
    target: number | null;
    targetHigh: number | null;
    monthlyPlan: readonly (number | null)[] | null;
    ownerId: string | null;
    sourceKeyResultId: string | null;
  }[];
  who: readonly { id: string; personId: string | null; teamUnitId: string | null }[];
  /** Corner marks; a mark without strength counts as medium. */
  correlations: readonly { from: string; to: string; strength?: CorrelationStrength | undefined }[];
  owners: readonly { initiative: string; who: string; role: 'primary' | 'secondary' }[];
}

/** @returns the matrix with id `matrixId`, or undefined. */
export function findMatrix(plan: FeasibilityPlan, matrixId: string): FeasibilityMatrix | undefined {
  return plan.matrices.find((matrix) => matrix.id === matrixId);
}

/**
 * The simulation model of one matrix: its KPIs with a baseline, its initiatives with their
 * impacts and delivery probability (1 when not stated), and the targets to test: each KPI's own
 * annual target, the key result it measures (often the parent unit's) and the annual objectives
 * traced to that key result.
 */
export function feasibilityModelOf(plan: FeasibilityPlan, matrix: FeasibilityMatrix): FeasibilityModel {
  const kpis: FeasibilityKpi[] = matrix.howMuch.flatMap((item) =>
    item.baseline === null
      ? []
      : [
          {
            id: item.id,
            title: item.title,
            unitOfMeasure: item.unitOfMeasure,
            direction: item.direction,
            baseline: item.baseline,
            target: item.target,
            targetHigh: item.targetHigh,
          },
        ],
  );
  const keyResults = new Map(
    plan.objectives.flatMap((objective) =>
      objective.keyResults.map((kr) => [kr.id, { ...kr, unitId: objective.unitId }] as const),
    ),
  );
  const targets: FeasibilityTarget[] = [];
  for (const kpi of kpis) {
    const item = matrix.howMuch.find((h) => h.id === kpi.id);
    if (kpi.target !== null)
      targets.push({
        id: kpi.id,
        kind: 'kpi',
        title: kpi.title,
        kpiId: kpi.id,
        unitId: matrix.unitId,
        keyResultId: null,
        direction: kpi.direction,
        target: kpi.target,
        targetHigh: kpi.targetHigh,
      });
    const kr = item?.sourceKeyResultId ? keyResults.get(item.sourceKeyResultId) : undefined;
    const direction = kr ? directionOfKind(kr.kind) : null;
    if (!kr || direction === null || kr.target === null) continue;
    const linked = {
      kpiId: kpi.id,
      keyResultId: kr.id,
      direction,
      target: kr.target,
      targetHigh: kr.targetHigh,
    };
    targets.push({ id: kr.id, kind: 'key_result', title: kr.title, unitId: kr.unitId, ...linked });
    for (const annual of matrix.howFar.filter((h) => h.sourceKeyResultId === kr.id))
      targets.push({
        id: annual.id,
        kind: 'annual_objective',
        title: annual.title,
        unitId: matrix.unitId,
        ...linked,
      });
  }
  const kpiIds = new Set(kpis.map((kpi) => kpi.id));
  return {
    kpis,
    initiatives: matrix.how.map((item) => ({
      id: item.id,
      title: item.title,
      deliveryProbability: item.deliveryProbability ?? 1,
      impacts: (item.impacts ?? []).filter((impact) => kpiIds.has(impact.kpi)),
    })),
    targets,
  };
}

/**
 * For every KPI, the initiatives that move it: those with an impact on it or a mark in the How ×
 * How Much grid, in the order of the How list. One pass over impacts and correlations, so asking
 * for every KPI costs O(initiatives + impacts + correlations), not that times the KPIs.
 */
export function initiativesMovingEachKpi(matrix: FeasibilityMatrix): Map<string, string[]> {
  const moving = new Map<string, Set<string>>();
  const add = (kpiId: string, initiativeId: string) => {
    const set = moving.get(kpiId) ?? new Set<string>();
    set.add(initiativeId);
    moving.set(kpiId, set);
  };
  const initiativeIds = new Set(matrix.how.map((item) => item.id));
  for (const item of matrix.how) for (const impact of item.impacts ?? []) add(impact.kpi, item.id);
  for (const c of matrix.correlations) {
    if (initiativeIds.has(c.from)) add(c.to, c.from);
    if (initiativeIds.has(c.to)) add(c.from, c.to);
  }
  const ordered = new Map<string, string[]>();
  for (const [kpiId, set] of moving)
    ordered.set(
      kpiId,
      matrix.how.filter((item) => set.has(item.id)).map((item) => item.id),
    );
  return ordered;
}

/** Initiatives that move a KPI: those with an impact on it or a mark in the How × How Much grid. */
export function initiativesMoving(matrix: FeasibilityMatrix, kpiId: string): string[] {
  return initiativesMovingEachKpi(matrix).get(kpiId) ?? [];
}

/** The people a matrix draws on: persons in its Who block and the members of teams in it. */
export function matrixPeople(plan: FeasibilityPlan, matrix: FeasibilityMatrix): CapacityPerson[] {
  const teams = new Set(matrix.who.flatMap((who) => (who.teamUnitId ? [who.teamUnitId] : [])));
  const persons = new Set(matrix.who.flatMap((who) => (who.personId ? [who.personId] : [])));
  return plan.people.filter(
    (person) => persons.has(person.id) || (person.unitId !== null && teams.has(person.unitId)),
  );
}

/** People who own an initiative (primary or secondary), directly or as members of an owning team. */
export function initiativeOwners(
  plan: FeasibilityPlan,
  matrix: FeasibilityMatrix,
  initiativeId: string,
): string[] {
  const whoById = new Map(matrix.who.map((who) => [who.id, who]));
  return matrix.owners
    .filter((owner) => owner.initiative === initiativeId)
    .flatMap((owner) => {
      const who = whoById.get(owner.who);
      if (!who) return [];
      if (who.personId) return [who.personId];
      return plan.people.filter((p) => p.unitId === who.teamUnitId).map((p) => p.id);
    });
}

/** The capacity question of one matrix: its people, its initiatives' effort, and its targets' initiatives. */
export function capacityInputOf(
  plan: FeasibilityPlan,
  matrix: FeasibilityMatrix,
  model: FeasibilityModel,
): CapacityInput {
  const moving = initiativesMovingEachKpi(matrix);
  return {
    people: matrixPeople(plan, matrix),
    initiatives: matrix.how.map((item) => ({
      id: item.id,
      title: item.title,
      effort: item.effort ?? [],
      ownerIds: initiativeOwners(plan, matrix, item.id),
    })),
    targets: model.targets.map((target) => ({
      id: target.id,
      initiativeIds: moving.get(target.kpiId) ?? [],
    })),
  };
}
