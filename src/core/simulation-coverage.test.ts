import { describe, expect, it } from 'vitest';
import { notSimulatedMessage, notSimulatedReason } from './simulation-coverage';

describe('notSimulatedReason', () => {
  it('is null for a KPI with stated impacts, and says why otherwise', () => {
    expect(notSimulatedReason(2, 3)).toBeNull();
    expect(notSimulatedReason(0)).toBe('no_initiative');
    expect(notSimulatedReason(0, 2)).toBe('no_stated_impact');
    expect(notSimulatedMessage('no_initiative')).toMatch(/^no initiative moves this KPI/);
    expect(notSimulatedMessage('no_stated_impact', 1)).toMatch(/^marked by 1 initiative, but none states/);
  });
});
