import { describe, expect, it } from 'vitest';
import { checkCheckInDate } from './check-in';

const fy = { name: 'FY2026', startDate: '2026-01-01', endDate: '2026-12-31' };

describe('checkCheckInDate', () => {
  it('accepts a date inside the cycle up to today', () => {
    expect(checkCheckInDate('2026-03-31', fy, '2026-04-01')).toEqual([]);
  });

  it('refuses a check-in dated outside the cycle, naming the cycle and its dates', () => {
    expect(checkCheckInDate('2027-01-15', fy, '2027-02-01')).toEqual([
      { path: 'date', message: '2027-01-15 is outside cycle FY2026 (2026-01-01 to 2026-12-31)' },
    ]);
    expect(checkCheckInDate('2025-12-31', fy, '2026-02-01')[0]?.path).toBe('date');
  });

  it('refuses a date in the future', () => {
    expect(checkCheckInDate('2026-05-01', fy, '2026-04-01')[0]?.message).toContain('in the future');
  });
});
