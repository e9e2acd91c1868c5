import { describe, expect, it } from 'vitest';
import type { TargetOutlook } from './pressure-test';
import { groupTargets } from './target-groups';

const outlook = (kind: TargetOutlook['kind'], targetId: string, target: number): TargetOutlook => ({
  targetId,
  kind,
  title: targetId,
  kpiId: 'k',
  unitId: 'u',
  keyResultId: kind === 'kpi' ? null : 'kr',
  direction: 'decrease',
  target,
  targetHigh: null,
  probability: 0.1,
  expectedShortfall: 1,
  reachable: { p50: 1, p80: 2, p90: 3 },
});

describe('groupTargets', () => {
  it('puts a KPI, its key result and annual objective with one target in one group led by the key result', () => {
    const groups = groupTargets([
      outlook('kpi', 'k', 4),
      outlook('annual_objective', 'a', 4),
      outlook('key_result', 'kr', 4),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.members.map((m) => m.kind)).toEqual(['key_result', 'kpi', 'annual_objective']);
  });
  it('keeps different target values apart', () => {
    expect(groupTargets([outlook('kpi', 'k', 4), outlook('key_result', 'kr', 8)])).toHaveLength(2);
  });
});
