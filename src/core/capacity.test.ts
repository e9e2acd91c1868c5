import { describe, expect, it } from 'vitest';
import { computeCapacity, type CapacityInput } from './capacity';

const input: CapacityInput = {
  people: [
    { id: 'ann', name: 'Ann', skills: ['ml', 'python'], monthlyCapacity: 10 },
    { id: 'bob', name: 'Bob', skills: ['python'], monthlyCapacity: 20 },
  ],
  initiatives: [
    {
      id: 'i1',
      title: 'Models',
      ownerIds: [],
      effort: [
        { skill: 'ml', personDaysPerMonth: 12, fromMonth: 3, toMonth: 4 },
        { skill: 'python', personDaysPerMonth: 15, fromMonth: 1, toMonth: 2 },
      ],
    },
    {
      id: 'i2',
      title: 'LLM',
      ownerIds: ['bob'],
      effort: [
        { skill: 'llm', personDaysPerMonth: 5, fromMonth: 6, toMonth: 8 },
        { skill: 'python', personDaysPerMonth: 6, fromMonth: 1, toMonth: 1 },
      ],
    },
    {
      id: 'i3',
      title: 'Light',
      ownerIds: [],
      effort: [{ skill: 'python', personDaysPerMonth: 1, fromMonth: 12, toMonth: 12 }],
    },
  ],
  targets: [
    { id: 't-ml', initiativeIds: ['i1'] },
    { id: 't-llm', initiativeIds: ['i2'] },
    { id: 't-light', initiativeIds: ['i3'] },
  ],
};

describe('computeCapacity', () => {
  const report = computeCapacity(input);
  const skill = (name: string) => report.skills.find((s) => s.skill === name)!;
  const person = (id: string) => report.people.find((p) => p.personId === id)!;

  it('sums demand per skill and month by hand', () => {
    expect(skill('python').demand.slice(0, 3)).toEqual([21, 15, 0]);
    expect(skill('ml').demand.slice(1, 5)).toEqual([0, 12, 12, 0]);
    expect(skill('llm').demand.slice(5, 9)).toEqual([5, 5, 5, 0]);
    expect(skill('python').supply[0]).toBe(30);
  });

  it('splits demand among holders by capacity, owners first', () => {
    // January python: i1 15 days split 1:2 (Ann 5, Bob 10); i2's 6 days go to its owner Bob.
    expect(person('ann').load[0]).toBe(5);
    expect(person('bob').load[0]).toBe(16);
    // March: 12 ml days on Ann alone, above her 10.
    expect(person('ann').load[2]).toBe(12);
    expect(person('ann').overMonths).toEqual([3, 4]);
    expect(person('bob').overMonths).toEqual([]);
  });

  it('pools demand across every holder of the skill when asked, owners or not', () => {
    const pooled = computeCapacity({ ...input, allocation: 'pooled' });
    const load = (id: string) => pooled.people.find((p) => p.personId === id)!.load;
    // January python: i1 15 + i2 6 = 21 days over Ann (10) and Bob (20), 1:2, owner or not.
    expect(load('ann')[0]).toBe(7);
    expect(load('bob')[0]).toBe(14);
    // Demand and supply per skill do not depend on who does the work.
    expect(pooled.skills).toEqual(report.skills);
  });

  it('finds skills nobody has, months short of supply and the gaps in person-days', () => {
    expect(report.missingSkills).toEqual(['llm']);
    expect(skill('ml').shortMonths).toEqual([3, 4]);
    expect(report.shortMonths).toEqual([3, 4, 6, 7, 8]);
    expect(report.gaps).toEqual([
      { skill: 'llm', personDays: 15, months: [6, 7, 8], reason: 'nobody_holds' },
      { skill: 'ml', personDays: 4, months: [3, 4], reason: 'demand_exceeds_supply' },
    ]);
  });

  it('gives a verdict per target: exceeds, and fits', () => {
    const verdict = (id: string) => report.verdicts.find((v) => v.targetId === id)!;
    expect(verdict('t-ml').verdict).toBe('exceeds');
    expect(verdict('t-llm')).toMatchObject({ verdict: 'exceeds', reasons: ['nobody holds llm'] });
    expect(verdict('t-light').verdict).toBe('fits');
  });

  it('calls a skill tight above 80 % of supply', () => {
    const tight = computeCapacity({
      people: [{ id: 'p', name: 'P', skills: ['s'], monthlyCapacity: 10 }],
      initiatives: [
        {
          id: 'i',
          title: 'I',
          ownerIds: [],
          effort: [{ skill: 's', personDaysPerMonth: 9, fromMonth: 1, toMonth: 1 }],
        },
      ],
      targets: [{ id: 't', initiativeIds: ['i'] }],
    });
    expect(tight.verdicts[0]!.verdict).toBe('tight');
  });
});
