import { describe, expect, it } from 'vitest';
import {
  capacityInputOf,
  feasibilityModelOf,
  initiativesMoving,
  initiativesMovingEachKpi,
  type FeasibilityMatrix,
  type FeasibilityPlan,
} from './feasibility-model';

const plan = {
  units: [
    { id: 'parent', parentId: null, ownerId: 'pat' },
    { id: 'child', parentId: 'parent', ownerId: 'chris' },
    { id: 'team', parentId: 'parent', ownerId: null },
  ],
  people: [
    { id: 'chris', name: 'Chris', unitId: 'child', skills: ['a'], monthlyCapacity: 10 },
    { id: 'tia', name: 'Tia', unitId: 'team', skills: ['b'], monthlyCapacity: 8 },
    { id: 'pat', name: 'Pat', unitId: 'parent', skills: ['a'], monthlyCapacity: 5 },
  ],
  objectives: [
    {
      id: 'po',
      unitId: 'parent',
      keyResults: [
        {
          id: 'pkr',
          title: 'MTTD 24 → 4',
          kind: 'decrease' as const,
          baseline: 24,
          target: 4,
          targetHigh: null,
        },
      ],
    },
  ],
  matrices: [
    {
      id: 'm',
      unitId: 'child',
      what: [],
      howFar: [{ id: 'af', title: 'Detect in 4 h', sourceKeyResultId: 'pkr' }],
      how: [
        {
          id: 'i',
          title: 'Data lake',
          deliveryProbability: 0.8,
          impacts: [
            {
              kpi: 'k',
              low: 4,
              likely: 6,
              high: 8,
              basis: 'absolute' as const,
              startMonth: 3,
              rampMonths: 2,
            },
            {
              kpi: 'elsewhere',
              low: 1,
              likely: 1,
              high: 1,
              basis: 'absolute' as const,
              startMonth: 1,
              rampMonths: 0,
            },
          ],
          effort: [{ skill: 'b', personDaysPerMonth: 2, fromMonth: 1, toMonth: 3 }],
        },
        { id: 'j', title: 'Marked only' },
      ],
      howMuch: [
        {
          id: 'k',
          title: 'MTTD',
          unitOfMeasure: 'h',
          direction: 'decrease' as const,
          baseline: 24,
          target: 8,
          targetHigh: null,
          monthlyPlan: null,
          ownerId: 'chris',
          sourceKeyResultId: 'pkr',
        },
      ],
      who: [
        { id: 'w1', personId: 'chris', teamUnitId: null },
        { id: 'w2', personId: null, teamUnitId: 'team' },
      ],
      correlations: [{ from: 'j', to: 'k' }],
      owners: [{ initiative: 'i', who: 'w2', role: 'primary' as const }],
    },
  ],
} satisfies FeasibilityPlan;

describe('feasibilityModelOf', () => {
  const matrix = plan.matrices[0]!;
  const model = feasibilityModelOf(plan, matrix);

  it('tests the KPI target, the key result it measures and the annual objective traced to it', () => {
    expect(model.targets.map((t) => [t.kind, t.id, t.target, t.unitId])).toEqual([
      ['kpi', 'k', 8, 'child'],
      ['key_result', 'pkr', 4, 'parent'],
      ['annual_objective', 'af', 4, 'child'],
    ]);
  });

  it('keeps impacts on KPIs of the matrix and defaults delivery to certain', () => {
    expect(model.initiatives[0]!.impacts.map((i) => i.kpi)).toEqual(['k']);
    expect(model.initiatives[1]!.deliveryProbability).toBe(1);
  });

  it('draws people from the Who block, teams included, and names initiative owners', () => {
    const capacity = capacityInputOf(plan, matrix, model);
    expect(capacity.people.map((p) => p.id)).toEqual(['chris', 'tia']);
    expect(capacity.initiatives[0]!.ownerIds).toEqual(['tia']);
    expect(capacity.targets[0]!.initiativeIds).toEqual(['i', 'j']);
  });
});

describe('initiativesMovingEachKpi', () => {
  it('finds, in How order, the initiatives with an impact on a KPI or a mark beside it, either way round', () => {
    const matrix = {
      how: [{ id: 'i1', impacts: [{ kpi: 'k1' }] }, { id: 'i2', impacts: [] }, { id: 'i3' }],
      correlations: [
        { from: 'k1', to: 'i3' },
        { from: 'i2', to: 'k2' },
        { from: 'a1', to: 'k1' },
      ],
    } as unknown as FeasibilityMatrix;
    const moving = initiativesMovingEachKpi(matrix);
    expect(moving.get('k1')).toEqual(['i1', 'i3']);
    expect(moving.get('k2')).toEqual(['i2']);
    expect(initiativesMoving(matrix, 'k3')).toEqual([]);
  });
});
