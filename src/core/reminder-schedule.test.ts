import { describe, expect, it } from 'vitest';
import { latestReminders } from './reminder-schedule';

const days = (now: string) =>
  latestReminders(new Date(now), 9).map((r) => `${r.cadence} ${r.at.toISOString()}`);

describe('latestReminders', () => {
  it('gives the last Monday and the last first of the month at the hour', () => {
    expect(days('2026-12-02T10:00:00Z')).toEqual([
      'weekly 2026-11-30T09:00:00.000Z',
      'monthly 2026-12-01T09:00:00.000Z',
    ]);
  });

  it('is not yet the occurrence a minute before its hour, and is it at the hour', () => {
    expect(days('2026-12-07T08:59:00Z')).toEqual([
      'weekly 2026-11-30T09:00:00.000Z',
      'monthly 2026-12-01T09:00:00.000Z',
    ]);
    expect(days('2026-12-07T09:00:00Z')[0]).toBe('weekly 2026-12-07T09:00:00.000Z');
  });

  it('reaches back into the previous month and year before the first at the hour', () => {
    expect(days('2027-01-01T08:00:00Z')).toEqual([
      'weekly 2026-12-28T09:00:00.000Z',
      'monthly 2026-12-01T09:00:00.000Z',
    ]);
  });
});
