import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { applyRollover, proposeRollover, type RolloverSourceItem } from './rollover';

const base: Omit<RolloverSourceItem, 'id' | 'part' | 'title'> = {
  direction: null,
  baseline: null,
  target: null,
  targetHigh: null,
  status: null,
  final: null,
  progress: null,
};
const items: RolloverSourceItem[] = [
  { ...base, id: 'bo', part: 'what', title: 'AI in daily operations' },
  { ...base, id: 'ao-open', part: 'how_far', title: 'Detect faster', progress: 0.64 },
  { ...base, id: 'ao-met', part: 'how_far', title: 'Automate triage', progress: 1 },
  {
    ...base,
    id: 'mttd',
    part: 'how_much',
    title: 'MTTD',
    direction: 'decrease',
    baseline: 24,
    target: 6,
    final: 12,
  },
  {
    ...base,
    id: 'auto',
    part: 'how_much',
    title: 'Automated',
    direction: 'increase',
    baseline: 20,
    target: 60,
    final: 65,
  },
  { ...base, id: 'ini-open', part: 'how', title: 'SOAR rollout', status: 'in_progress' },
  { ...base, id: 'ini-done', part: 'how', title: 'Log pipeline', status: 'done' },
  { ...base, id: 'who', part: 'who', title: 'Hannah Fischer' },
];

describe('proposeRollover', () => {
  const proposal = proposeRollover(items);
  const of = (id: string) => proposal.find((item) => item.itemId === id);

  it('carries breakthroughs and owners', () => {
    expect(of('bo')).toMatchObject({ proposed: 'carry', choices: ['carry', 'drop'] });
    expect(of('who')).toMatchObject({ proposed: 'carry' });
  });

  it('carries an unmet KPI with the gap that remains, starting next year at its final value', () => {
    expect(of('mttd')).toMatchObject({
      proposed: 'carry',
      met: false,
      score: 0.7,
      gap: 6,
      nextBaseline: 12,
      nextTarget: 6,
    });
  });

  it('offers a met KPI to drop or raise, raising by the same step again', () => {
    expect(of('auto')).toMatchObject({
      proposed: 'drop',
      met: true,
      score: 1,
      gap: 0,
      choices: ['drop', 'raise', 'carry'],
      nextBaseline: 65,
      nextTarget: 100,
    });
  });

  it('scores annual objectives and carries the unmet ones with what remains', () => {
    expect(of('ao-open')).toMatchObject({ proposed: 'carry', score: 0.6, gap: 0.4 });
    expect(of('ao-met')).toMatchObject({ proposed: 'drop', met: true });
  });

  it('carries unfinished initiatives and closes finished ones, each a choice', () => {
    expect(of('ini-open')).toMatchObject({ proposed: 'carry', choices: ['carry', 'close'] });
    expect(of('ini-done')).toMatchObject({ proposed: 'close' });
  });
});

describe('applyRollover', () => {
  const proposal = proposeRollover(items);

  it('takes the proposal where nothing is decided, and the decisions where they are', () => {
    const carried = applyRollover(proposal, [
      { itemId: 'auto', choice: 'raise', target: 80 },
      { itemId: 'ini-open', choice: 'close' },
    ]);
    expect(carried.map((item) => item.fromId)).toEqual(['bo', 'ao-open', 'mttd', 'auto', 'who']);
    expect(carried.find((item) => item.fromId === 'auto')).toMatchObject({ baseline: 65, target: 80 });
    expect(carried.find((item) => item.fromId === 'mttd')).toMatchObject({ baseline: 12, target: 6 });
  });

  it('names every bad decision by its index and the item', () => {
    try {
      applyRollover(proposal, [
        { itemId: 'bo', choice: 'raise', target: 3 },
        { itemId: 'nope', choice: 'carry' },
        { itemId: 'auto', choice: 'raise' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toEqual({
        issues: [
          {
            path: 'body.decisions[0].choice',
            message: '“AI in daily operations” cannot be raised: choose carry, drop',
          },
          { path: 'body.decisions[1].itemId', message: 'nope is not an item of this matrix' },
          { path: 'body.decisions[2].target', message: 'Raising “Automated” needs its new target' },
        ],
      });
    }
  });
});
