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
import { LINT_CODES, type LintFinding } from '../../../core/plan-lint';
import { notSimulatedMessage } from '../../../core/simulation-coverage';
import { describeScenario, EMPTY_SCENARIO, type Scenario, type WhatIfBasis } from '../../../core/what-if';
import { i18n, startI18n } from '../../i18n/i18n';
import { lintText } from './lint-message';
import {
  describeScenarioText,
  measureOf,
  notSimulatedText,
  oddsText,
  outlookText,
  percentText,
} from './wording';

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
  const T = 'Be the safest bank';
  const FINDINGS: LintFinding[] = [
    {
      code: 'unsupported_breakthrough',
      message: `Breakthrough "${T}" is supported by no annual objective`,
      values: { title: T },
    },
    {
      code: 'weakly_supported_breakthrough',
      message: `Breakthrough "${T}" is supported only by weak marks (△); at least one annual objective should support it strongly or clearly`,
      values: { title: T },
    },
    {
      code: 'initiative_without_kpi',
      message: 'Initiative "SOC 24/7" moves no KPI',
      values: { title: 'SOC 24/7' },
    },
    {
      code: 'kpi_not_moved',
      message: 'KPI "MTTD" is moved by no initiative, so nothing in this plan can reach its target',
      values: { title: 'MTTD' },
    },
    {
      code: 'kpi_without_impact',
      message:
        'KPI "MTTD" is marked by 1 initiative but none states its expected impact, so the pressure test cannot move it',
      values: { title: 'MTTD', count: 1 },
    },
    {
      code: 'kpi_without_impact',
      message:
        'KPI "MTTD" is marked by 3 initiatives but none states its expected impact, so the pressure test cannot move it',
      values: { title: 'MTTD', count: 3 },
    },
    { code: 'kpi_without_owner', message: 'KPI "MTTD" has no owner', values: { title: 'MTTD' } },
    {
      code: 'missing_baseline_or_target',
      message: 'KPI "MTTD" needs a baseline and a target; without a baseline its progress cannot be measured',
      values: { kind: 'kpi', title: 'MTTD', missing: 'both' },
    },
    {
      code: 'missing_baseline_or_target',
      message: 'Key result "Cut MTTR" needs a target; without a baseline its progress cannot be measured',
      values: { kind: 'key_result', title: 'Cut MTTR', missing: 'target' },
    },
    {
      code: 'hockey_stick',
      message:
        'KPI "MTTD" leaves 70 % of the year\'s change to the last quarter; spread it across the months',
      values: { title: 'MTTD', share: 70 },
    },
    {
      code: 'initiative_outside_year',
      message: 'Initiative "SOC" runs 2027-01-01 – 2027-06-30, entirely outside 2026',
      values: { title: 'SOC', start: '2027-01-01', end: '2027-06-30', year: 2026, extent: 'entirely' },
    },
    {
      code: 'initiative_outside_year',
      message:
        'Initiative "SOC" runs 2025-10-01 – …, beyond 2026; only its months inside the year count here',
      values: { title: 'SOC', start: '2025-10-01', end: null, year: 2026, extent: 'partly' },
    },
    {
      code: 'primary_owner_count',
      message: 'Initiative "SOC" has 2 primary owners; it needs exactly one',
      values: { title: 'SOC', count: 2 },
    },
    {
      code: 'owner_over_allocated',
      message: 'Ana Lima is planned at up to 120 % of capacity (limit 100 %) in month 3',
      values: { name: 'Ana Lima', peak: 120, limit: 100, months: [3] },
    },
    {
      code: 'owner_over_allocated',
      message: 'Ana Lima is planned at up to 120 % of capacity (limit 100 %) in months 3, 4, 5',
      values: { name: 'Ana Lima', peak: 120, limit: 100, months: [3, 4, 5] },
    },
    {
      code: 'too_many_items',
      message: '6 items in Breakthrough objectives; at most 5 are recommended',
      values: { count: 6, part: 'what', partName: 'Breakthrough objectives', max: 5 },
    },
    {
      code: 'too_many_items',
      message: '8 items in Strategic pillars; at most 7 are recommended',
      values: { count: 8, part: 'what', partName: 'Strategic pillars', max: 7 },
    },
    {
      code: 'title_number_mismatch',
      message:
        'Annual objective "From 24 h to 4 h" states numbers that no longer match its target (6); edit the title',
      values: { kind: 'annual_objective', title: 'From 24 h to 4 h', target: 6 },
    },
    {
      code: 'skill_gap',
      message: 'Nobody in this matrix holds LLM ops; 12.5 person-days are needed in months 2, 3',
      values: { reason: 'nobody_holds', skill: 'LLM ops', days: 12.5, months: [2, 3] },
    },
    {
      code: 'skill_gap',
      message: 'LLM ops is short by 4 person-days in months 7',
      values: { reason: 'demand_exceeds_supply', skill: 'LLM ops', days: 4, months: [7] },
    },
  ].map((finding) => ({ severity: 'error', itemIds: [], ...finding }) as LintFinding);

  it('covers every code', () => {
    expect(new Set(FINDINGS.map((f) => f.code))).toEqual(new Set(LINT_CODES));
  });

  it('writes every message of core in English word for word from its values', () => {
    for (const finding of FINDINGS) expect(lintText(finding)).toBe(finding.message);
  });

  it("shows core's English message when the values are absent or incomplete", () => {
    expect(lintText({ code: 'skill_gap', message: 'Something else' })).toBe('Something else');
    expect(lintText({ code: 'skill_gap', message: 'Something else', values: { skill: 'ops' } })).toBe(
      'Something else',
    );
  });

  it('translates a finding into German and Japanese', async () => {
    const starting = (words: string) => FINDINGS.find((f) => f.message.startsWith(words));
    const owner = starting('KPI "MTTD" has no owner');
    const items = starting('6 items');
    const gap = starting('Nobody');
    const load = starting('Ana Lima is planned at up to 120 % of capacity (limit 100 %) in months');
    await i18n.changeLanguage('de');
    try {
      expect(lintText(owner!)).toBe('Die KPI „MTTD“ hat keine verantwortliche Person');
      expect(lintText(gap!)).toBe(
        'Niemand in dieser Matrix hat LLM ops; 12,5 Personentage werden in den Monaten 2, 3 benötigt',
      );
      expect(lintText(items!)).toBe('6 Elemente in Durchbruchsziele; höchstens 5 werden empfohlen');
      expect(percentText(0.423)).toBe('42 %');
      expect(measureOf(2.45, 'h')).toBe('2,5 h');
      await i18n.changeLanguage('ja');
      expect(lintText(load!)).toBe(
        'Ana Limaは3、4、5月にキャパシティの最大120%（上限100%）で計画されています',
      );
      expect(lintText(gap!)).toBe(
        'このマトリックスにはLLM opsを持つ人がいません。2、3月に12.5人日が必要です',
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

describe('a scenario in words, in English', () => {
  it('reads as core describes it (the server saves those words), for every kind of change', () => {
    const impact = {
      kpi: 'k',
      low: 1,
      likely: 2,
      high: 3,
      basis: 'absolute' as const,
      startMonth: 1,
      rampMonths: 0,
    };
    const basis: WhatIfBasis = {
      matrixId: 'm',
      model: {
        kpis: [
          {
            id: 'k',
            title: 'MTTD',
            unitOfMeasure: 'h',
            direction: 'decrease',
            baseline: 24,
            target: 8,
            targetHigh: null,
          },
        ],
        initiatives: [
          { id: 'a', title: 'SOAR playbooks', deliveryProbability: 0.8, impacts: [impact] },
          { id: 'b', title: 'ML detection', deliveryProbability: 1, impacts: [impact] },
        ],
        targets: [],
      },
      capacity: {
        people: [{ id: 'p', name: 'Aisha Bello', skills: ['detection'], monthlyCapacity: 10 }],
        initiatives: [],
        targets: [],
      },
      movedBy: { k: ['a', 'b'] },
    };
    const scenario: Scenario = {
      ...EMPTY_SCENARIO,
      droppedInitiatives: ['b'],
      delivery: { a: 0.9 },
      impacts: [{ initiativeId: 'a', kpiId: 'k', low: 2, likely: 4, high: 6 }],
      effort: { 'a|detection': 6 },
      addedInitiatives: [
        { id: 'new', title: 'Threat hunting', deliveryProbability: 0.7, impacts: [], effort: [] },
      ],
      droppedPeople: ['p'],
      addedPeople: [{ id: 'q', name: 'New analyst', skills: ['detection', 'soc'], monthlyCapacity: 15 }],
    };
    expect(describeScenarioText(basis, scenario)).toEqual(describeScenario(basis, scenario));
    expect(describeScenarioText(basis, scenario)).toHaveLength(7);
  });
});
