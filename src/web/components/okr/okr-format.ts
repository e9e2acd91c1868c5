/** Display helpers for OKRs: number formatting, the progress shown (core's), confidence tone. */
import type { KeyResult, KeyResultProgress, ObjectiveProgress } from '../../../contracts';
import { keyResultProgress } from '../../../core/progress';
import { currentLocale } from '../../i18n/locale';
import type { BadgeTone } from '../badge';

/** Formats a number compactly (up to 2 decimals, thousands separators); null → "—". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2 }).format(value);
}

/** A value with its unit of measure: "45 %", "24 h", "12". Percent signs hug the number. */
export function withUnit(value: number | null | undefined, unit: string): string {
  const text = formatNumber(value);
  if (!unit || value === null || value === undefined) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** A month's short name (1-12) in the reader's language: "Mar", "Mär", "3月". */
export function shortMonthName(month: number): string {
  return new Intl.DateTimeFormat(currentLocale(), { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/** A month of a year in the reader's language: "March 2026" ("Mar 2026" with `month` 'short'). */
export function monthOfYear(year: number, month: number, style: 'short' | 'long' = 'long'): string {
  return new Intl.DateTimeFormat(currentLocale(), { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/**
 * The progress a key result shows, 0..1: the server's (core's rule over its check-ins as of today)
 * once the unit's progress is loaded, and until then core's rule over the key result as listed,
 * whose `current` is its latest effective check-in, so both give the same number.
 */
export function shownKeyResultProgress(kr: KeyResult, execution?: KeyResultProgress): number {
  return execution?.progress ?? keyResultProgress({ ...kr, milestoneCount: kr.milestones.length });
}

/**
 * The progress an objective shows: the server's roll-up (core's weighted average over its key results
 * and its aligned child objectives, which may belong to other units), or null ("no data yet") until it
 * is loaded; never an estimate from the key results alone, which would disagree once children align.
 */
export function shownObjectiveProgress(execution: ObjectiveProgress | undefined): number | null {
  return execution?.progress ?? null;
}

/** Colour of a confidence value: ≥ 0.7 green, ≥ 0.4 amber, else red. */
export function confidenceTone(confidence: number): BadgeTone {
  if (confidence >= 0.7) return 'green';
  if (confidence >= 0.4) return 'amber';
  return 'red';
}

/** A kind's colour; its name is the message `okrs:kind.<kind>`. */
export const KR_KIND_TONE: Record<KeyResult['kind'], BadgeTone> = {
  increase: 'green',
  decrease: 'blue',
  band: 'teal',
  binary: 'neutral',
  milestone: 'violet',
};
