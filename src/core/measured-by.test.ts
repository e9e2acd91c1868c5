import { describe, expect, it } from 'vitest';
import { combineMeasures, measuredValue } from './measured-by';

const values = [
  { value: 10, weight: 1 },
  { value: 40, weight: 3 },
];

describe('combineMeasures', () => {
  it('applies each rule', () => {
    expect(combineMeasures('sum', values)).toBe(50);
    expect(combineMeasures('average', values)).toBe(25);
    expect(combineMeasures('weighted_average', values)).toBe(32.5);
    expect(combineMeasures('min', values)).toBe(10);
    expect(combineMeasures('max', values)).toBe(40);
    expect(combineMeasures('sum', [])).toBeNull();
  });
});

describe('measuredValue', () => {
  const kpis = [
    { id: 'k1', title: 'A', unitId: 'u1', unitName: 'One', unitOfMeasure: '%' },
    { id: 'k2', title: 'B', unitId: 'u2', unitName: 'Two', unitOfMeasure: '%' },
  ];
  const readings: Record<string, { date: string; value: number }[]> = {
    k1: [
      { date: '2026-01-31', value: 5 },
      { date: '2026-02-28', value: 7 },
    ],
    k2: [{ date: '2026-03-31', value: 20 }],
  };
  it('takes each KPI latest value up to the day, and the latest date', () => {
    const result = measuredValue('max', kpis, {}, (id) => readings[id], '2026-02-28');
    expect(result.value).toBe(7);
    expect(result.date).toBe('2026-02-28');
    expect(result.contributions.map((entry) => entry.value)).toEqual([7, null]);
    expect(measuredValue('sum', kpis, {}, (id) => readings[id], '2026-04-01').value).toBe(27);
  });
  it('one KPI gives its own value whatever the rule', () => {
    expect(measuredValue('sum', kpis.slice(0, 1), {}, (id) => readings[id], '2026-04-01').value).toBe(7);
  });
});
