import { describe, expect, it } from 'vitest';
import { checkPlanIntegrity, type PlanShape } from './plan-integrity';

function plan(): PlanShape {
  return {
    units: [
      { id: 'cio', parentId: null, ownerId: 'ann' },
      { id: 'cso', parentId: 'cio', ownerId: null },
    ],
    people: [{ id: 'ann', unitId: 'cio' }],
    cycles: [{ id: 'fy', startDate: '2026-01-01', endDate: '2026-12-31' }],
    objectives: [
      {
        id: 'o1',
        unitId: 'cio',
        cycleId: 'fy',
        alignedObjectiveId: null,
        alignedKeyResultId: null,
        keyResults: [
          {
            id: 'kr1',
            kind: 'decrease',
            baseline: 24,
            target: 4,
            targetHigh: null,
            ownerId: 'ann',
            milestones: [],
          },
        ],
      },
    ],
    matrices: [
      {
        id: 'm',
        unitId: 'cso',
        year: 2026,
        what: [{ id: 'w1', sourceObjectiveId: 'o1' }],
        howFar: [{ id: 'hf1', sourceKeyResultId: 'kr1' }],
        how: [{ id: 'i1', startDate: null, endDate: null }],
        howMuch: [
          {
            id: 'k1',
            direction: 'decrease',
            baseline: 24,
            target: 8,
            targetHigh: null,
            monthlyPlan: null,
            ownerId: 'ann',
            sourceKeyResultId: 'kr1',
          },
        ],
        who: [{ id: 'p1', personId: 'ann', teamUnitId: null }],
        correlations: [
          { from: 'w1', to: 'hf1', strength: 'strong' },
          { from: 'hf1', to: 'i1', strength: 'medium' },
          { from: 'i1', to: 'k1', strength: 'weak' },
          { from: 'k1', to: 'w1', strength: 'strong' },
        ],
        owners: [{ initiative: 'i1', who: 'p1', role: 'primary' }],
      },
    ],
  };
}

describe('plan integrity', () => {
  it('accepts a consistent plan', () => {
    expect(checkPlanIntegrity(plan())).toEqual([]);
  });

  it('accepts measure weights of the KPIs translated from a key result, and names any other', () => {
    const p = plan();
    const kr = p.objectives[0]!.keyResults[0]!;
    kr.measureWeights = { k1: 2 };
    expect(checkPlanIntegrity(p)).toEqual([]);
    p.matrices[0]!.howMuch[0]!.sourceKeyResultId = null;
    kr.measureWeights = { k1: 2, k9: 1 };
    expect(checkPlanIntegrity(p)).toEqual([
      {
        path: 'objectives[0].keyResults[0].measureWeights.k1',
        message: 'KPI k1 does not measure this key result (it was not translated from kr1)',
      },
      {
        path: 'objectives[0].keyResults[0].measureWeights.k9',
        message: 'no KPI (howMuch item) k9 in this plan',
      },
    ]);
  });

  it('reports duplicate ids with the first place they were used', () => {
    const p = plan();
    p.units.push({ id: 'cio', parentId: null, ownerId: null });
    expect(checkPlanIntegrity(p)).toEqual([
      { path: 'units[2].id', message: 'duplicate id cio (first used at units[0].id)' },
    ]);
  });

  it('reports a cycle in parent links once', () => {
    const p = plan();
    p.units[0] = { id: 'cio', parentId: 'cso', ownerId: null };
    const issues = checkPlanIntegrity(p);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/parent links form a cycle: (cio → cso → cio|cso → cio → cso)/);
  });

  it('reports a correlation between parts that are not neighbours, and a cell set twice', () => {
    const p = plan();
    const matrix = p.matrices[0]!;
    matrix.correlations.push(
      { from: 'w1', to: 'i1', strength: 'weak' },
      { from: 'hf1', to: 'w1', strength: 'weak' },
    );
    expect(checkPlanIntegrity(p).map((issue) => issue.path)).toEqual([
      'matrices[0].correlations[4]',
      'matrices[0].correlations[5]',
    ]);
  });

  it('reports a second primary owner and an owner outside the Who part', () => {
    const p = plan();
    const matrix = p.matrices[0]!;
    matrix.who.push({ id: 'p2', personId: 'ann', teamUnitId: null });
    matrix.owners.push(
      { initiative: 'i1', who: 'p2', role: 'primary' },
      { initiative: 'i1', who: 'k1', role: 'secondary' },
    );
    expect(checkPlanIntegrity(p)).toEqual([
      {
        path: 'matrices[0].owners[1].role',
        message: 'initiative i1 already has a primary owner at matrices[0].owners[0]',
      },
      { path: 'matrices[0].owners[2].who', message: 'no Who item k1 in this matrix' },
    ]);
  });

  it('reports references to nothing and targets that contradict their kind', () => {
    const p = plan();
    p.objectives[0]!.keyResults[0]!.target = 30;
    p.matrices[0]!.howFar[0]!.sourceKeyResultId = 'kr9';
    expect(checkPlanIntegrity(p)).toEqual([
      {
        path: 'objectives[0].keyResults[0].target',
        message: 'a decrease key result needs a target below its baseline (24), got 30',
      },
      { path: 'matrices[0].howFar[0].sourceKeyResultId', message: 'no key result with id kr9 in this plan' },
    ]);
  });
});
