/**
 * What needs attention on a unit's dashboard: beside the objectives and key results off their
 * track, what its X-matrix tracks: KPI months in red or amber, initiatives late or at risk, and
 * countermeasures past their due date. "Nothing at risk" only when every count is zero.
 */

export type AttentionCounts = {
  objectivesAtRisk: number;
  keyResultsAtRisk: number;
  kpiMonthsRed: number;
  kpiMonthsAmber: number;
  initiativesLate: number;
  initiativesAtRisk: number;
  countermeasuresOverdue: number;
};

export type InitiativeStatus = 'proposed' | 'planned' | 'in_progress' | 'done' | 'on_hold' | 'cancelled';

export interface InitiativeDates {
  status: InitiativeStatus | null;
  startDate: string | null;
  endDate: string | null;
}

const FINISHED: ReadonlySet<InitiativeStatus | null> = new Set(['done', 'cancelled']);

/**
 * Late: past its end date and neither done nor cancelled. At risk (when not late): on hold, or
 * past its start date and still only proposed or planned.
 */
export function initiativeStanding(item: InitiativeDates, today: string): 'late' | 'at_risk' | 'fine' {
  if (FINISHED.has(item.status)) return 'fine';
  if (item.endDate !== null && item.endDate < today) return 'late';
  if (item.status === 'on_hold') return 'at_risk';
  if (
    item.startDate !== null &&
    item.startDate < today &&
    (item.status === 'proposed' || item.status === 'planned')
  )
    return 'at_risk';
  return 'fine';
}

/** A countermeasure still open after its due date. */
export function isOverdue(
  countermeasure: { status: string; dueDate: string | null },
  today: string,
): boolean {
  return (
    countermeasure.status !== 'closed' && countermeasure.dueDate !== null && countermeasure.dueDate < today
  );
}

export function attentionTotal(counts: AttentionCounts): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The counts in words, the non-zero ones only: "3 red KPI months, 1 late initiative". */
export function describeAttention(counts: AttentionCounts): string[] {
  const parts: [number, string, string][] = [
    [counts.objectivesAtRisk, 'objective off track or at risk', 'objectives off track or at risk'],
    [counts.keyResultsAtRisk, 'key result off track or at risk', 'key results off track or at risk'],
    [counts.kpiMonthsRed, 'red KPI month', 'red KPI months'],
    [counts.kpiMonthsAmber, 'amber KPI month', 'amber KPI months'],
    [counts.initiativesLate, 'late initiative', 'late initiatives'],
    [counts.initiativesAtRisk, 'initiative at risk', 'initiatives at risk'],
    [counts.countermeasuresOverdue, 'overdue countermeasure', 'overdue countermeasures'],
  ];
  return parts.filter(([count]) => count > 0).map(([count, one, many]) => plural(count, one, many));
}
