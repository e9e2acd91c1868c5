/**
 * Numbers and dates in a server message or export, written for the reader's locale with Intl
 * (de-DE: `24,5`, `01.06.2026`, `Mai 2026`; ja-JP: `2026/06/01`, `2026年5月`). English keeps the
 * forms Catchball has always written (JavaScript's digits, ISO days, `May 2026`), so English mails
 * and files read as before.
 */
import { monthName } from '../../core/calendar';
import type { Translator } from './translator';

/** A number: `24.5` in English, `24,5` in German. */
export function formatNumber(translator: Translator, value: number): string {
  return translator.language === 'en'
    ? String(value)
    : new Intl.NumberFormat(translator.locale, { maximumFractionDigits: 6 }).format(value);
}

/** A calendar day given as `YYYY-MM-DD`: ISO in English, the locale's medium date otherwise. */
export function formatDay(translator: Translator, isoDay: string): string {
  if (translator.language === 'en') return isoDay;
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(translator.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A month of a year (1 = January): `May 2026`, `Mai 2026`, `2026年5月`. */
export function formatMonth(translator: Translator, year: number, month: number): string {
  if (translator.language === 'en') return `${monthName(month)} ${year}`;
  return new Intl.DateTimeFormat(translator.locale, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}
