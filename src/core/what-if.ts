import type { CapacityAllocation, CapacityInput, CapacityPerson } from './capacity';
import type { FeasibilityModel, Impact, SkillEffort } from './feasibility';

/**
 * A what-if scenario: changes to one matrix's saved plan, tried out without saving. Plain data,
 * so it can go to a Web Worker and into a proposal's evidence. Dropping an initiative keeps it in
 * the model as never delivered, so the other initiatives draw the same random numbers as in the
 * saved plan and a difference between the two is the change's own.
 */
export interface WhatIfBasis {
  matrixId: string;
  model: FeasibilityModel;
  capacity: CapacityInput;
  /** Per KPI, the initiatives that move it (an impact or a mark), to say why a KPI is not simulated. */
  movedBy: Record<string, string[]>;
}

export interface ImpactChange {
  initiativeId: string;
  kpiId: string;
  low: number;
  likely: number;
  high: number;
}

export interface AddedInitiative {
  id: string;
  title: string;
  deliveryProbability: number;
  impacts: Impact[];
  effort: SkillEffort[];
}

export interface Scenario {
  impacts: ImpactChange[];
  /** Delivery probability (0-1) per initiative id. */
  delivery: Record<string, number>;
  /** Person-days per month per `${initiativeId}|${skill}`. */
  effort: Record<string, number>;
  droppedInitiatives: string[];
  droppedPeople: string[];
  addedInitiatives: AddedInitiative[];
  addedPeople: CapacityPerson[];
  allocation: CapacityAllocation;
}

export const EMPTY_SCENARIO: Scenario = {
  impacts: [],
  delivery: {},
  effort: {},
  droppedInitiatives: [],
  droppedPeople: [],
  addedInitiatives: [],
  addedPeople: [],
  allocation: 'owners_first',
};

export const effortKey = (initiativeId: string, skill: string) => `${initiativeId}|${skill}`;

/** How many changes a scenario makes (the allocation choice is not a change to the plan). */
export function changeCount(scenario: Scenario): number {
  return (
    scenario.impacts.length +
    Object.keys(scenario.delivery).length +
    Object.keys(scenario.effort).length +
    scenario.droppedInitiatives.length +
    scenario.droppedPeople.length +
    scenario.addedInitiatives.length +
    scenario.addedPeople.length
  );
}

/** The saved plan with the scenario's changes: the model to simulate and the capacity question. */
export function applyScenario(
  basis: WhatIfBasis,
  scenario: Scenario,
): { model: FeasibilityModel; capacity: CapacityInput } {
  const dropped = new Set(scenario.droppedInitiatives);
  const kpiIds = new Set(basis.model.kpis.map((kpi) => kpi.id));
  const impactOf = (initiativeId: string, impact: Impact): Impact => {
    const change = scenario.impacts.find((c) => c.initiativeId === initiativeId && c.kpiId === impact.kpi);
    return change ? { ...impact, low: change.low, likely: change.likely, high: change.high } : impact;
  };
  const model: FeasibilityModel = {
    ...basis.model,
    initiatives: [
      ...basis.model.initiatives.map((initiative) => ({
        ...initiative,
        deliveryProbability: dropped.has(initiative.id)
          ? 0
          : (scenario.delivery[initiative.id] ?? initiative.deliveryProbability),
        impacts: initiative.impacts.map((impact) => impactOf(initiative.id, impact)),
      })),
      ...scenario.addedInitiatives.map((added) => ({
        id: added.id,
        title: added.title,
        deliveryProbability: scenario.delivery[added.id] ?? added.deliveryProbability,
        impacts: added.impacts.filter((impact) => kpiIds.has(impact.kpi)).map((i) => impactOf(added.id, i)),
      })),
    ],
  };
  const droppedPeople = new Set(scenario.droppedPeople);
  const effortOf = (initiativeId: string, effort: readonly SkillEffort[]) =>
    effort.map((e) => ({
      ...e,
      personDaysPerMonth: scenario.effort[effortKey(initiativeId, e.skill)] ?? e.personDaysPerMonth,
    }));
  const capacity: CapacityInput = {
    ...basis.capacity,
    allocation: scenario.allocation,
    people: [...basis.capacity.people.filter((p) => !droppedPeople.has(p.id)), ...scenario.addedPeople],
    initiatives: [
      ...basis.capacity.initiatives
        .filter((initiative) => !dropped.has(initiative.id))
        .map((initiative) => ({ ...initiative, effort: effortOf(initiative.id, initiative.effort) })),
      ...scenario.addedInitiatives.map((added) => ({
        id: added.id,
        title: added.title,
        effort: effortOf(added.id, added.effort),
        ownerIds: [],
      })),
    ],
  };
  return { model, capacity };
}

/** The scenario's changes in words, one a line, e.g. "Pilot leaves out", "SOC delivered 90 %". */
export function describeScenario(basis: WhatIfBasis, scenario: Scenario): string[] {
  const titleOf = (id: string) =>
    basis.model.initiatives.find((i) => i.id === id)?.title ??
    scenario.addedInitiatives.find((i) => i.id === id)?.title ??
    id;
  const kpiOf = (id: string) => basis.model.kpis.find((k) => k.id === id)?.title ?? id;
  const personOf = (id: string) => basis.capacity.people.find((p) => p.id === id)?.name ?? id;
  return [
    ...scenario.droppedInitiatives.map((id) => `without ${titleOf(id)}`),
    ...Object.entries(scenario.delivery).map(
      ([id, p]) => `${titleOf(id)} delivered with ${Math.round(p * 100)} % chance`,
    ),
    ...scenario.impacts.map(
      (c) =>
        `${titleOf(c.initiativeId)} moving ${kpiOf(c.kpiId)} by ${c.low} to ${c.high} (likely ${c.likely})`,
    ),
    ...Object.entries(scenario.effort).map(([key, days]) => {
      const [id = '', skill = ''] = key.split('|');
      return `${titleOf(id)} needing ${days} ${skill} days a month`;
    }),
    ...scenario.addedInitiatives.map((i) => `adding ${i.title}`),
    ...scenario.droppedPeople.map((id) => `without ${personOf(id)}`),
    ...scenario.addedPeople.map(
      (p) => `adding ${p.name} (${p.skills.join(', ')}, ${p.monthlyCapacity} days a month)`,
    ),
  ];
}
