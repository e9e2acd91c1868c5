import type { Issue } from './errors';
import type { CycleDates } from './cycle';

/**
 * Where a check-in's date may fall: inside its cycle (the year an item belongs to) and not after
 * today, since a check-in records what was measured. Issues are located at `date`.
 */
export function checkCheckInDate(date: string, cycle: CycleDates & { name: string }, today: string): Issue[] {
  if (date < cycle.startDate || date > cycle.endDate)
    return [
      {
        path: 'date',
        message: `${date} is outside cycle ${cycle.name} (${cycle.startDate} to ${cycle.endDate})`,
      },
    ];
  if (date > today) return [{ path: 'date', message: `${date} is in the future (today is ${today})` }];
  return [];
}
