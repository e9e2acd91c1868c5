import type { Issue } from './errors';
import { checkItem, defaultMonthlyPlan } from './matrix-item';
import {
  allKeys,
  areNeighbours,
  keysByPart,
  type ParentObjective,
  type TranslationProposal,
} from './translate';

/**
 * Lists every problem of an edited proposal before anything is written: an empty proposal, keys
 * used twice, a source that is not one of the parent's objectives or key results for the cycle,
 * grid marks between unknown keys or parts that are not neighbours, owners that are not an
 * initiative and a Who, more than one primary owner per initiative, and KPIs whose target
 * contradicts their direction. Paths name the field (`howFar[2].sourceKeyResultId`).
 */
export function checkProposal(proposal: TranslationProposal, parent: readonly ParentObjective[]): Issue[] {
  const issues: Issue[] = [];
  const itemCount =
    proposal.what.length + proposal.howFar.length + proposal.how.length + proposal.howMuch.length;
  if (itemCount === 0)
    issues.push({
      path: 'what',
      message: 'the proposal is empty: give at least one What, How Far, How or How Much item',
    });

  const seen = new Set<string>();
  for (const key of allKeys(proposal)) {
    if (seen.has(key)) issues.push({ path: 'key', message: `key ${key} is used by more than one item` });
    seen.add(key);
  }

  const objectiveIds = new Set(parent.map((objective) => objective.id));
  const keyResultIds = new Set(parent.flatMap((objective) => objective.keyResults.map((kr) => kr.id)));
  const notParents = (kind: string) =>
    `is not one of ${proposal.fromUnitId}'s ${kind} for cycle ${proposal.cycleId}`;
  proposal.what.forEach((what, i) => {
    if (what.sourceObjectiveId !== null && !objectiveIds.has(what.sourceObjectiveId))
      issues.push({
        path: `what[${i}].sourceObjectiveId`,
        message: `${what.sourceObjectiveId} ${notParents('objectives')}`,
      });
    what.mergedObjectiveIds.forEach((id, j) => {
      if (!objectiveIds.has(id))
        issues.push({
          path: `what[${i}].mergedObjectiveIds[${j}]`,
          message: `${id} ${notParents('objectives')}`,
        });
    });
  });
  const checkKr = (path: string, id: string | null) => {
    if (id !== null && !keyResultIds.has(id))
      issues.push({ path, message: `${id} ${notParents('key results')}` });
  };
  proposal.howFar.forEach((item, i) => checkKr(`howFar[${i}].sourceKeyResultId`, item.sourceKeyResultId));
  proposal.howMuch.forEach((kpi, i) => {
    checkKr(`howMuch[${i}].sourceKeyResultId`, kpi.sourceKeyResultId);
    const problems = checkItem('how_much', {
      startDate: null,
      endDate: null,
      direction: kpi.direction,
      baseline: kpi.baseline,
      target: kpi.target,
      targetHigh: kpi.targetHigh,
      monthlyPlan: defaultMonthlyPlan(kpi.baseline, kpi.target),
      personId: null,
      teamUnitId: null,
    });
    for (const problem of problems) issues.push({ ...problem, path: `howMuch[${i}].${problem.path}` });
  });
  proposal.who.forEach((who, i) => {
    if ((who.personId === null) === (who.teamUnitId === null))
      issues.push({
        path: `who[${i}].personId`,
        message: 'a Who item names exactly one of personId or teamUnitId',
      });
  });

  const partOf = new Map<string, string>();
  for (const [part, keys] of keysByPart(proposal)) for (const key of keys) partOf.set(key, part);
  proposal.correlations.forEach((mark, i) => {
    const from = partOf.get(mark.from);
    const to = partOf.get(mark.to);
    if (!from) issues.push({ path: `correlations[${i}].from`, message: `no item with key ${mark.from}` });
    if (!to) issues.push({ path: `correlations[${i}].to`, message: `no item with key ${mark.to}` });
    if (from && to && !areNeighbours(from, to))
      issues.push({ path: `correlations[${i}]`, message: `${from} × ${to} are not neighbouring parts` });
  });
  const primaries = new Map<string, number>();
  proposal.owners.forEach((owner, i) => {
    if (partOf.get(owner.initiative) !== 'how')
      issues.push({
        path: `owners[${i}].initiative`,
        message: `no initiative (How) with key ${owner.initiative}`,
      });
    if (partOf.get(owner.who) !== 'who')
      issues.push({ path: `owners[${i}].who`, message: `no Who item with key ${owner.who}` });
    if (owner.role === 'primary') {
      const count = (primaries.get(owner.initiative) ?? 0) + 1;
      primaries.set(owner.initiative, count);
      if (count === 2)
        issues.push({
          path: `owners[${i}].role`,
          message: `initiative ${owner.initiative} has more than one primary owner`,
        });
    }
  });
  return issues;
}
