/** Small helpers of the item detail drawer's forms: month names, typed numbers, per-month problems. */
import { currentLocale } from '../../i18n/locale';
import { issuesOf } from '../form/field-errors';

/** The twelve month names in the reader's language: "Jan" … or "January" … with `month` 'long'. */
export function monthNames(month: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(currentLocale(), { month, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => format.format(Date.UTC(2000, index, 1)));
}

/** A typed number: null when blank, NaN when not a number (the form names the field). */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** A number as a form shows it: hundredths at most, blank for null. */
export function numberText(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(Math.round(value * 100) / 100);
}

/** A number as text shows it: hundredths at most, in the reader's language, without grouping. */
export function shownNumber(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2, useGrouping: false }).format(
    Math.round(value * 100) / 100,
  );
}

/**
 * The server's problems with single months, by index 0-11: issues whose path ends in
 * `<field>[n]` (`body.monthlyPlan[3]`, `body.skills[1].months[3]` with `within` = `skills[1].`).
 */
export function monthProblems(error: unknown, field: string, within = ''): Map<number, string> {
  const problems = new Map<number, string>();
  const pattern = new RegExp(`^(body\\.)?${escape(within)}${field}\\[(\\d+)\\]$`);
  for (const issue of issuesOf(error)) {
    const match = pattern.exec(issue.path);
    if (match?.[2] !== undefined) problems.set(Number(match[2]), issue.message);
  }
  return problems;
}

function escape(text: string): string {
  return text.replace(/[.[\]]/g, (c) => `\\${c}`);
}
