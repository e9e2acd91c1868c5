/**
 * Rolling an X-matrix into next year (Hoshin's annual cycle): from the closing year's items and
 * their final scores, what each item proposes for next year, and — once the coach has chosen —
 * the items, grid marks and owners of next year's matrix. Pure: the service reads and writes.
 */
import { validationError, type Issue } from './errors';
import { keyResultProgress } from './progress';
import { score } from './scoring';
import type { MatrixPart } from './x-matrix-parts';

/** What may happen to one item: carried as it is, its target raised (met KPIs), dropped or closed. */
export type RolloverChoice = 'carry' | 'raise' | 'drop' | 'close';

/** One item of the closing matrix, with what the year reached. */
export interface RolloverSourceItem {
  id: string;
  part: MatrixPart;
  title: string;
  direction: 'increase' | 'decrease' | 'band' | null;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  status: string | null;
  /** KPIs: the latest effective value of the year; null without check-ins. */
  final: number | null;
  /** Annual objectives: the final progress (0..1) of what measures them; null when nothing does. */
  progress: number | null;
}

/** One item's proposal: the choices offered, the one proposed, and the numbers behind it. */
export interface RolloverProposalItem {
  itemId: string;
  part: MatrixPart;
  title: string;
  choices: RolloverChoice[];
  proposed: RolloverChoice;
  /** The year's score 0.0-1.0 (KPIs and annual objectives); null when nothing measured it. */
  score: number | null;
  met: boolean | null;
  final: number | null;
  target: number | null;
  /** What remains to the target (target − final, signed by direction: positive = still to go). */
  gap: number | null;
  /** KPIs carried: next year starts at the final value; raised: the suggested new target. */
  nextBaseline: number | null;
  nextTarget: number | null;
}

const FINISHED = new Set(['done', 'cancelled']);

/** A KPI's final progress by its direction, through the one key-result formula. */
export function kpiProgress(item: RolloverSourceItem): number | null {
  if (item.final === null || item.direction === null) return null;
  return keyResultProgress({
    kind: item.direction,
    baseline: item.baseline,
    target: item.target,
    targetHigh: item.targetHigh,
    current: item.final,
  });
}

function kpiProposal(item: RolloverSourceItem): RolloverProposalItem {
  const progress = kpiProgress(item);
  const met = progress === null ? null : progress >= 1;
  const gap =
    item.final === null || item.target === null
      ? null
      : item.direction === 'decrease'
        ? round(item.final - item.target)
        : round(item.target - item.final);
  const step = item.target !== null && item.baseline !== null ? item.target - item.baseline : null;
  return {
    itemId: item.id,
    part: item.part,
    title: item.title,
    choices: met ? ['drop', 'raise', 'carry'] : ['carry', 'drop'],
    proposed: met ? 'drop' : 'carry',
    score: progress === null ? null : score(progress),
    met,
    final: item.final,
    target: item.target,
    gap: met ? 0 : gap,
    nextBaseline: item.final ?? item.baseline,
    // A met target is raised by the same step again; an unmet one keeps its target.
    nextTarget: met && step !== null && item.target !== null ? round(item.target + step) : item.target,
  };
}

/** Every item's proposal, in the matrix's order. */
export function proposeRollover(items: readonly RolloverSourceItem[]): RolloverProposalItem[] {
  return items.map((item) => {
    const plain = {
      itemId: item.id,
      part: item.part,
      title: item.title,
      score: null,
      met: null,
      final: null,
      target: null,
      gap: null,
      nextBaseline: null,
      nextTarget: null,
    };
    switch (item.part) {
      case 'how_much':
        return kpiProposal(item);
      case 'how_far': {
        const reached = item.progress === null ? null : score(item.progress);
        const met = reached === null ? null : reached >= 1;
        return {
          ...plain,
          choices: met ? ['drop', 'carry'] : ['carry', 'drop'],
          proposed: met ? 'drop' : 'carry',
          score: reached,
          met,
          gap: reached === null ? null : round(1 - reached),
        };
      }
      case 'how': {
        const finished = FINISHED.has(item.status ?? '');
        return { ...plain, choices: ['carry', 'close'], proposed: finished ? 'close' : 'carry' };
      }
      case 'what':
      case 'who':
        return { ...plain, choices: ['carry', 'drop'], proposed: 'carry' };
    }
  });
}

/** The coach's choice for one item; `target` only with `raise`. */
export interface RolloverDecision {
  itemId: string;
  choice: RolloverChoice;
  target?: number | null;
}

/** What next year's matrix receives for one carried item. */
export interface CarriedItem {
  fromId: string;
  part: MatrixPart;
  baseline: number | null;
  target: number | null;
  /** Initiatives carried unfinished start over as planned. */
  status: 'planned' | null;
}

/**
 * The items next year's matrix receives: each decision checked against what its item offers (a
 * bad one named by its index and the item's title), items without a decision taking the proposal.
 * @throws DomainError validation_failed listing every bad decision.
 */
export function applyRollover(
  proposal: readonly RolloverProposalItem[],
  decisions: readonly RolloverDecision[],
): CarriedItem[] {
  const byId = new Map(proposal.map((item) => [item.itemId, item]));
  const chosen = new Map<string, RolloverDecision>();
  const issues: Issue[] = [];
  decisions.forEach((decision, index) => {
    const path = `body.decisions[${index}]`;
    const item = byId.get(decision.itemId);
    if (!item) {
      issues.push({ path: `${path}.itemId`, message: `${decision.itemId} is not an item of this matrix` });
      return;
    }
    if (chosen.has(item.itemId)) {
      issues.push({ path: `${path}.itemId`, message: `“${item.title}” is decided twice` });
      return;
    }
    if (!item.choices.includes(decision.choice)) {
      issues.push({
        path: `${path}.choice`,
        message: `“${item.title}” cannot be ${PAST[decision.choice]}: choose ${item.choices.join(', ')}`,
      });
      return;
    }
    if (decision.choice === 'raise' && typeof decision.target !== 'number') {
      issues.push({ path: `${path}.target`, message: `Raising “${item.title}” needs its new target` });
      return;
    }
    chosen.set(item.itemId, decision);
  });
  if (issues.length > 0) throw validationError(issues);
  const carried: CarriedItem[] = [];
  for (const item of proposal) {
    const decision = chosen.get(item.itemId);
    const choice = decision?.choice ?? item.proposed;
    if (choice !== 'carry' && choice !== 'raise') continue;
    const target = choice === 'raise' ? (decision?.target ?? item.nextTarget) : item.target;
    carried.push({
      fromId: item.itemId,
      part: item.part,
      baseline: item.part === 'how_much' ? item.nextBaseline : null,
      target: item.part === 'how_much' ? target : null,
      status: item.part === 'how' ? 'planned' : null,
    });
  }
  return carried;
}

const PAST: Record<RolloverChoice, string> = {
  carry: 'carried',
  raise: 'raised',
  drop: 'dropped',
  close: 'closed',
};

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A grid mark, as far as the annual objectives' scores need it. */
export interface RolloverMark {
  grid: string;
  fromId: string;
  toId: string;
}

/**
 * An annual objective's final progress: the mean of the KPIs translated from the same key result,
 * or else of the KPIs its initiatives move (north-west, then north-east grid); null when no KPI
 * with a final value measures it.
 */
export function annualObjectiveProgress(
  objective: { id: string; sourceKeyResultId: string | null },
  kpis: readonly { id: string; sourceKeyResultId: string | null; progress: number | null }[],
  marks: readonly RolloverMark[],
): number | null {
  const mean = (values: (number | null)[]): number | null => {
    const known = values.filter((value): value is number => value !== null);
    return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0) / known.length;
  };
  const linked = (grid: string, id: string): Set<string> =>
    new Set(
      marks
        .filter((mark) => mark.grid === grid && (mark.fromId === id || mark.toId === id))
        .map((mark) => (mark.fromId === id ? mark.toId : mark.fromId)),
    );
  if (objective.sourceKeyResultId !== null) {
    const same = kpis.filter((kpi) => kpi.sourceKeyResultId === objective.sourceKeyResultId);
    const value = mean(same.map((kpi) => kpi.progress));
    if (value !== null) return value;
  }
  const initiatives = linked('how_far_how', objective.id);
  const moved = new Set<string>();
  for (const initiative of initiatives) for (const kpi of linked('how_how_much', initiative)) moved.add(kpi);
  return mean(kpis.filter((kpi) => moved.has(kpi.id)).map((kpi) => kpi.progress));
}
