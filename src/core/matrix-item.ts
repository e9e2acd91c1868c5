import type { Issue } from './errors';
import { isOrderedRange } from './cycle';
import { checkKpi, linearMonthlyPlan, type MonthlyPlan } from './monthly-plan';
import type { KpiDirection } from './key-result';
import type { MatrixPart } from './x-matrix-parts';

/** Which optional fields carry meaning for each part; a field given to another part is an error. */
export const PART_FIELDS = {
  what: ['sourceObjectiveId', 'targetYear'],
  how_far: ['sourceKeyResultId'],
  how: ['startDate', 'endDate', 'effortPersonDays', 'requiredSkills', 'status', 'deliveryProbability'],
  how_much: [
    'unitOfMeasure',
    'direction',
    'baseline',
    'target',
    'targetHigh',
    'monthlyPlan',
    'ownerId',
    'sourceKeyResultId',
  ],
  who: ['personId', 'teamUnitId'],
} as const satisfies Record<MatrixPart, readonly string[]>;

const ALL_PART_FIELDS = [...new Set(Object.values(PART_FIELDS).flat())];

/** The part-specific state of an item, as stored (every field present, null/empty when unused). */
export interface ItemFields {
  startDate: string | null;
  endDate: string | null;
  direction: KpiDirection | null;
  baseline: number | null;
  target: number | null;
  targetHigh: number | null;
  monthlyPlan: MonthlyPlan | null;
  personId: string | null;
  teamUnitId: string | null;
}

/**
 * Lists fields that do not belong to `part` (only those actually set: not undefined, null or
 * empty), e.g. a `direction` on a breakthrough objective.
 */
export function findForeignFields(part: MatrixPart, input: Record<string, unknown>): Issue[] {
  const allowed = new Set<string>(PART_FIELDS[part]);
  return ALL_PART_FIELDS.filter((field) => {
    const value = input[field];
    const isSet =
      value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0) && value !== '';
    return isSet && !allowed.has(field);
  }).map((field) => ({ path: field, message: `does not apply to ${part} items` }));
}

/**
 * Checks an item's merged state against its part's rules: an initiative ends after it starts; a
 * KPI's target sits on the right side of its baseline and has twelve months; a Who item names
 * exactly one person or team.
 */
export function checkItem(part: MatrixPart, item: ItemFields): Issue[] {
  switch (part) {
    case 'how':
      return isOrderedRange(item.startDate, item.endDate)
        ? []
        : [
            {
              path: 'endDate',
              message: `ends (${item.endDate ?? ''}) before it starts (${item.startDate ?? ''})`,
            },
          ];
    case 'how_much':
      return checkKpi({
        direction: item.direction ?? 'increase',
        baseline: item.baseline,
        target: item.target,
        targetHigh: item.targetHigh,
        monthlyPlan: item.monthlyPlan ?? Array<null>(12).fill(null),
      });
    case 'who':
      return (item.personId === null) === (item.teamUnitId === null)
        ? [{ path: 'personId', message: 'a Who item names exactly one of personId or teamUnitId' }]
        : [];
    case 'what':
    case 'how_far':
      return [];
  }
}

/** The monthly plan a new KPI starts with: an even path from baseline to target when both are known. */
export function defaultMonthlyPlan(baseline: number | null, target: number | null): MonthlyPlan | null {
  return baseline !== null && target !== null ? linearMonthlyPlan(baseline, target) : null;
}
