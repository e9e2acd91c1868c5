import { describe, expect, it } from 'vitest';
import { niceTicks, spreadLabels } from './scale';

describe('chart scale helpers', () => {
  it('picks round ticks', () => {
    expect(niceTicks(3.2, 11.7, 5)).toEqual([4, 6, 8, 10]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
  });
  it('puts overlapping labels in separate rows', () => {
    const placed = spreadLabels(
      [
        { x: 100, t: 'KR 4 h' },
        { x: 104, t: 'KPI 4 h' },
        { x: 300, t: 'Now 12 h' },
      ],
      (l) => l.x,
      (l) => l.t,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0]);
  });
});
