import type { PlanDocument, PlanMatrix } from '../src/contracts';
import { generateParts } from './generate-org';

/** Items per generated X-matrix: 24 in each of the four arms and 4 owners (Who). */
const PER_ARM = 24;
const WHO = 4;
export const ITEMS_PER_MATRIX = 4 * PER_ARM + WHO;

/**
 * A plan document holding `items` X-matrix items (rounded up to whole matrices of 100): one unit
 * per matrix under a root unit, two people and one objective with three key results per unit, and
 * in every matrix a chain of correlations (each item marked against its neighbour in the next
 * arm), one primary owner, one impact and one effort per initiative. Sized to be the issue's
 * "100,000-item plan" at its full size and a normal-suite test at 20,000. Deterministic.
 */
export function generateBigPlan(items: number, id = 'big'): PlanDocument {
  const matrixCount = Math.ceil(items / ITEMS_PER_MATRIX);
  const units: PlanDocument['units'] = [
    { id: `${id}-root`, name: 'Headquarters', parentId: null, ownerId: null },
  ];
  const people: PlanDocument['people'] = [];
  const objectives: PlanDocument['objectives'] = [];
  const matrices: PlanMatrix[] = [];
  for (let u = 0; u < matrixCount; u++) {
    const unitId = `${id}-u${u}`;
    units.push({ id: unitId, name: `Team ${u + 1}`, parentId: `${id}-root`, ownerId: `${unitId}-p0` });
    for (let p = 0; p < 2; p++)
      people.push({
        id: `${unitId}-p${p}`,
        name: `Person ${u + 1}.${p + 1}`,
        email: null,
        unitId,
        skills: ['analysis'],
        monthlyCapacity: 18,
      });
    objectives.push({
      id: `${unitId}-o0`,
      unitId,
      cycleId: `${id}-fy`,
      title: `Objective of team ${u + 1}`,
      description: '',
      kind: 'committed',
      alignedObjectiveId: null,
      alignedKeyResultId: null,
      keyResults: [0, 1, 2].map((k) => ({
        id: `${unitId}-o0-kr${k}`,
        title: `Raise metric ${k + 1} from 10 to 30`,
        kind: 'increase' as const,
        unitOfMeasure: '%',
        baseline: 10,
        target: 30,
        targetHigh: null,
        current: 10,
        weight: 1,
        ownerId: `${unitId}-p${k % 2}`,
        confidence: null,
        dueDate: null,
        milestones: [],
        measureRule: 'average' as const,
        measureWeights: {},
      })),
    });
    matrices.push(bigMatrix(`${unitId}-m`, unitId));
  }
  return {
    catchball: 1,
    organisation: { id, name: `Big plan (${String(matrixCount * ITEMS_PER_MATRIX)} items)`, horizonYears: 3 },
    units,
    people,
    cycles: [{ id: `${id}-fy`, name: 'FY2026', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' }],
    objectives,
    matrices,
  };
}

function bigMatrix(id: string, unitId: string): PlanMatrix {
  const { what, howFar, how, howMuch } = generateParts(id, PER_ARM);
  const who = Array.from({ length: WHO }, (_, i) => ({
    id: `${id}-p${i}`,
    personId: `${unitId}-p${i % 2}`,
    teamUnitId: null,
  }));
  const chain = (from: { id: string }[], to: { id: string }[]) =>
    from.map((item, i) => ({ from: item.id, to: to[i]?.id ?? '', strength: 'strong' as const }));
  return {
    id,
    unitId,
    year: 2026,
    trueNorth: '',
    what,
    howFar,
    how,
    howMuch,
    who,
    correlations: [
      ...chain(what, howFar),
      ...chain(howFar, how),
      ...chain(how, howMuch),
      ...chain(howMuch, what),
    ],
    owners: how.map((initiative, i) => ({
      initiative: initiative.id,
      who: who[i % WHO]?.id ?? '',
      role: 'primary' as const,
    })),
  };
}
