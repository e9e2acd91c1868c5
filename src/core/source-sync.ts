import { impliedTarget, type KeyResultKind } from './key-result';
import { defaultMonthlyPlan } from './matrix-item';
import type { MonthlyPlan } from './monthly-plan';
import type { MatrixPart } from './x-matrix-parts';

/**
 * "Source changed": a translated item remembers the state of its source (a parent objective, key
 * result or cascaded initiative) when it last agreed with it. When the source's text or target
 * moves on, the item shows it until someone accepts (the item takes the new text and target) or
 * answers (the item keeps its own, with a comment); both take a new snapshot.
 */
export interface SourceState {
  title: string;
  unitOfMeasure: string;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
}

/** The followed state of a key result: binary and milestone results carry their implied numbers. */
export function keyResultState(kr: {
  title: string;
  kind: KeyResultKind;
  unitOfMeasure: string;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  milestones: readonly string[];
}): SourceState {
  const { baseline, target } = impliedTarget(kr);
  return { title: kr.title, unitOfMeasure: kr.unitOfMeasure, baseline, target, targetHigh: kr.targetHigh };
}

/** The followed state of an objective or an initiative: its title only. */
export function titleState(title: string): SourceState {
  return { title, unitOfMeasure: '', baseline: null, target: null, targetHigh: null };
}

/** True when the source moved on from the snapshot in anything the item follows. */
export function sourceChanged(before: SourceState, after: SourceState): boolean {
  return (
    before.title !== after.title ||
    before.unitOfMeasure !== after.unitOfMeasure ||
    before.baseline !== after.baseline ||
    before.target !== after.target ||
    before.targetHigh !== after.targetHigh
  );
}

/** What accepting a changed source writes on the item, by part. */
export type AcceptedValues =
  | { title: string }
  | {
      unitOfMeasure: string;
      baseline: number | null;
      target: number | null;
      targetHigh: number | null;
      monthlyPlan: MonthlyPlan | null;
    };

/**
 * The values an item takes when its owner accepts the source's new state: a breakthrough or
 * annual objective takes the new text; a KPI keeps its name and takes the new unit, baseline and
 * target, with a fresh even monthly path. Initiatives and Who items are never translated.
 */
export function acceptedValues(part: MatrixPart, source: SourceState): AcceptedValues | null {
  switch (part) {
    case 'what':
    case 'how_far':
      return { title: source.title };
    case 'how_much':
      return {
        unitOfMeasure: source.unitOfMeasure,
        baseline: source.baseline,
        target: source.target,
        targetHigh: source.targetHigh,
        monthlyPlan: defaultMonthlyPlan(source.baseline, source.target),
      };
    case 'how':
    case 'who':
      return null;
  }
}
