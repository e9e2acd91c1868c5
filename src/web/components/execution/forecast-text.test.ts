// A target's forecast reads in English exactly as core's sentence (which the server sends), and in
// German and Japanese in their words and number forms.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forecastSentence } from '../../../core/forecast';
import { i18n, startI18n } from '../../i18n/i18n';
import { forecastText } from './forecast-text';

beforeAll(async () => {
  await startI18n('en');
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

const increase = { target: 60, targetHigh: null, direction: 'increase' as const, unitOfMeasure: '%' };
const band = { target: 2, targetHigh: 5.5, direction: 'band' as const, unitOfMeasure: 'min' };
const point = (month: number, probability: number) => ({
  month,
  probability,
  asOf: '2026-01-31',
  actual: null,
  median: 0,
});
const SERIES = [
  [],
  [point(9, 0.34)],
  [point(3, 0.61), point(9, 0.34)],
  [point(3, 0.345), point(9, 0.34)],
  [point(1, 0.0004), point(2, 0.003), point(12, 0.993)],
];

describe('forecastText', () => {
  it("writes core's sentence in English word for word", () => {
    for (const target of [increase, band, { ...increase, unitOfMeasure: '€', target: 1200 }])
      for (const points of SERIES)
        expect(forecastText({ ...target, points })).toBe(forecastSentence(target, points));
  });

  it('writes it in German and Japanese', async () => {
    const points = [point(3, 0.61), point(9, 0.34)];
    await i18n.changeLanguage('de');
    expect(forecastText({ ...increase, points })).toBe(
      'Chance, 60 % bis Dezember zu erreichen, jetzt: 34 % (im März: 61 %)',
    );
    expect(forecastText({ ...band, points: [point(9, 0.34)] })).toBe(
      'Chance, zwischen 2 und 5,5 min bis Dezember zu erreichen, jetzt: 34 %',
    );
    await i18n.changeLanguage('ja');
    expect(forecastText({ ...increase, points })).toBe(
      '12月までに60 %に到達する見込み（現在）：34%（3月は61%）',
    );
  });
});
