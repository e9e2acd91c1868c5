import type { PlanDocument, PlanMatrix } from '../src/contracts';
import { mulberry32 } from '../src/core/random';

export interface OrgShape {
  units: number;
  objectivesPerUnit: number;
  keyResultsPerObjective: number;
  /** Units that get an X-matrix, and how many items each of its parts holds. */
  matrixUnits: number;
  itemsPerPart: number;
  peoplePerUnit: number;
}

/** The big organisation: 2,000 units, 20,000 objectives, 60,000 key results, 10,000 initiatives. */
export const BIG_ORG: OrgShape = {
  units: 2000,
  objectivesPerUnit: 10,
  keyResultsPerObjective: 3,
  matrixUnits: 2000,
  itemsPerPart: 5,
  peoplePerUnit: 2,
};

const SKILLS = [
  'threat detection',
  'cloud security',
  'data engineering',
  'ML engineering',
  'incident response',
  'SOAR automation',
];

/**
 * A whole organisation as a plan document: a unit tree with fan-out 10, OKRs per unit aligned to
 * the parent unit's key results, and an X-matrix per unit with correlations and owners.
 */
export function generateOrganisation(shape: OrgShape, seed = 42, id = 'bench'): PlanDocument {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const units: PlanDocument['units'] = [];
  for (let u = 0; u < shape.units; u++) {
    units.push({
      id: `${id}-u${u}`,
      name: `Unit ${u}`,
      parentId: u === 0 ? null : `${id}-u${Math.floor((u - 1) / 10)}`,
      ownerId: `${id}-p${u}-0`,
    });
  }
  const people: PlanDocument['people'] = units.flatMap((unit, u) =>
    Array.from({ length: shape.peoplePerUnit }, (_, p) => ({
      id: `${id}-p${u}-${p}`,
      name: `Person ${u}.${p}`,
      email: null,
      unitId: unit.id,
      skills: [pick(SKILLS), pick(SKILLS)],
      monthlyCapacity: 10 + Math.floor(random() * 8),
    })),
  );
  const objectives: PlanDocument['objectives'] = [];
  units.forEach((unit, u) => {
    for (let o = 0; o < shape.objectivesPerUnit; o++) {
      const parent = unit.parentId === null ? null : `${unit.parentId}-o${o}-kr0`;
      objectives.push({
        id: `${unit.id}-o${o}`,
        unitId: unit.id,
        cycleId: `${id}-fy`,
        title: `Objective ${o} of unit ${u}`,
        description: '',
        kind: o % 3 === 0 ? 'aspirational' : 'committed',
        alignedObjectiveId: null,
        alignedKeyResultId: parent,
        keyResults: Array.from({ length: shape.keyResultsPerObjective }, (_, k) => {
          const baseline = Math.round(random() * 50);
          return {
            id: `${unit.id}-o${o}-kr${k}`,
            title: `Raise metric ${k} of objective ${o} from ${baseline} to ${baseline + 20}`,
            kind: 'increase' as const,
            unitOfMeasure: '%',
            baseline,
            target: baseline + 20,
            targetHigh: null,
            current: baseline + Math.round(random() * 20),
            weight: 1,
            ownerId: `${unit.id.replace(/-u(\d+)$/, '-p$1')}-0`,
            confidence: Math.round(random() * 100) / 100,
            dueDate: null,
            milestones: [],
            measureRule: 'average' as const,
            measureWeights: {},
          };
        }),
      });
    }
  });
  const matrices = units
    .slice(0, shape.matrixUnits)
    .map((unit, u) => generateMatrix(`${unit.id}-m`, unit.id, shape.itemsPerPart, random, `${id}-p${u}`));
  return {
    catchball: 1,
    organisation: { id, name: `Benchmark organisation (${shape.units} units)`, horizonYears: 3 },
    units,
    people,
    cycles: [{ id: `${id}-fy`, name: 'FY2026', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31' }],
    objectives,
    matrices,
  };
}

/** The four item parts of matrix `id` with `n` items each: KPI i moved by initiative i. */
export function generateParts(
  id: string,
  n: number,
): Pick<PlanMatrix, 'what' | 'howFar' | 'how' | 'howMuch'> {
  const item = (part: string, i: number) => ({
    id: `${id}-${part}${i}`,
    title: `${part.toUpperCase()} item ${i + 1}: improve the flow of work`,
    description: '',
  });
  const what = Array.from({ length: n }, (_, i) => ({
    ...item('w', i),
    sourceObjectiveId: null,
    targetYear: 2028,
    sourceItemId: null,
  }));
  const howFar = Array.from({ length: n }, (_, i) => ({
    ...item('f', i),
    sourceKeyResultId: null,
    sourceItemId: null,
  }));
  const how = Array.from({ length: n }, (_, i) => ({
    ...item('h', i),
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    effortPersonDays: 20,
    requiredSkills: [],
    status: 'planned' as const,
    deliveryProbability: 0.8,
    impacts: [
      {
        kpi: `${id}-k${i}`,
        low: 2,
        likely: 5,
        high: 9,
        basis: 'absolute' as const,
        startMonth: 3,
        rampMonths: 3,
      },
    ],
    effort: [
      {
        skill: SKILLS[i % SKILLS.length] ?? 'threat detection',
        personDaysPerMonth: 2,
        fromMonth: 1,
        toMonth: 12,
      },
    ],
  }));
  const howMuch = Array.from({ length: n }, (_, i) => ({
    ...item('k', i),
    unitOfMeasure: '%',
    direction: 'increase' as const,
    baseline: 10,
    target: 40,
    targetHigh: null,
    monthlyPlan: Array.from({ length: 12 }, (_, m) => 10 + ((m + 1) * 30) / 12),
    ownerId: null,
    sourceKeyResultId: null,
  }));
  return { what, howFar, how, howMuch };
}

/** One X-matrix with `n` items in every part, about a third of each grid's cells marked. */
export function generateMatrix(
  id: string,
  unitId: string,
  n: number,
  random: () => number,
  personPrefix: string,
): PlanMatrix {
  const { what, howFar, how, howMuch } = generateParts(id, n);
  const whoCount = Math.max(2, Math.ceil(n / 3));
  const who = Array.from({ length: whoCount }, (_, i) => ({
    id: `${id}-p${i}`,
    personId: i === 0 ? `${personPrefix}-0` : `${personPrefix}-${Math.min(i, 1)}`,
    teamUnitId: null,
  }));
  const strengths = ['strong', 'medium', 'weak'] as const;
  const correlations: PlanMatrix['correlations'] = [];
  const pairs: [{ id: string }[], { id: string }[]][] = [
    [what, howFar],
    [howFar, how],
    [how, howMuch],
    [howMuch, what],
  ];
  for (const [rows, cols] of pairs)
    for (const row of rows)
      for (const col of cols)
        if (random() < 0.33)
          correlations.push({
            from: row.id,
            to: col.id,
            strength: strengths[Math.floor(random() * 3)] ?? 'weak',
          });
  const owners = how.map((initiative, i) => ({
    initiative: initiative.id,
    who: who[i % whoCount]?.id ?? '',
    role: 'primary' as const,
  }));
  // Who items must name distinct people for readability only; duplicates are allowed by the model.
  return {
    id,
    unitId,
    year: 2026,
    trueNorth: 'Benchmark true north',
    what,
    howFar,
    how,
    howMuch,
    who,
    correlations,
    owners,
  };
}

/** A small organisation with one unit per requested matrix size, for browser timings. */
export function generateMatrixSizes(sizes: readonly number[]): PlanDocument {
  const random = mulberry32(7);
  return {
    catchball: 1,
    organisation: { id: 'sizes', name: 'Matrix sizes', horizonYears: 3 },
    units: sizes.map((n) => ({
      id: `size-${n}`,
      name: `${n} items per part`,
      parentId: null,
      ownerId: null,
    })),
    people: sizes.flatMap((n) =>
      [0, 1].map((p) => ({
        id: `size-${n}-p-${p}`,
        name: `Owner ${p}`,
        email: null,
        unitId: `size-${n}`,
        skills: [],
        monthlyCapacity: 18,
      })),
    ),
    cycles: [],
    objectives: [],
    matrices: sizes.map((n) => generateMatrix(`size-${n}-m`, `size-${n}`, n, random, `size-${n}-p`)),
  };
}

/**
 * One unit's X-matrix of `initiatives` initiatives and `kpis` KPIs (and as many objectives as
 * KPIs), each initiative moving three KPIs: the what-if benchmark's generated plan.
 */
export function generateWhatIfPlan(initiatives: number, kpis: number): PlanDocument {
  const random = mulberry32(11);
  const id = 'whatif';
  const n = Math.max(initiatives, kpis);
  const full = generateMatrix(`${id}-m`, `${id}-u`, n, random, `${id}-p`);
  const howMuch = full.howMuch.slice(0, kpis);
  const what = full.what.slice(0, kpis);
  const howFar = full.howFar.slice(0, kpis);
  const how = full.how.slice(0, initiatives).map((initiative, i) => ({
    ...initiative,
    impacts: [0, 7, 13].map((offset, j) => ({
      kpi: `${id}-m-k${(i + offset) % kpis}`,
      low: 1 + j,
      likely: 3 + j,
      high: 6 + j,
      basis: 'absolute' as const,
      startMonth: 2 + (i % 4),
      rampMonths: 3,
    })),
  }));
  const ids = new Set([...what, ...howFar, ...how, ...howMuch].map((item) => item.id));
  return {
    catchball: 1,
    organisation: { id: `${id}-bench`, name: 'What-if benchmark', horizonYears: 3 },
    units: [
      { id: `${id}-u`, name: `${initiatives} initiatives × ${kpis} KPIs`, parentId: null, ownerId: null },
    ],
    people: [0, 1].map((p) => ({
      id: `${id}-p-${p}`,
      name: `Owner ${p}`,
      email: null,
      unitId: `${id}-u`,
      skills: SKILLS.slice(p * 3, p * 3 + 3),
      monthlyCapacity: 18,
    })),
    cycles: [],
    objectives: [],
    matrices: [
      {
        ...full,
        what,
        howFar,
        how,
        howMuch,
        correlations: full.correlations.filter((c) => ids.has(c.from) && ids.has(c.to)),
        owners: full.owners.filter((o) => ids.has(o.initiative)),
      },
    ],
  };
}
