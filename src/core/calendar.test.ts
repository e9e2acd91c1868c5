import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfMonth, localIsoDate } from './calendar';

describe('calendar', () => {
  it('counts days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(endOfMonth(2028, 2)).toBe('2028-02-29');
  });

  it("names the reader's own calendar day, not UTC's", () => {
    // Built from local fields, so the check holds in any time zone the test runs in.
    expect(localIsoDate(new Date(2026, 11, 3, 0, 30))).toBe('2026-12-03');
    expect(localIsoDate(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });
});
