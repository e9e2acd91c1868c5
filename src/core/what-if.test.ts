import { describe, expect, it } from 'vitest';
import { computeCapacity } from './capacity';
import { runPressureTest } from './pressure-test';
import { mulberry32 } from './random';
import { applyScenario, describeScenario, EMPTY_SCENARIO, type WhatIfBasis } from './what-if';

const basis: WhatIfBasis = {
  matrixId: 'm',
  model: {
    kpis: [
      {
        id: 'k',
        title: 'K',
        unitOfMeasure: '',
        direction: 'increase',
        baseline: 0,
        target: 10,
        targetHigh: null,
      },
    ],
    initiatives: [
      {
        id: 'a',
        title: 'A',
        deliveryProbability: 0.8,
        impacts: [{ kpi: 'k', low: 4, likely: 8, high: 12, basis: 'absolute', startMonth: 1, rampMonths: 0 }],
      },
      {
        id: 'b',
        title: 'B',
        deliveryProbability: 1,
        impacts: [{ kpi: 'k', low: 1, likely: 2, high: 3, basis: 'absolute', startMonth: 1, rampMonths: 0 }],
      },
    ],
    targets: [
      {
        id: 'k',
        kind: 'kpi',
        title: 'K',
        kpiId: 'k',
        unitId: 'u',
        keyResultId: null,
        direction: 'increase',
        target: 10,
        targetHigh: null,
      },
    ],
  },
  capacity: {
    people: [{ id: 'p', name: 'P', skills: ['x'], monthlyCapacity: 10 }],
    initiatives: [
      {
        id: 'a',
        title: 'A',
        ownerIds: ['p'],
        effort: [{ skill: 'x', personDaysPerMonth: 12, fromMonth: 1, toMonth: 1 }],
      },
    ],
    targets: [{ id: 'k', initiativeIds: ['a', 'b'] }],
  },
  movedBy: { k: ['a', 'b'] },
};

const probability = (model: WhatIfBasis['model']) =>
  runPressureTest(model, mulberry32(1), { trials: 2000 }).targets[0]!.probability;

describe('applyScenario', () => {
  it('leaves the saved plan as it is without changes', () => {
    expect(applyScenario(basis, EMPTY_SCENARIO).model).toEqual(basis.model);
  });

  it('changes an impact range and a delivery probability', () => {
    const saved = probability(basis.model);
    const wider = applyScenario(basis, {
      ...EMPTY_SCENARIO,
      impacts: [{ initiativeId: 'a', kpiId: 'k', low: 10, likely: 12, high: 14 }],
      delivery: { a: 1 },
    });
    expect(probability(wider.model)).toBe(1);
    expect(saved).toBeLessThan(1);
  });

  it('drops an initiative as never delivered and from the capacity question, and a person', () => {
    const { model, capacity } = applyScenario(basis, {
      ...EMPTY_SCENARIO,
      droppedInitiatives: ['a'],
      effort: { 'a|x': 5 },
    });
    expect(model.initiatives.find((i) => i.id === 'a')?.deliveryProbability).toBe(0);
    expect(capacity.initiatives).toHaveLength(0);
    const lessEffort = applyScenario(basis, { ...EMPTY_SCENARIO, effort: { 'a|x': 5 } });
    expect(computeCapacity(lessEffort.capacity).people[0]?.overMonths).toEqual([]);
    const nobody = applyScenario(basis, { ...EMPTY_SCENARIO, droppedPeople: ['p'] });
    expect(computeCapacity(nobody.capacity).missingSkills).toEqual(['x']);
  });
});

describe('describeScenario', () => {
  it('names each change', () => {
    expect(
      describeScenario(basis, {
        ...EMPTY_SCENARIO,
        droppedInitiatives: ['b'],
        delivery: { a: 0.9 },
        impacts: [{ initiativeId: 'a', kpiId: 'k', low: 1, likely: 2, high: 3 }],
      }),
    ).toEqual(['without B', 'A delivered with 90 % chance', 'A moving K by 1 to 3 (likely 2)']);
  });
});
