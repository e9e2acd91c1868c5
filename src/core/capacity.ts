import { MONTHS, type SkillEffort } from './feasibility';

/**
 * Capacity: demand per skill and month from the initiatives' effort against the supply of the
 * people who hold the skill. Months are 1-12 in inputs and index 0-11 in the twelve-value arrays.
 */

export interface CapacityPerson {
  id: string;
  name: string;
  skills: readonly string[];
  /** Person-days available per month. */
  monthlyCapacity: number;
}

export interface CapacityInitiative {
  id: string;
  title: string;
  effort: readonly SkillEffort[];
  /** People who own the initiative (primary or secondary, directly or through their team): served first. */
  ownerIds: readonly string[];
}

/** A target and the initiatives that move it, for a verdict on whether its work fits. */
export interface CapacityTarget {
  id: string;
  initiativeIds: readonly string[];
}

export interface CapacityInput {
  people: readonly CapacityPerson[];
  initiatives: readonly CapacityInitiative[];
  targets: readonly CapacityTarget[];
  /** A skill is "tight" when demand passes this share of supply (default 0.8). */
  tightShare?: number;
  /** How an initiative's demand for a skill is spread over people (default owners_first). */
  allocation?: CapacityAllocation;
}

/**
 * owners_first: the initiative's owners who hold the skill do its work, every holder only when no
 * owner does; pooled: every holder of the skill shares it, owners or not, as a skill pool would.
 * Either way a share is in proportion to monthly capacity. Skill demand and supply do not depend
 * on the choice, only each person's load (and so who is over capacity).
 */
export const CAPACITY_ALLOCATIONS = ['owners_first', 'pooled'] as const;
export type CapacityAllocation = (typeof CAPACITY_ALLOCATIONS)[number];

export const CAPACITY_VERDICTS = ['fits', 'tight', 'exceeds'] as const;
export type CapacityVerdict = (typeof CAPACITY_VERDICTS)[number];

export interface SkillLoad {
  skill: string;
  holderIds: string[];
  demand: number[];
  supply: number[];
  /** Person-days of demand no holder can serve, over the year. */
  shortfall: number;
  /** Months (1-12) where demand exceeds supply. */
  shortMonths: number[];
}

export interface PersonLoad {
  personId: string;
  name: string;
  capacity: number;
  load: number[];
  /** Months (1-12) where the person is planned above capacity. */
  overMonths: number[];
}

export interface CapacityGap {
  skill: string;
  personDays: number;
  months: number[];
  reason: 'nobody_holds' | 'demand_exceeds_supply';
}

export interface TargetVerdict {
  targetId: string;
  verdict: CapacityVerdict;
  initiativeIds: string[];
  reasons: string[];
}

export interface CapacityReport {
  skills: SkillLoad[];
  people: PersonLoad[];
  missingSkills: string[];
  /** Months (1-12) in which some skill's demand exceeds its supply. */
  shortMonths: number[];
  gaps: CapacityGap[];
  verdicts: TargetVerdict[];
}

const zeros = () => Array<number>(MONTHS).fill(0);
const round = (value: number) => Math.round(value * 100) / 100;
const monthsWhere = (test: (m: number) => boolean) =>
  Array.from({ length: MONTHS }, (_, m) => m).flatMap((m) => (test(m) ? [m + 1] : []));

/**
 * Computes skill demand and supply per month, each person's planned load and the gaps. A skill's
 * demand on an initiative goes to its holders as `input.allocation` says (see
 * {@link CAPACITY_ALLOCATIONS}), split in proportion to their monthly capacity; demand nobody
 * holds is a gap.
 */
export function computeCapacity(input: CapacityInput): CapacityReport {
  const tightShare = input.tightShare ?? 0.8;
  const pooled = input.allocation === 'pooled';
  const skillNames = [...new Set(input.initiatives.flatMap((i) => i.effort.map((e) => e.skill)))].sort();
  const holders = new Map(
    skillNames.map((skill) => [skill, input.people.filter((person) => person.skills.includes(skill))]),
  );
  const demand = new Map(skillNames.map((skill) => [skill, zeros()]));
  const load = new Map(input.people.map((person) => [person.id, zeros()]));
  const initiativeSkills = new Map<string, Map<string, number[]>>();

  for (const initiative of input.initiatives) {
    const bySkill = new Map<string, number[]>();
    initiativeSkills.set(initiative.id, bySkill);
    for (const effort of initiative.effort) {
      const all = holders.get(effort.skill) ?? [];
      const owners = all.filter((person) => initiative.ownerIds.includes(person.id));
      const servers = pooled || owners.length === 0 ? all : owners;
      const pool = servers.reduce((sum, person) => sum + person.monthlyCapacity, 0);
      const months = bySkill.get(effort.skill) ?? zeros();
      bySkill.set(effort.skill, months);
      for (let m = effort.fromMonth - 1; m < effort.toMonth && m < MONTHS; m++) {
        const days = effort.personDaysPerMonth;
        months[m] = (months[m] ?? 0) + days;
        const skillDemand = demand.get(effort.skill);
        if (skillDemand) skillDemand[m] = (skillDemand[m] ?? 0) + days;
        for (const person of servers) {
          const share = pool > 0 ? person.monthlyCapacity / pool : 1 / servers.length;
          const personLoad = load.get(person.id);
          if (personLoad) personLoad[m] = (personLoad[m] ?? 0) + days * share;
        }
      }
    }
  }

  const skills = skillNames.map((skill): SkillLoad => {
    const holding = holders.get(skill) ?? [];
    const supplyPerMonth = holding.reduce((sum, person) => sum + person.monthlyCapacity, 0);
    const skillDemand = (demand.get(skill) ?? zeros()).map(round);
    const supply = Array<number>(MONTHS).fill(round(supplyPerMonth));
    const shortfall = skillDemand.reduce((sum, d, m) => sum + Math.max(0, d - (supply[m] ?? 0)), 0);
    return {
      skill,
      holderIds: holding.map((person) => person.id),
      demand: skillDemand,
      supply,
      shortfall: round(shortfall),
      shortMonths: monthsWhere((m) => (skillDemand[m] ?? 0) > (supply[m] ?? 0)),
    };
  });
  const people = input.people.map((person): PersonLoad => {
    const planned = (load.get(person.id) ?? zeros()).map(round);
    return {
      personId: person.id,
      name: person.name,
      capacity: person.monthlyCapacity,
      load: planned,
      overMonths: monthsWhere((m) => (planned[m] ?? 0) > person.monthlyCapacity + 1e-9),
    };
  });
  const gaps = skills
    .filter((s) => s.shortfall > 0)
    .map((s): CapacityGap => ({
      skill: s.skill,
      personDays: s.shortfall,
      months: s.shortMonths,
      reason: s.holderIds.length === 0 ? 'nobody_holds' : 'demand_exceeds_supply',
    }));
  const skillByName = new Map(skills.map((s) => [s.skill, s]));
  const verdicts = input.targets.map((target): TargetVerdict => {
    const reasons: string[] = [];
    let verdict: CapacityVerdict = 'fits';
    const raise = (to: CapacityVerdict, reason: string) => {
      if (CAPACITY_VERDICTS.indexOf(to) > CAPACITY_VERDICTS.indexOf(verdict)) verdict = to;
      if (!reasons.includes(reason)) reasons.push(reason);
    };
    for (const initiativeId of target.initiativeIds) {
      for (const [skill, months] of initiativeSkills.get(initiativeId) ?? []) {
        const s = skillByName.get(skill);
        if (!s) continue;
        const active = (m: number) => (months[m] ?? 0) > 0;
        if (s.holderIds.length === 0) raise('exceeds', `nobody holds ${skill}`);
        else if (monthsWhere((m) => active(m) && s.shortMonths.includes(m + 1)).length > 0)
          raise('exceeds', `${skill}: demand exceeds supply in months ${s.shortMonths.join(', ')}`);
        else if (monthsWhere((m) => active(m) && (s.demand[m] ?? 0) > tightShare * (s.supply[m] ?? 0)).length)
          raise('tight', `${skill}: demand above ${Math.round(tightShare * 100)} % of supply`);
        for (const personId of s.holderIds) {
          const person = people.find((p) => p.personId === personId);
          if (person && person.overMonths.some((month) => active(month - 1)))
            raise('tight', `${person.name} is planned above capacity`);
        }
      }
    }
    return { targetId: target.id, verdict, initiativeIds: [...target.initiativeIds], reasons };
  });
  return {
    skills,
    people,
    missingSkills: skills.filter((s) => s.holderIds.length === 0).map((s) => s.skill),
    shortMonths: monthsWhere((m) => skills.some((s) => s.shortMonths.includes(m + 1))),
    gaps,
    verdicts,
  };
}
