import type { TargetOutlook } from './pressure-test';
import type { TargetKind } from './feasibility';

/**
 * Targets that test the same thing: a KPI's own target, the key result it measures and the annual
 * objectives traced to that key result often share one KPI and one target value, so one outcome.
 * A group is one distinct (KPI, direction, target); its lead is the key result when there is one
 * (what a recalibration proposes against), else the KPI, else the annual objective.
 */
/** What grouping reads of a target: an outlook, or a recorded forecast of one. */
export type GroupableTarget = Pick<TargetOutlook, 'kind' | 'kpiId' | 'direction' | 'target' | 'targetHigh'>;

export interface TargetGroup<T extends GroupableTarget = TargetOutlook> {
  key: string;
  lead: T;
  /** Every target of the group, the lead first. */
  members: T[];
}

const LEAD_ORDER: readonly TargetKind[] = ['key_result', 'kpi', 'annual_objective'];

export function groupTargets<T extends GroupableTarget>(targets: readonly T[]): TargetGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const target of targets) {
    const key = `${target.kpiId}|${target.direction}|${target.target}|${target.targetHigh ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  return [...groups].map(([key, members]) => {
    const ordered = [...members].sort((a, b) => LEAD_ORDER.indexOf(a.kind) - LEAD_ORDER.indexOf(b.kind));
    return { key, lead: ordered[0] as T, members: ordered };
  });
}
