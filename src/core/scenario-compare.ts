import type { CapacityReport } from './capacity';
import type { PressureTestResult } from './pressure-test';
import { effortKey, type Scenario, type WhatIfBasis } from './what-if';

/**
 * A saved scenario against the plan: what its changes replaced when it was saved (so applying it
 * later can refuse a plan that has moved underneath, naming the item), its outcome in short, and
 * the capacity differences between plan and scenario. Pure; the server and the web share it.
 */

/** One plan value a scenario's change replaces, keyed so the same place can be found again. */
export interface ReplacedValue {
  key: string;
  /** The place in words, e.g. "the impact of SOC 24/7 on Mean time to detect". */
  label: string;
  /** The plan's value there when the scenario was saved; null where nothing was there. */
  value: number | number[] | null;
}

/** The outcome of one target under the scenario (or the plan). */
export interface TargetSummary {
  kind: string;
  targetId: string;
  kpiId: string;
  title: string;
  target: number;
  probability: number;
  p80: number;
}

export interface ScenarioSummary {
  trials: number;
  seed: number;
  targets: TargetSummary[];
}

export interface Conflict {
  /** The item in words, as the refusal names it. */
  item: string;
  message: string;
}

const titleOf = (basis: WhatIfBasis, id: string) =>
  basis.model.initiatives.find((i) => i.id === id)?.title ?? id;
const kpiTitleOf = (basis: WhatIfBasis, id: string) => basis.model.kpis.find((k) => k.id === id)?.title ?? id;

/** What each change of `scenario` replaces in `basis`, in the scenario's order. */
export function replacedValues(basis: WhatIfBasis, scenario: Scenario): ReplacedValue[] {
  const initiative = (id: string) => basis.model.initiatives.find((i) => i.id === id);
  const out: ReplacedValue[] = [];
  for (const change of scenario.impacts) {
    if (scenario.addedInitiatives.some((a) => a.id === change.initiativeId)) continue;
    const impact = initiative(change.initiativeId)?.impacts.find((i) => i.kpi === change.kpiId);
    out.push({
      key: `impact:${change.initiativeId}:${change.kpiId}`,
      label: `the impact of ${titleOf(basis, change.initiativeId)} on ${kpiTitleOf(basis, change.kpiId)}`,
      value: impact ? [impact.low, impact.likely, impact.high] : null,
    });
  }
  for (const id of Object.keys(scenario.delivery)) {
    if (scenario.addedInitiatives.some((a) => a.id === id)) continue;
    out.push({
      key: `delivery:${id}`,
      label: `the chance that ${titleOf(basis, id)} is delivered`,
      value: initiative(id)?.deliveryProbability ?? null,
    });
  }
  for (const key of Object.keys(scenario.effort)) {
    const [id = '', skill = ''] = key.split('|');
    if (scenario.addedInitiatives.some((a) => a.id === id)) continue;
    const effort = basis.capacity.initiatives
      .find((i) => i.id === id)
      ?.effort.filter((e) => e.skill === skill);
    out.push({
      key: `effort:${effortKey(id, skill)}`,
      label: `the ${skill} effort of ${titleOf(basis, id)}`,
      value: effort && effort.length > 0 ? effort.map((e) => e.personDaysPerMonth) : null,
    });
  }
  for (const id of scenario.droppedInitiatives)
    out.push({
      key: `initiative:${id}`,
      label: `the initiative ${titleOf(basis, id)}`,
      value: initiative(id) ? 1 : null,
    });
  for (const id of scenario.droppedPeople) {
    const person = basis.capacity.people.find((p) => p.id === id);
    out.push({
      key: `person:${id}`,
      label: person?.name ?? id,
      value: person ? person.monthlyCapacity : null,
    });
  }
  return out;
}

const same = (a: ReplacedValue['value'], b: ReplacedValue['value']) =>
  JSON.stringify(a) === JSON.stringify(b);

const shown = (value: ReplacedValue['value']) =>
  value === null ? 'nothing' : Array.isArray(value) ? value.join(' / ') : String(value);

/**
 * Where the plan now differs from what the scenario replaced when it was saved: applying it there
 * would overwrite someone's later change (or write to an item that is gone). Each names the item.
 */
export function scenarioConflicts(
  saved: readonly ReplacedValue[],
  now: WhatIfBasis,
  scenario: Scenario,
): Conflict[] {
  const current = new Map(replacedValues(now, scenario).map((r) => [r.key, r]));
  const conflicts: Conflict[] = [];
  const initiatives = new Set(now.model.initiatives.map((i) => i.id));
  const kpis = new Set(now.model.kpis.map((k) => k.id));
  /** The initiative a replaced value belongs to (impact, delivery, effort, a dropped initiative). */
  const initiativeOf = (key: string) => /^(?:impact|delivery|initiative):([^:]+)|^effort:([^|]+)\|/.exec(key);
  for (const before of saved) {
    const after = current.get(before.key);
    const match = initiativeOf(before.key);
    const initiativeId = match?.[1] ?? match?.[2];
    if (initiativeId !== undefined && !initiatives.has(initiativeId)) {
      conflicts.push({
        item: before.label,
        message: `${before.label}: the initiative is no longer in the plan`,
      });
      continue;
    }
    const kpiId = /^impact:[^:]+:(.+)$/.exec(before.key)?.[1];
    if (kpiId !== undefined && !kpis.has(kpiId)) {
      conflicts.push({ item: before.label, message: `${before.label}: the KPI is no longer in the plan` });
      continue;
    }
    if (!after || same(before.value, after.value)) continue;
    conflicts.push({
      item: before.label,
      message:
        after.value === null
          ? `${before.label} is no longer in the plan`
          : `${before.label} changed since the scenario was saved (was ${shown(before.value)}, now ${shown(after.value)})`,
    });
  }
  return conflicts;
}

/** A pressure test's result in short: each target's probability and 80 % value. */
export function summarise(result: PressureTestResult, seed: number): ScenarioSummary {
  return {
    trials: result.trials,
    seed,
    targets: result.targets.map((t) => ({
      kind: t.kind,
      targetId: t.targetId,
      kpiId: t.kpiId,
      title: t.title,
      target: t.target,
      probability: t.probability,
      p80: t.reachable.p80,
    })),
  };
}

export interface SkillDifference {
  skill: string;
  planShortfall: number;
  scenarioShortfall: number;
}

export interface PersonDifference {
  personId: string;
  name: string;
  /** Months above capacity; null where the person is not in that side's plan. */
  planOverMonths: number[] | null;
  scenarioOverMonths: number[] | null;
}

/** The skills and people whose capacity picture differs between the plan and the scenario. */
export function capacityDifferences(
  plan: CapacityReport,
  scenario: CapacityReport,
): { skills: SkillDifference[]; people: PersonDifference[] } {
  const skillNames = [...new Set([...plan.skills, ...scenario.skills].map((s) => s.skill))].sort();
  const shortfall = (report: CapacityReport, skill: string) =>
    report.skills.find((s) => s.skill === skill)?.shortfall ?? 0;
  const skills = skillNames
    .map((skill) => ({
      skill,
      planShortfall: shortfall(plan, skill),
      scenarioShortfall: shortfall(scenario, skill),
    }))
    .filter((s) => s.planShortfall !== s.scenarioShortfall);
  const people = [
    ...plan.people,
    ...scenario.people.filter((p) => !plan.people.some((q) => q.personId === p.personId)),
  ]
    .map((person) => ({
      personId: person.personId,
      name: person.name,
      planOverMonths: plan.people.find((p) => p.personId === person.personId)?.overMonths ?? null,
      scenarioOverMonths: scenario.people.find((p) => p.personId === person.personId)?.overMonths ?? null,
    }))
    .filter((p) => JSON.stringify(p.planOverMonths) !== JSON.stringify(p.scenarioOverMonths));
  return { skills, people };
}

/**
 * The references of a scenario that name nothing in `basis` (an initiative, KPI or person of
 * another matrix, or none), by path in the scenario: a scenario is saved only without them.
 */
export function scenarioProblems(
  basis: WhatIfBasis,
  scenario: Scenario,
): { path: string; message: string }[] {
  const added = new Set(scenario.addedInitiatives.map((a) => a.id));
  const initiatives = new Set(basis.model.initiatives.map((i) => i.id));
  const kpis = new Set(basis.model.kpis.map((k) => k.id));
  const people = new Set(basis.capacity.people.map((p) => p.id));
  const anyInitiative = (id: string) => initiatives.has(id) || added.has(id);
  const problems: { path: string; message: string }[] = [];
  const unknown = (path: string, what: string, id: string) =>
    problems.push({ path, message: `${id} is not ${what} of this matrix` });
  scenario.impacts.forEach((c, i) => {
    if (!anyInitiative(c.initiativeId))
      unknown(`changes.impacts[${i}].initiativeId`, 'an initiative', c.initiativeId);
    if (!kpis.has(c.kpiId)) unknown(`changes.impacts[${i}].kpiId`, 'a KPI', c.kpiId);
  });
  for (const id of Object.keys(scenario.delivery))
    if (!anyInitiative(id)) unknown(`changes.delivery.${id}`, 'an initiative', id);
  for (const key of Object.keys(scenario.effort)) {
    const [id = '', skill = ''] = key.split('|');
    if (!anyInitiative(id)) unknown(`changes.effort.${key}`, 'an initiative', id);
    else if (skill === '')
      problems.push({ path: `changes.effort.${key}`, message: 'name it initiativeId|skill' });
  }
  scenario.droppedInitiatives.forEach((id, i) => {
    if (!initiatives.has(id)) unknown(`changes.droppedInitiatives[${i}]`, 'an initiative', id);
  });
  scenario.droppedPeople.forEach((id, i) => {
    if (!people.has(id)) unknown(`changes.droppedPeople[${i}]`, 'a person', id);
  });
  scenario.addedInitiatives.forEach((a, i) => {
    if (initiatives.has(a.id))
      problems.push({
        path: `changes.addedInitiatives[${i}].id`,
        message: `${a.id} is already an initiative`,
      });
    a.impacts.forEach((impact, j) => {
      if (!kpis.has(impact.kpi))
        unknown(`changes.addedInitiatives[${i}].impacts[${j}].kpi`, 'a KPI', impact.kpi);
    });
  });
  return problems;
}
