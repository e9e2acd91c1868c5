import { checkTargetConsistency, type KeyResultKind, type KpiDirection } from './key-result';
import { checkEffort, checkImpact, type Impact, type SkillEffort } from './feasibility';
import { checkItem } from './matrix-item';
import { CORNER_GRIDS } from './correlation';
import type { Issue } from './errors';
import type { MatrixPart } from './x-matrix-parts';
import { findParentCycles } from './unit-tree';

/**
 * The shape of a parsed plan document as far as its integrity rules need it. It mirrors the
 * contract in src/contracts/plan-document.ts (core does not import contracts).
 */
export interface PlanShape {
  units: { id: string; parentId: string | null; ownerId: string | null }[];
  people: { id: string; unitId: string | null }[];
  cycles: { id: string; startDate?: string | undefined; endDate?: string | undefined }[];
  objectives: {
    id: string;
    unitId: string;
    cycleId: string;
    alignedObjectiveId: string | null;
    alignedKeyResultId: string | null;
    keyResults: {
      id: string;
      kind: KeyResultKind;
      baseline: number | null;
      target: number | null;
      targetHigh: number | null;
      ownerId: string | null;
      milestones: string[];
      /** Weight of each measuring KPI by item id; each must be a KPI translated from this key result. */
      measureWeights?: Record<string, number>;
    }[];
  }[];
  matrices: {
    id: string;
    unitId: string;
    year: number;
    what: { id: string; sourceObjectiveId: string | null; sourceItemId?: string | null }[];
    howFar: { id: string; sourceKeyResultId: string | null; sourceItemId?: string | null }[];
    how: {
      id: string;
      startDate: string | null;
      endDate: string | null;
      impacts?: Impact[];
      effort?: SkillEffort[];
    }[];
    howMuch: {
      id: string;
      direction: KpiDirection;
      baseline: number | null;
      target: number | null;
      targetHigh: number | null;
      monthlyPlan: (number | null)[] | null;
      ownerId: string | null;
      sourceKeyResultId: string | null;
    }[];
    who: { id: string; personId: string | null; teamUnitId: string | null }[];
    correlations: { from: string; to: string; strength: string }[];
    owners: { initiative: string; who: string; role: 'primary' | 'secondary' }[];
  }[];
}

const PART_LISTS = [
  ['what', 'what'],
  ['howFar', 'how_far'],
  ['how', 'how'],
  ['howMuch', 'how_much'],
  ['who', 'who'],
] as const;

/**
 * Every rule a plan document must keep beyond its field types, each broken rule reported with
 * its path in the document: ids unique, every reference resolving, no cycle in the unit tree,
 * correlations only between neighbouring parts, exactly one primary owner per initiative,
 * targets consistent with their kind, one matrix per unit and year.
 */
export function checkPlanIntegrity(plan: PlanShape): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const indexIds = (list: readonly { id: string }[], path: string, seen: Map<string, string>) => {
    list.forEach((entry, index) => {
      const here = `${path}[${index}].id`;
      const first = seen.get(entry.id);
      if (first) add(here, `duplicate id ${entry.id} (first used at ${first})`);
      else seen.set(entry.id, here);
    });
  };

  const unitIds = new Map<string, string>();
  const personIds = new Map<string, string>();
  const cycleIds = new Map<string, string>();
  const objectiveIds = new Map<string, string>();
  const keyResultIds = new Map<string, string>();
  const matrixIds = new Map<string, string>();
  const itemIds = new Map<string, string>();
  indexIds(plan.units, 'units', unitIds);
  indexIds(plan.people, 'people', personIds);
  indexIds(plan.cycles, 'cycles', cycleIds);
  indexIds(plan.objectives, 'objectives', objectiveIds);
  plan.objectives.forEach((objective, o) =>
    indexIds(objective.keyResults, `objectives[${o}].keyResults`, keyResultIds),
  );
  indexIds(plan.matrices, 'matrices', matrixIds);

  const ref = (ids: Map<string, string>, kind: string, id: string | null, path: string) => {
    if (id !== null && !ids.has(id)) add(path, `no ${kind} with id ${id} in this plan`);
  };

  plan.units.forEach((unit, i) => {
    ref(unitIds, 'unit', unit.parentId, `units[${i}].parentId`);
    ref(personIds, 'person', unit.ownerId, `units[${i}].ownerId`);
  });
  const unitIndex = new Map(plan.units.map((unit, i) => [unit.id, i]));
  for (const cycle of findParentCycles(
    plan.units.filter((unit) => unit.parentId === null || unitIds.has(unit.parentId)),
  )) {
    add(
      `units[${unitIndex.get(cycle[0] ?? '') ?? 0}].parentId`,
      `parent links form a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
    );
  }
  plan.people.forEach((person, i) => ref(unitIds, 'unit', person.unitId, `people[${i}].unitId`));
  plan.cycles.forEach((cycle, i) => {
    if (cycle.startDate && cycle.endDate && cycle.startDate > cycle.endDate)
      add(`cycles[${i}].endDate`, `ends (${cycle.endDate}) before it starts (${cycle.startDate})`);
  });

  plan.objectives.forEach((objective, o) => {
    const at = `objectives[${o}]`;
    ref(unitIds, 'unit', objective.unitId, `${at}.unitId`);
    ref(cycleIds, 'cycle', objective.cycleId, `${at}.cycleId`);
    ref(objectiveIds, 'objective', objective.alignedObjectiveId, `${at}.alignedObjectiveId`);
    ref(keyResultIds, 'key result', objective.alignedKeyResultId, `${at}.alignedKeyResultId`);
    if (objective.alignedObjectiveId === objective.id)
      add(`${at}.alignedObjectiveId`, 'an objective cannot align to itself');
    objective.keyResults.forEach((kr, k) => {
      ref(personIds, 'person', kr.ownerId, `${at}.keyResults[${k}].ownerId`);
      for (const issue of checkTargetConsistency(kr))
        add(`${at}.keyResults[${k}].${issue.path}`, issue.message);
    });
  });

  const matrixOfUnitYear = new Map<string, string>();
  plan.matrices.forEach((matrix, m) => {
    const at = `matrices[${m}]`;
    ref(unitIds, 'unit', matrix.unitId, `${at}.unitId`);
    const key = `${matrix.unitId}/${matrix.year}`;
    const first = matrixOfUnitYear.get(key);
    if (first) add(`${at}.year`, `unit ${matrix.unitId} already has a matrix for ${matrix.year} (${first})`);
    else matrixOfUnitYear.set(key, at);

    const partOf = new Map<string, MatrixPart>();
    for (const [list, part] of PART_LISTS) {
      const items: readonly { id: string }[] = matrix[list];
      indexIds(items, `${at}.${list}`, itemIds);
      for (const item of items) partOf.set(item.id, part);
    }
    matrix.what.forEach((item, i) =>
      ref(objectiveIds, 'objective', item.sourceObjectiveId, `${at}.what[${i}].sourceObjectiveId`),
    );
    matrix.howFar.forEach((item, i) =>
      ref(keyResultIds, 'key result', item.sourceKeyResultId, `${at}.howFar[${i}].sourceKeyResultId`),
    );
    matrix.how.forEach((item, i) => {
      for (const issue of checkItem('how', { ...emptyFields, ...item }))
        add(`${at}.how[${i}].${issue.path}`, issue.message);
      const kpisSeen = new Set<string>();
      (item.impacts ?? []).forEach((impact, j) => {
        const here = `${at}.how[${i}].impacts[${j}]`;
        if (partOf.get(impact.kpi) !== 'how_much')
          add(`${here}.kpi`, `no KPI (howMuch item) ${impact.kpi} in this matrix`);
        if (kpisSeen.has(impact.kpi)) add(`${here}.kpi`, `the impact on ${impact.kpi} is already stated`);
        kpisSeen.add(impact.kpi);
        for (const issue of checkImpact(impact)) add(`${here}.${issue.path}`, issue.message);
      });
      (item.effort ?? []).forEach((effort, j) => {
        for (const issue of checkEffort(effort))
          add(`${at}.how[${i}].effort[${j}].${issue.path}`, issue.message);
      });
    });
    matrix.howMuch.forEach((item, i) => {
      ref(keyResultIds, 'key result', item.sourceKeyResultId, `${at}.howMuch[${i}].sourceKeyResultId`);
      ref(personIds, 'person', item.ownerId, `${at}.howMuch[${i}].ownerId`);
      for (const issue of checkItem('how_much', { ...emptyFields, ...item }))
        add(`${at}.howMuch[${i}].${issue.path}`, issue.message);
    });
    matrix.who.forEach((item, i) => {
      ref(personIds, 'person', item.personId, `${at}.who[${i}].personId`);
      ref(unitIds, 'unit', item.teamUnitId, `${at}.who[${i}].teamUnitId`);
      for (const issue of checkItem('who', { ...emptyFields, ...item }))
        add(`${at}.who[${i}].${issue.path}`, issue.message);
    });

    const cells = new Map<string, number>();
    matrix.correlations.forEach((correlation, c) => {
      const here = `${at}.correlations[${c}]`;
      const fromPart = partOf.get(correlation.from);
      const toPart = partOf.get(correlation.to);
      if (!fromPart) add(`${here}.from`, `no item ${correlation.from} in this matrix`);
      if (!toPart) add(`${here}.to`, `no item ${correlation.to} in this matrix`);
      if (!fromPart || !toPart) return;
      const isAdjacent = CORNER_GRIDS.some(
        (grid) =>
          (grid.parts[0] === fromPart && grid.parts[1] === toPart) ||
          (grid.parts[0] === toPart && grid.parts[1] === fromPart),
      );
      if (!isAdjacent)
        add(
          here,
          `${fromPart} × ${toPart} are not neighbouring parts; correlations join What × How Far, How Far × How, How × How Much and How Much × What`,
        );
      const cell = [correlation.from, correlation.to].sort().join('|');
      const firstCell = cells.get(cell);
      if (firstCell !== undefined)
        add(here, `the same cell is already set at ${at}.correlations[${firstCell}]`);
      else cells.set(cell, c);
    });

    const primaries = new Map<string, number>();
    const ownerCells = new Set<string>();
    matrix.owners.forEach((owner, o) => {
      const here = `${at}.owners[${o}]`;
      if (partOf.get(owner.initiative) !== 'how')
        add(`${here}.initiative`, `no initiative (how item) ${owner.initiative} in this matrix`);
      if (partOf.get(owner.who) !== 'who') add(`${here}.who`, `no Who item ${owner.who} in this matrix`);
      const cell = `${owner.initiative}|${owner.who}`;
      if (ownerCells.has(cell)) add(here, `${owner.who} is listed twice as owner of ${owner.initiative}`);
      ownerCells.add(cell);
      if (owner.role === 'primary') {
        const first = primaries.get(owner.initiative);
        if (first !== undefined)
          add(
            `${here}.role`,
            `initiative ${owner.initiative} already has a primary owner at ${at}.owners[${first}]`,
          );
        else primaries.set(owner.initiative, o);
      }
    });
  });

  // Cascade links may point into any matrix of the plan, listed before or after this one.
  const initiativeIds = new Map(
    plan.matrices.flatMap((matrix) => matrix.how.map((item) => [item.id, item.id] as const)),
  );
  plan.matrices.forEach((matrix, m) => {
    for (const list of ['what', 'howFar'] as const)
      matrix[list].forEach((item, i) =>
        ref(
          initiativeIds,
          'initiative',
          item.sourceItemId ?? null,
          `matrices[${m}].${list}[${i}].sourceItemId`,
        ),
      );
  });

  // A key result is measured by the KPIs translated from it, in whichever matrix they sit.
  const measuredBy = new Map(
    plan.matrices.flatMap((matrix) =>
      matrix.howMuch.map((item) => [item.id, item.sourceKeyResultId] as const),
    ),
  );
  plan.objectives.forEach((objective, o) =>
    objective.keyResults.forEach((kr, k) => {
      for (const kpiId of Object.keys(kr.measureWeights ?? {}))
        if (measuredBy.get(kpiId) !== kr.id)
          add(
            `objectives[${o}].keyResults[${k}].measureWeights.${kpiId}`,
            measuredBy.has(kpiId)
              ? `KPI ${kpiId} does not measure this key result (it was not translated from ${kr.id})`
              : `no KPI (howMuch item) ${kpiId} in this plan`,
          );
    }),
  );
  return issues;
}

const emptyFields = {
  startDate: null,
  endDate: null,
  direction: null,
  baseline: null,
  target: null,
  targetHigh: null,
  monthlyPlan: null,
  personId: null,
  teamUnitId: null,
};
