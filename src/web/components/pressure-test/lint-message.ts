/**
 * A plan-lint finding in the reader's language. Core (plan-lint.ts) writes each finding's message
 * in English for the server and the CLI, and gives with it the values that message is written
 * from (`values`, see core's LintValues); those go into the code's message (namespace `pressure`,
 * `lint.*`). A finding without the values its code needs is shown as core wrote it.
 */
import type { LintFindingView } from '../../../contracts';
import type { LintValues } from '../../../core/plan-lint';
import { DEFAULT_PART_NAMES, MATRIX_PARTS, type MatrixPart } from '../../../core/x-matrix-parts';
import { currentLanguage, i18n } from '../../i18n/i18n';
import { currentLocale } from '../../i18n/locale';

type Finding = Pick<LintFindingView, 'code' | 'message'> & { values?: LintFindingView['values'] };
type Value = LintFindingView['values'][string] | undefined;

/** A part under its default (English) name is shown under the reader's; an organisation's own name as it is. */
const partName = (part: Value, name: Value): string | undefined => {
  const known = MATRIX_PARTS.find((p): p is MatrixPart => p === part);
  if (known && (name === undefined || name === DEFAULT_PART_NAMES[known]))
    return i18n.t(`common:parts.${known}`);
  return typeof name === 'string' ? name : undefined;
};

/** Person-days as core writes them in English ("12.5"); in the reader's decimal form otherwise. */
const decimal = (value: number): string =>
  currentLanguage() === 'en'
    ? String(value)
    : new Intl.NumberFormat(currentLocale(), { useGrouping: false, maximumFractionDigits: 6 }).format(value);

/** Months 1-12 as core lists them ("3, 4, 5"); with the Japanese comma in Japanese. */
const monthList = (months: readonly number[]): string =>
  months.join(currentLanguage() === 'ja' ? '、' : ', ');

const text = (value: Value): string | undefined => (typeof value === 'string' ? value : undefined);
const number = (value: Value): number | undefined => (typeof value === 'number' ? value : undefined);
const numbers = (value: Value): number[] | undefined =>
  Array.isArray(value) && value.length > 0 ? value : undefined;
/** A date of an initiative's range, "…" when it has none. */
const dateOf = (value: Value): string | undefined =>
  value === null ? '…' : typeof value === 'string' ? value : undefined;

/** Each code's message from its values, or undefined when a value it needs is missing. */
const RULES: {
  [C in LintFindingView['code']]: (values: Partial<Record<keyof LintValues[C], Value>>) => string | undefined;
} = {
  unsupported_breakthrough: ({ title }) =>
    text(title) !== undefined ? i18n.t('pressure:lint.unsupportedBreakthrough', { title }) : undefined,
  weakly_supported_breakthrough: ({ title }) =>
    text(title) !== undefined ? i18n.t('pressure:lint.weaklySupportedBreakthrough', { title }) : undefined,
  initiative_without_kpi: ({ title }) =>
    text(title) !== undefined ? i18n.t('pressure:lint.initiativeWithoutKpi', { title }) : undefined,
  kpi_not_moved: ({ title }) =>
    text(title) !== undefined ? i18n.t('pressure:lint.kpiNotMoved', { title }) : undefined,
  kpi_without_impact: ({ title, count }) =>
    text(title) !== undefined && number(count) !== undefined
      ? i18n.t('pressure:lint.kpiWithoutImpact', { title, count })
      : undefined,
  initiative_outside_year: ({ title, start, end, year, extent }) => {
    const from = dateOf(start);
    const to = dateOf(end);
    if (text(title) === undefined || from === undefined || to === undefined || number(year) === undefined)
      return undefined;
    const values = { title, start: from, end: to, year: String(year) };
    if (extent === 'entirely') return i18n.t('pressure:lint.initiativeOutsideYear', values);
    if (extent === 'partly') return i18n.t('pressure:lint.initiativeBeyondYear', values);
    return undefined;
  },
  kpi_without_owner: ({ title }) =>
    text(title) !== undefined ? i18n.t('pressure:lint.kpiWithoutOwner', { title }) : undefined,
  primary_owner_count: ({ title, count }) =>
    text(title) !== undefined && number(count) !== undefined
      ? i18n.t('pressure:lint.primaryOwnerCount', { title, count })
      : undefined,
  owner_over_allocated: ({ name, peak, limit, months }) => {
    const list = numbers(months);
    if (text(name) === undefined || number(peak) === undefined || number(limit) === undefined || !list)
      return undefined;
    return i18n.t('pressure:lint.ownerOverAllocated', {
      name,
      peak: String(peak),
      limit: String(limit),
      months: monthList(list),
      count: list.length,
    });
  },
  too_many_items: ({ count, part, partName: name, max }) => {
    const shown = partName(part, name);
    if (number(count) === undefined || shown === undefined || number(max) === undefined) return undefined;
    return i18n.t('pressure:lint.tooManyItems', { count, part: shown, max: String(max) });
  },
  hockey_stick: ({ title, share }) =>
    text(title) !== undefined && number(share) !== undefined
      ? i18n.t('pressure:lint.hockeyStick', { title, share: String(share) })
      : undefined,
  missing_baseline_or_target: ({ kind, title, missing }) =>
    text(title) !== undefined && text(kind) !== undefined && text(missing) !== undefined
      ? i18n.t('pressure:lint.missingBaselineOrTarget', { kind, title, missing })
      : undefined,
  skill_gap: ({ reason, skill, days, months }) => {
    const list = numbers(months);
    if (text(skill) === undefined || number(days) === undefined || !list) return undefined;
    const values = { skill, days: decimal(days as number), months: monthList(list) };
    if (reason === 'nobody_holds') return i18n.t('pressure:lint.skillNobody', values);
    if (reason === 'demand_exceeds_supply') return i18n.t('pressure:lint.skillShort', values);
    return undefined;
  },
  title_number_mismatch: ({ kind, title, target }) =>
    text(title) !== undefined && text(kind) !== undefined && (target === null || number(target) !== undefined)
      ? i18n.t('pressure:lint.titleNumberMismatch', { kind, title, target: String(target) })
      : undefined,
};

/** The finding's message in the reader's language, or core's English one when its values are absent. */
export function lintText(finding: Finding): string {
  const rule = RULES[finding.code] as ((values: Record<string, Value>) => string | undefined) | undefined;
  if (!rule || !finding.values) return finding.message;
  return rule(finding.values) ?? finding.message;
}
