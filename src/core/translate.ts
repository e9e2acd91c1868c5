import { CORNER_GRIDS, type CorrelationStrength } from './correlation';
import { impliedTarget, type KeyResultKind, type KpiDirection } from './key-result';
import type { OwnershipRole } from './ownership';

/**
 * Translation: a parent unit's OKRs for a cycle become a proposal for a child unit's X-matrix.
 * The proposal is plain data the client edits (rename, merge, split, add, remove) before it is
 * applied; every item refers to the others by a local `key`, and records the parent objective or
 * key result it came from, so the link survives into the matrix.
 */

export interface ParentKeyResult {
  id: string;
  title: string;
  kind: KeyResultKind;
  unitOfMeasure: string;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  milestones: readonly string[];
  ownerId: string | null;
}

export interface ParentObjective {
  id: string;
  title: string;
  description: string;
  keyResults: readonly ParentKeyResult[];
}

export interface ProposedWhat {
  key: string;
  title: string;
  description: string;
  /** The parent objective this breakthrough carries (the link that is stored). */
  sourceObjectiveId: string | null;
  /** Further parent objectives merged into this one; they count for the pre-filled grids. */
  mergedObjectiveIds: string[];
  targetYear: number | null;
}

export interface ProposedHowFar {
  key: string;
  title: string;
  sourceKeyResultId: string | null;
}

export interface ProposedHow {
  key: string;
  title: string;
  description: string;
  startDate: string | null;
  endDate: string | null;
}

export interface ProposedHowMuch {
  key: string;
  title: string;
  unitOfMeasure: string;
  direction: KpiDirection;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  ownerId: string | null;
  sourceKeyResultId: string | null;
}

export interface ProposedWho {
  key: string;
  personId: string | null;
  teamUnitId: string | null;
}

/** A corner-grid mark between two proposed items, by key, in either order. */
export interface ProposedCorrelation {
  from: string;
  to: string;
  strength: CorrelationStrength;
}

export interface ProposedOwner {
  initiative: string;
  who: string;
  role: OwnershipRole;
}

export interface TranslationProposal {
  fromUnitId: string;
  toUnitId: string;
  cycleId: string;
  year: number;
  what: ProposedWhat[];
  howFar: ProposedHowFar[];
  how: ProposedHow[];
  howMuch: ProposedHowMuch[];
  who: ProposedWho[];
  correlations: ProposedCorrelation[];
  owners: ProposedOwner[];
}

export interface ProposalScope {
  fromUnitId: string;
  toUnitId: string;
  cycleId: string;
  year: number;
  /** How many years a breakthrough looks ahead (the organisation's horizon). */
  horizonYears: number;
}

/** The KPI direction that measures a key result of the given kind. */
export function directionOfKind(kind: KeyResultKind): KpiDirection {
  switch (kind) {
    case 'increase':
    case 'decrease':
    case 'band':
      return kind;
    case 'binary':
    case 'milestone':
      return 'increase';
  }
}

const formatNumber = (value: number, unit: string): string =>
  unit === '%' ? `${value} %` : unit ? `${value} ${unit}` : String(value);

/**
 * The annual objective's title: the key result's, with its target appended when the title does
 * not already state it, so the number travels with the text.
 */
export function howFarTitle(kr: ParentKeyResult): string {
  const { target } = impliedTarget(kr);
  if (target === null || kr.kind === 'binary' || kr.kind === 'milestone') return kr.title;
  const shown =
    kr.kind === 'band' && kr.targetHigh !== null
      ? `${kr.target ?? ''}-${formatNumber(kr.targetHigh, kr.unitOfMeasure)}`
      : formatNumber(target, kr.unitOfMeasure);
  return kr.title.includes(String(target)) ? kr.title : `${kr.title} (target ${shown})`;
}

/** One KPI per key-result target: its unit, direction, baseline and target. */
export function kpiFromKeyResult(kr: ParentKeyResult, key: string): ProposedHowMuch {
  const { baseline, target } = impliedTarget(kr);
  return {
    key,
    title: kr.title,
    unitOfMeasure: kr.unitOfMeasure,
    direction: directionOfKind(kr.kind),
    baseline,
    target,
    targetHigh: kr.kind === 'band' ? kr.targetHigh : null,
    ownerId: kr.ownerId,
    sourceKeyResultId: kr.id,
  };
}

/**
 * Proposes the child's X-matrix: one What per parent objective (title carried), one How Far and
 * one How Much per key result, the people of the child unit as Who, and the grids pre-filled
 * from the links the proposal knows. How (initiatives) is left for the child to propose.
 */
export function proposeTranslation(
  scope: ProposalScope,
  objectives: readonly ParentObjective[],
  childPeopleIds: readonly string[],
): TranslationProposal {
  const what: ProposedWhat[] = objectives.map((objective, index) => ({
    key: `what-${index + 1}`,
    title: objective.title,
    description: objective.description,
    sourceObjectiveId: objective.id,
    mergedObjectiveIds: [],
    targetYear: scope.year + scope.horizonYears - 1,
  }));
  const keyResults = objectives.flatMap((objective) => objective.keyResults);
  const howFar = keyResults.map((kr, index) => ({
    key: `how-far-${index + 1}`,
    title: howFarTitle(kr),
    sourceKeyResultId: kr.id,
  }));
  const howMuch = keyResults.map((kr, index) => kpiFromKeyResult(kr, `how-much-${index + 1}`));
  const who = childPeopleIds.map((personId, index) => ({
    key: `who-${index + 1}`,
    personId,
    teamUnitId: null,
  }));
  const proposal: TranslationProposal = {
    fromUnitId: scope.fromUnitId,
    toUnitId: scope.toUnitId,
    cycleId: scope.cycleId,
    year: scope.year,
    what,
    howFar,
    how: [],
    howMuch,
    who,
    correlations: [],
    owners: [],
  };
  return { ...proposal, correlations: prefillCorrelations(proposal, objectives) };
}

/**
 * The grid marks the source links imply, added to the marks already in the proposal (which win):
 * What × How Far is strong where the How Far's key result belongs to one of the What's objectives;
 * How Much × What likewise for the KPI's key result. Marks naming keys that no longer exist are
 * dropped, so the proposal can be re-filled after the client merged or split items.
 */
export function prefillCorrelations(
  proposal: TranslationProposal,
  objectives: readonly ParentObjective[],
): ProposedCorrelation[] {
  const keys = new Set(allKeys(proposal));
  const kept = proposal.correlations.filter((mark) => keys.has(mark.from) && keys.has(mark.to));
  const marked = new Set(kept.flatMap((mark) => [`${mark.from}|${mark.to}`, `${mark.to}|${mark.from}`]));
  const objectiveOfKr = new Map(
    objectives.flatMap((objective) => objective.keyResults.map((kr) => [kr.id, objective.id] as const)),
  );
  const suggested: ProposedCorrelation[] = [];
  for (const what of proposal.what) {
    const objectiveIds = new Set([what.sourceObjectiveId, ...what.mergedObjectiveIds]);
    const supports = (krId: string | null) =>
      krId !== null && objectiveIds.has(objectiveOfKr.get(krId) ?? null);
    for (const howFar of proposal.howFar)
      if (supports(howFar.sourceKeyResultId) && !marked.has(`${what.key}|${howFar.key}`))
        suggested.push({ from: what.key, to: howFar.key, strength: 'strong' });
    for (const kpi of proposal.howMuch)
      if (supports(kpi.sourceKeyResultId) && !marked.has(`${kpi.key}|${what.key}`))
        suggested.push({ from: kpi.key, to: what.key, strength: 'strong' });
  }
  return [...kept, ...suggested];
}

/** Every key of the proposal, in part order (duplicates included, for checking). */
export function allKeys(proposal: TranslationProposal): string[] {
  return [...keysByPart(proposal).values()].flat();
}

/** The keys of each part, under the part names of the X-matrix. */
export function keysByPart(
  proposal: TranslationProposal,
): Map<'what' | 'how_far' | 'how' | 'how_much' | 'who', string[]> {
  return new Map([
    ['what', proposal.what.map((item) => item.key)],
    ['how_far', proposal.howFar.map((item) => item.key)],
    ['how', proposal.how.map((item) => item.key)],
    ['how_much', proposal.howMuch.map((item) => item.key)],
    ['who', proposal.who.map((item) => item.key)],
  ]);
}

/** True when the two parts share a corner grid. */
export function areNeighbours(a: string, b: string): boolean {
  return CORNER_GRIDS.some(
    (grid) => (grid.parts[0] === a && grid.parts[1] === b) || (grid.parts[0] === b && grid.parts[1] === a),
  );
}
