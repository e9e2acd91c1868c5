// The web's pressure-test wording reads in English exactly as core's (which the server and the CLI
// write), and a lint finding's message is rebuilt from its values word for word.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatMeasure,
  oddsOf,
  outlookSentence,
  percentOf,
  type OutlookForWording,
} from '../../../core/outlook-wording';
import type { LintCode } from '../../../core/plan-lint';
import { notSimulatedMessage } from '../../../core/simulation-coverage';
import { i18n, startI18n } from '../../i18n/i18n';
import { lintText } from './lint-message';
import { measureOf, notSimulatedText, oddsText, outlookText, percentText } from './wording';

beforeAll(async () => {
  await startI18n('en');
});

const PROBABILITIES = [0, 0.0004, 0.003, 0.0099, 0.01, 0.05, 0.094, 0.2, 0.35, 0.5, 0.65, 0.9, 0.905, 0.93];
const MORE = [0.95, 0.985, 0.992, 0.9991, 0.999, 1];

describe('pressure-test wording in English', () => {
  it('writes percentages and odds as core does', () => {
    for (const p of [...PROBABILITIES, ...MORE]) {
      expect(percentText(p), String(p)).toBe(percentOf(p));
      expect(oddsText(p), String(p)).toBe(oddsOf(p));
    }
  });

  it('writes measures as core does', () => {
    for (const [value, unit] of [
      [43.4, 'min'],
      [0.123, ''],
      [1234.6, 'teams'],
      [1200, '€'],
      [12, '%'],
      [2.45, 'h'],
    ] as const)
      expect(measureOf(value, unit)).toBe(formatMeasure(value, unit));
  });

  it('writes the headline sentence as core does', () => {
    const base: OutlookForWording = {
      direction: 'decrease',
      target: 30,
      targetHigh: null,
      unitOfMeasure: 'min',
      probability: 0,
      p80: 43.2,
    };
    for (const p of [...PROBABILITIES, ...MORE]) {
      for (const outlook of [
        { ...base, probability: p },
        { ...base, probability: p, direction: 'band' as const, target: 2, targetHigh: 5, unitOfMeasure: '%' },
      ])
        expect(outlookText(outlook)).toBe(outlookSentence(outlook));
    }
  });

  it('says why a KPI is not simulated as core does', () => {
    expect(notSimulatedText('no_initiative', 0)).toBe(notSimulatedMessage('no_initiative', 0));
    for (const count of [1, 2])
      expect(notSimulatedText('no_stated_impact', count)).toBe(
        notSimulatedMessage('no_stated_impact', count),
      );
  });
});

describe('lint findings', () => {
  const MESSAGES: [LintCode, string][] = [
    ['unsupported_breakthrough', 'Breakthrough "Be the safest bank" is supported by no annual objective'],
    [
      'weakly_supported_breakthrough',
      'Breakthrough "Be the safest bank" is supported only by weak marks (△); at least one annual objective should support it strongly or clearly',
    ],
    ['initiative_without_kpi', 'Initiative "SOC 24/7" moves no KPI'],
    ['kpi_not_moved', 'KPI "MTTD" is moved by no initiative, so nothing in this plan can reach its target'],
    [
      'kpi_without_impact',
      'KPI "MTTD" is marked by 1 initiative but none states its expected impact, so the pressure test cannot move it',
    ],
    [
      'kpi_without_impact',
      'KPI "MTTD" is marked by 3 initiatives but none states its expected impact, so the pressure test cannot move it',
    ],
    ['kpi_without_owner', 'KPI "MTTD" has no owner'],
    [
      'missing_baseline_or_target',
      'KPI "MTTD" needs a baseline and a target; without a baseline its progress cannot be measured',
    ],
    [
      'missing_baseline_or_target',
      'Key result "Cut MTTR" needs a target; without a baseline its progress cannot be measured',
    ],
    [
      'hockey_stick',
      'KPI "MTTD" leaves 70 % of the year\'s change to the last quarter; spread it across the months',
    ],
    ['initiative_outside_year', 'Initiative "SOC" runs 2027-01-01 – 2027-06-30, entirely outside 2026'],
    [
      'initiative_outside_year',
      'Initiative "SOC" runs 2025-10-01 – …, beyond 2026; only its months inside the year count here',
    ],
    ['primary_owner_count', 'Initiative "SOC" has 2 primary owners; it needs exactly one'],
    ['owner_over_allocated', 'Ana Lima is planned at up to 120 % of capacity (limit 100 %) in month 3'],
    [
      'owner_over_allocated',
      'Ana Lima is planned at up to 120 % of capacity (limit 100 %) in months 3, 4, 5',
    ],
    ['too_many_items', '6 items in Breakthrough objectives; at most 5 are recommended'],
    ['too_many_items', '8 items in Strategic pillars; at most 7 are recommended'],
    [
      'title_number_mismatch',
      'Annual objective "From 24 h to 4 h" states numbers that no longer match its target (6); edit the title',
    ],
    ['skill_gap', 'Nobody in this matrix holds LLM ops; 12.5 person-days are needed in months 2, 3'],
    ['skill_gap', 'LLM ops is short by 4 person-days in months 7'],
  ];

  it('rebuilds every message of core in English word for word', () => {
    for (const [code, message] of MESSAGES) expect(lintText({ code, message })).toBe(message);
  });

  it('shows a message of an unknown form as core wrote it', () => {
    expect(lintText({ code: 'skill_gap', message: 'Something else' })).toBe('Something else');
  });

  it('translates a finding into German', async () => {
    await i18n.changeLanguage('de');
    try {
      expect(lintText({ code: 'kpi_without_owner', message: 'KPI "MTTD" has no owner' })).toBe(
        'Die KPI „MTTD“ hat keine verantwortliche Person',
      );
      expect(percentText(0.423)).toBe('42 %');
      expect(measureOf(2.45, 'h')).toBe('2,5 h');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
