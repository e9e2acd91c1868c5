// The rule of "How was this computed" reads in English exactly as core's summary, and in German
// and Japanese in their words.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { objectiveProgress, type RollupTerm } from '../../../core/progress';
import { i18n, startI18n } from '../../i18n/i18n';
import { explanationSummary } from './explanation-text';

beforeAll(async () => {
  await startI18n('en');
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

const term = (id: string, weight: number, progress = 0.5): RollupTerm => ({
  kind: 'key_result',
  id,
  title: id,
  progress,
  weight,
});

const CASES: RollupTerm[][] = [
  [],
  [term('a', 1)],
  [term('a', 1), term('b', 2), term('c', 0.3333)],
  [term('a', 0), term('b', 0)],
  [term('a', 0)],
];

describe('explanationSummary', () => {
  it("writes core's summary in English word for word", () => {
    for (const terms of CASES) {
      const explanation = objectiveProgress(terms);
      expect(explanationSummary(explanation)).toBe(explanation.summary);
    }
  });

  it('writes the rule in German and Japanese', async () => {
    const weighted = objectiveProgress([term('a', 1), term('b', 1.5)]);
    const equal = objectiveProgress([term('a', 0)]);
    await i18n.changeLanguage('de');
    expect(explanationSummary(weighted)).toBe(
      'Gewichteter Durchschnitt von 2 Termen: Σ(Gewicht × Fortschritt) / 2,5',
    );
    expect(explanationSummary(equal)).toBe('Jedes Gewicht ist 0, daher zählt der 1 Term gleich');
    await i18n.changeLanguage('ja');
    expect(explanationSummary(weighted)).toBe('2項目の加重平均：Σ（重み × 進捗）／2.5');
  });
});
