/**
 * Every date and time the web app shows, formatted in one place (so the reader's language, issue
 * 16, is set here once). A bare ISO day (YYYY-MM-DD) is a calendar day: it reads as that day in any
 * time zone. A timestamp reads in the reader's own time zone. `null` or an unreadable value reads
 * as a dash or as itself, never as "Invalid Date".
 */

import { currentLocale } from '../i18n/locale';

const isDay = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso);

function format(iso: string | null | undefined, options: Intl.DateTimeFormatOptions): string {
  if (!iso) return '—';
  const date = new Date(isDay(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(currentLocale(), { ...options, ...(isDay(iso) ? { timeZone: 'UTC' } : {}) });
}

/** "3 Mar 2026", or "3 March 2026" with `month` 'long'. */
export const formatDay = (iso: string | null | undefined, month: 'short' | 'long' = 'short'): string =>
  format(iso, { day: 'numeric', month, year: 'numeric' });

/** "Tuesday 3 March 2026": a day as a heading. */
export const formatLongDay = (iso: string): string =>
  format(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "3 Mar 2026, 14:05": when something happened. */
export const formatWhen = (iso: string | null | undefined): string =>
  format(iso, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "3 Mar, 14:05:09": a log line's time, to the second. */
export const formatLogTime = (iso: string): string =>
  format(iso, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
