/**
 * The pressure test's plain words in the reader's language: the sentences core/outlook-wording.ts
 * writes in English for the server and the CLI, composed here as messages (namespace `pressure`)
 * from the same bands, odds and rounded values. In English they read exactly as core's.
 */
import { likelihoodOf, roundForUnit, type OutlookForWording } from '../../../core/outlook-wording';
import type { NotSimulatedReason } from '../../../core/simulation-coverage';
import type { Scenario, WhatIfBasis } from '../../../core/what-if';
import { currentLanguage, i18n } from '../../i18n/i18n';
import { currentLocale } from '../../i18n/locale';

const formats = new Map<string, Intl.NumberFormat>();

/** One formatter per locale and precision: a chart of 30 histograms formats many values a render. */
function numberFormat(options: { min?: number; max: number }): Intl.NumberFormat {
  const key = `${currentLocale()}|${options.min ?? ''}|${options.max}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(currentLocale(), {
      ...(options.min !== undefined ? { minimumFractionDigits: options.min } : {}),
      maximumFractionDigits: options.max,
    });
    formats.set(key, format);
  }
  return format;
}

/** "43 min", "12 %", "3 teams", "€ 1,200": core's formatMeasure, in the reader's number format. */
export function measureOf(value: number, unitOfMeasure: string): string {
  const rounded = numberFormat({ max: 6 }).format(roundForUnit(value, unitOfMeasure));
  const unit = unitOfMeasure.trim();
  if (unit === '') return rounded;
  if (/^[€$£¥]$/.test(unit)) return `${unit} ${rounded}`;
  return `${rounded} ${unit}`;
}

/** "30 min", or "2-5 %" for a band: core's goalOf. */
export function goalText(
  outlook: Pick<OutlookForWording, 'target' | 'targetHigh' | 'unitOfMeasure' | 'direction'>,
): string {
  if (outlook.direction === 'band' && outlook.targetHigh !== null)
    return `${measureOf(outlook.target, '')}-${measureOf(outlook.targetHigh, outlook.unitOfMeasure)}`;
  return measureOf(outlook.target, outlook.unitOfMeasure);
}

/** "0.3 %", "42 %", "under 0.1 %", "100 %": core's percentOf. */
export function percentText(probability: number): string {
  const percent = probability * 100;
  if (percent > 0 && percent < 0.1)
    return i18n.t('pressure:percent.under', { value: numberFormat({ max: 1 }).format(0.1) });
  const oneDecimal = (percent < 99.9 && percent > 99) || (percent < 1 && percent > 0);
  const value = oneDecimal
    ? numberFormat({ min: 1, max: 1 }).format(percent)
    : numberFormat({ max: 0 }).format(Math.round(percent));
  return i18n.t('pressure:percent.value', { value });
}

/** "almost certain" … "very unlikely", the badge of a probability. */
export function likelihoodText(probability: number): string {
  return i18n.t(`pressure:likelihood.${likelihoodOf(probability)}`);
}

/** Odds a person can picture: core's oddsOf. */
export function oddsText(probability: number): string {
  if (probability <= 0) return i18n.t('pressure:odds.never');
  if (probability >= 1) return i18n.t('pressure:odds.always');
  if (probability < 0.01) return i18n.t('pressure:odds.under1in100');
  if (probability < 0.095) return i18n.t('pressure:odds.oneIn', { n: Math.round(1 / probability) });
  if (probability <= 0.905) return i18n.t('pressure:odds.inTen', { n: Math.round(probability * 10) });
  if (probability < 0.99) return i18n.t('pressure:odds.inHundred', { n: Math.round(probability * 100) });
  return i18n.t('pressure:odds.over99in100');
}

/**
 * The headline sentence of a target: core's outlookSentence, e.g. "Reaching 30 min by December is
 * very unlikely — under 1 in 100. With 4-in-5 confidence the team reaches about 43 min."
 */
export function outlookText(outlook: OutlookForWording): string {
  const values = {
    direction: outlook.direction === 'band' ? 'band' : 'other',
    goal: goalText(outlook),
    band: likelihoodOf(outlook.probability),
    odds: oddsText(outlook.probability),
  };
  if (outlook.probability >= 0.95) return i18n.t('pressure:outlook.certain', values);
  return i18n.t('pressure:outlook.sentence', {
    ...values,
    p80: measureOf(outlook.p80, outlook.unitOfMeasure),
  });
}

/** Why a KPI is not simulated: core's notSimulatedMessage. */
export function notSimulatedText(reason: NotSimulatedReason, markCount: number): string {
  return reason === 'no_initiative'
    ? i18n.t('pressure:notSimulated.noInitiative')
    : i18n.t('pressure:notSimulated.noStatedImpact', { count: markCount });
}

/** English as the app has always written it ("Sep"; Intl's en-GB writes "Sept"). */
const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month names in the reader's language, January first: short ("Jan") or long ("January"). */
export function monthNames(month: 'short' | 'long' = 'short'): string[] {
  if (month === 'short' && currentLanguage() === 'en') return ENGLISH_MONTHS;
  const format = new Intl.DateTimeFormat(currentLocale(), { month, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2026, m, 1))));
}

/** The changes of a what-if in words, one phrase each: core's describeScenario, in the reader's language. */
export function describeScenarioText(basis: WhatIfBasis, scenario: Scenario): string[] {
  const titleOf = (id: string) =>
    basis.model.initiatives.find((i) => i.id === id)?.title ??
    scenario.addedInitiatives.find((i) => i.id === id)?.title ??
    id;
  const kpiOf = (id: string) => basis.model.kpis.find((k) => k.id === id)?.title ?? id;
  const personOf = (id: string) => basis.capacity.people.find((p) => p.id === id)?.name ?? id;
  return [
    ...scenario.droppedInitiatives.map((id) => i18n.t('pressure:describe.without', { name: titleOf(id) })),
    ...Object.entries(scenario.delivery).map(([id, p]) =>
      i18n.t('pressure:describe.delivery', { title: titleOf(id), percent: Math.round(p * 100) }),
    ),
    ...scenario.impacts.map((c) =>
      i18n.t('pressure:describe.impact', {
        title: titleOf(c.initiativeId),
        kpi: kpiOf(c.kpiId),
        low: c.low,
        high: c.high,
        likely: c.likely,
      }),
    ),
    ...Object.entries(scenario.effort).map(([key, days]) => {
      const [id = '', skill = ''] = key.split('|');
      return i18n.t('pressure:describe.effort', { title: titleOf(id), days, skill });
    }),
    ...scenario.addedInitiatives.map((i) => i18n.t('pressure:describe.addInitiative', { title: i.title })),
    ...scenario.droppedPeople.map((id) => i18n.t('pressure:describe.without', { name: personOf(id) })),
    ...scenario.addedPeople.map((p) =>
      i18n.t('pressure:describe.addPerson', {
        name: p.name,
        skills: p.skills.join(', '),
        days: p.monthlyCapacity,
      }),
    ),
  ];
}
