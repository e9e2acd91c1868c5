/**
 * A plan-lint finding in the reader's language. Core (plan-lint.ts) writes each finding's message
 * in English for the server and the CLI, and a finding carries no values apart from it; the values
 * (titles, counts, shares, months) are read back from that message by the pattern core writes for
 * the finding's code and put into the code's message (namespace `pressure`, `lint.*`). A message
 * that does not match its code's pattern is shown as core wrote it.
 */
import type { LintFindingView } from '../../../contracts';
import { DEFAULT_PART_NAMES, MATRIX_PARTS } from '../../../core/x-matrix-parts';
import { i18n } from '../../i18n/i18n';

type Rule = (match: string[]) => string;

const missingOf = (words: string) =>
  words === 'a baseline and a target' ? 'both' : words === 'a baseline' ? 'baseline' : 'target';

const kindOf = (words: string) =>
  words === 'Key result' ? 'key_result' : words === 'Annual objective' ? 'annual_objective' : 'kpi';

/** A part under its default (English) name is shown under the reader's; an organisation's own name as it is. */
const partName = (name: string) => {
  const part = MATRIX_PARTS.find((p) => DEFAULT_PART_NAMES[p] === name);
  return part ? i18n.t(`common:parts.${part}`) : name;
};

const count = (text: string) => Number(text);

const RULES: Record<LintFindingView['code'], [RegExp, Rule][]> = {
  unsupported_breakthrough: [
    [
      /^Breakthrough "(.*)" is supported by no annual objective$/s,
      ([, title]) => i18n.t('pressure:lint.unsupportedBreakthrough', { title }),
    ],
  ],
  weakly_supported_breakthrough: [
    [
      /^Breakthrough "(.*)" is supported only by weak marks \(△\); at least one annual objective should support it strongly or clearly$/s,
      ([, title]) => i18n.t('pressure:lint.weaklySupportedBreakthrough', { title }),
    ],
  ],
  initiative_without_kpi: [
    [
      /^Initiative "(.*)" moves no KPI$/s,
      ([, title]) => i18n.t('pressure:lint.initiativeWithoutKpi', { title }),
    ],
  ],
  kpi_not_moved: [
    [
      /^KPI "(.*)" is moved by no initiative, so nothing in this plan can reach its target$/s,
      ([, title]) => i18n.t('pressure:lint.kpiNotMoved', { title }),
    ],
  ],
  kpi_without_impact: [
    [
      /^KPI "(.*)" is marked by (\d+) initiatives? but none states its expected impact, so the pressure test cannot move it$/s,
      ([, title, n = '0']) => i18n.t('pressure:lint.kpiWithoutImpact', { title, count: count(n) }),
    ],
  ],
  initiative_outside_year: [
    [
      /^Initiative "(.*)" runs (.*) – (.*), entirely outside (\d+)$/s,
      ([, title, start, end, year]) =>
        i18n.t('pressure:lint.initiativeOutsideYear', { title, start, end, year }),
    ],
    [
      /^Initiative "(.*)" runs (.*) – (.*), beyond (\d+); only its months inside the year count here$/s,
      ([, title, start, end, year]) =>
        i18n.t('pressure:lint.initiativeBeyondYear', { title, start, end, year }),
    ],
  ],
  kpi_without_owner: [
    [/^KPI "(.*)" has no owner$/s, ([, title]) => i18n.t('pressure:lint.kpiWithoutOwner', { title })],
  ],
  primary_owner_count: [
    [
      /^Initiative "(.*)" has (\d+) primary owners; it needs exactly one$/s,
      ([, title, n = '0']) => i18n.t('pressure:lint.primaryOwnerCount', { title, count: count(n) }),
    ],
  ],
  owner_over_allocated: [
    [
      /^(.*) is planned at up to (\d+) % of capacity \(limit (\d+) %\) in months? ([\d, ]+)$/s,
      ([, name, peak, limit, months = '']) =>
        i18n.t('pressure:lint.ownerOverAllocated', {
          name,
          peak,
          limit,
          months,
          count: months.split(',').length,
        }),
    ],
  ],
  too_many_items: [
    [
      /^(\d+) items? in (.*); at most (\d+) are recommended$/s,
      ([, n = '0', part = '', max]) =>
        i18n.t('pressure:lint.tooManyItems', { count: count(n), part: partName(part), max }),
    ],
  ],
  hockey_stick: [
    [
      /^KPI "(.*)" leaves (-?\d+) % of the year's change to the last quarter; spread it across the months$/s,
      ([, title, share]) => i18n.t('pressure:lint.hockeyStick', { title, share }),
    ],
  ],
  missing_baseline_or_target: [
    [
      /^(KPI|Key result) "(.*)" needs (a baseline and a target|a baseline|a target); without a baseline its progress cannot be measured$/s,
      ([, what = '', title, missing = '']) =>
        i18n.t('pressure:lint.missingBaselineOrTarget', {
          kind: kindOf(what),
          title,
          missing: missingOf(missing),
        }),
    ],
  ],
  skill_gap: [
    [
      /^Nobody in this matrix holds (.*); (\S+) person-days are needed in months ([\d, ]+)$/s,
      ([, skill, days, months]) => i18n.t('pressure:lint.skillNobody', { skill, days, months }),
    ],
    [
      /^(.*) is short by (\S+) person-days in months ([\d, ]+)$/s,
      ([, skill, days, months]) => i18n.t('pressure:lint.skillShort', { skill, days, months }),
    ],
  ],
  title_number_mismatch: [
    [
      /^(Key result|Annual objective|KPI) "(.*)" states numbers that no longer match its target \((.*)\); edit the title$/s,
      ([, what = '', title, target]) =>
        i18n.t('pressure:lint.titleNumberMismatch', { kind: kindOf(what), title, target }),
    ],
  ],
};

/** The finding's message in the reader's language, or core's English one for a message of an unknown form. */
export function lintText(finding: Pick<LintFindingView, 'code' | 'message'>): string {
  for (const [pattern, rule] of RULES[finding.code] ?? []) {
    const match = pattern.exec(finding.message);
    if (match) return rule([...match].map((part) => part ?? ''));
  }
  return finding.message;
}
