import { describe, expect, it } from 'vitest';
import {
  howFarTitle,
  kpiFromKeyResult,
  prefillCorrelations,
  proposeTranslation,
  type ParentObjective,
} from './translate';
import { checkProposal } from './translate-check';

const kr = (id: string, fields: Partial<ParentObjective['keyResults'][number]> = {}) => ({
  id,
  title: `KR ${id}`,
  kind: 'increase' as const,
  unitOfMeasure: '%',
  baseline: 10,
  target: 50,
  targetHigh: null,
  milestones: [],
  ownerId: null,
  ...fields,
});
const parent: ParentObjective[] = [
  {
    id: 'o1',
    title: 'Objective one',
    description: '',
    keyResults: [kr('k1'), kr('k2', { kind: 'decrease', baseline: 24, target: 4, unitOfMeasure: 'h' })],
  },
  {
    id: 'o2',
    title: 'Objective two',
    description: 'why',
    keyResults: [kr('k3', { kind: 'binary', baseline: null, target: null })],
  },
];
const scope = { fromUnitId: 'p', toUnitId: 'c', cycleId: 'fy', year: 2026, horizonYears: 3 };

describe('proposeTranslation', () => {
  const proposal = proposeTranslation(scope, parent, ['ann']);

  it('proposes one What per objective and one How Far and KPI per key result, each with its source', () => {
    expect(proposal.what.map((w) => [w.title, w.sourceObjectiveId, w.targetYear])).toEqual([
      ['Objective one', 'o1', 2028],
      ['Objective two', 'o2', 2028],
    ]);
    expect(proposal.howFar.map((h) => h.sourceKeyResultId)).toEqual(['k1', 'k2', 'k3']);
    expect(proposal.howMuch.map((k) => [k.direction, k.baseline, k.target])).toEqual([
      ['increase', 10, 50],
      ['decrease', 24, 4],
      ['increase', 0, 1],
    ]);
    expect(proposal.who).toEqual([{ key: 'who-1', personId: 'ann', teamUnitId: null }]);
    expect(checkProposal(proposal, parent)).toEqual([]);
  });

  it('pre-fills What × How Far and How Much × What where the key result belongs to the objective', () => {
    expect(proposal.correlations).toEqual([
      { from: 'what-1', to: 'how-far-1', strength: 'strong' },
      { from: 'what-1', to: 'how-far-2', strength: 'strong' },
      { from: 'how-much-1', to: 'what-1', strength: 'strong' },
      { from: 'how-much-2', to: 'what-1', strength: 'strong' },
      { from: 'what-2', to: 'how-far-3', strength: 'strong' },
      { from: 'how-much-3', to: 'what-2', strength: 'strong' },
    ]);
  });

  it('re-fills after a merge, keeps the client’s marks and drops marks to removed keys', () => {
    const merged = {
      ...proposal,
      what: [{ ...proposal.what[0]!, mergedObjectiveIds: ['o2'] }],
      correlations: [
        { from: 'what-1', to: 'how-far-3', strength: 'weak' as const },
        { from: 'what-2', to: 'how-far-3', strength: 'strong' as const },
      ],
    };
    const marks = prefillCorrelations(merged, parent);
    expect(marks).toContainEqual({ from: 'what-1', to: 'how-far-3', strength: 'weak' });
    expect(marks.filter((m) => m.from === 'what-2' || m.to === 'what-2')).toEqual([]);
    expect(marks).toHaveLength(6);
  });
});

describe('translation details', () => {
  it('carries the target into the annual objective’s title when the title lacks it', () => {
    expect(howFarTitle(kr('k', { title: 'Grow adoption' }))).toBe('Grow adoption (target 50 %)');
    expect(howFarTitle(kr('k', { title: 'Grow adoption to 50 %' }))).toBe('Grow adoption to 50 %');
    expect(howFarTitle(kr('k', { title: 'Stay in band', kind: 'band', target: 2, targetHigh: 5 }))).toBe(
      'Stay in band (target 2-5 %)',
    );
  });

  it('gives a band KPI both bounds', () => {
    expect(
      kpiFromKeyResult(kr('k', { kind: 'band', baseline: 9, target: 2, targetHigh: 5 }), 'x'),
    ).toMatchObject({
      direction: 'band',
      target: 2,
      targetHigh: 5,
    });
  });
});

describe('checkProposal', () => {
  it('names every problem by path', () => {
    const proposal = proposeTranslation(scope, parent, []);
    proposal.what[0]!.sourceObjectiveId = 'elsewhere';
    proposal.howMuch[0]!.target = 5;
    proposal.how.push({ key: 'what-2', title: 'dup', description: '', startDate: null, endDate: null });
    proposal.correlations.push({ from: 'what-1', to: 'how-much-9', strength: 'weak' });
    proposal.owners.push({ initiative: 'what-1', who: 'nobody', role: 'primary' });
    expect(checkProposal(proposal, parent).map((issue) => issue.path)).toEqual([
      'key',
      'what[0].sourceObjectiveId',
      'howMuch[0].target',
      'correlations[6].to',
      'owners[0].initiative',
      'owners[0].who',
    ]);
  });

  it('refuses an empty proposal', () => {
    const empty = { ...proposeTranslation(scope, [], []) };
    expect(checkProposal(empty, parent)[0]).toMatchObject({ path: 'what' });
  });
});
