import { describe, expect, it } from 'vitest';
import { formatMeasure, likelihoodOf, oddsOf, outlookSentence, percentOf } from './outlook-wording';

describe('likelihoodOf', () => {
  it.each([
    [1, 'almost_certain'],
    [0.95, 'almost_certain'],
    [0.949, 'likely'],
    [0.65, 'likely'],
    [0.5, 'about_even'],
    [0.35, 'about_even'],
    [0.34, 'unlikely'],
    [0.05, 'unlikely'],
    [0.049, 'very_unlikely'],
    [0, 'very_unlikely'],
  ])('%s is %s', (p, band) => expect(likelihoodOf(p)).toBe(band));
});

describe('oddsOf', () => {
  it.each([
    [0, 'it happened in no trial'],
    [0.003, 'under 1 in 100'],
    [0.05, 'about 1 in 20'],
    [0.3, 'about 3 in 10'],
    [0.96, 'about 96 in 100'],
    [0.995, 'over 99 in 100'],
    [1, 'it happened in every trial'],
  ])('%s reads %s', (p, words) => expect(oddsOf(p)).toBe(words));
});

describe('formatMeasure and percentOf', () => {
  it('rounds to what the unit carries', () => {
    expect(formatMeasure(42.7381, 'min')).toBe('43 min');
    expect(formatMeasure(4.26, 'h')).toBe('4.3 h');
    expect(formatMeasure(0.1234, '')).toBe('0.12');
    expect(formatMeasure(2.6, 'teams')).toBe('3 teams');
    expect(formatMeasure(1200, '€')).toBe('€ 1,200');
    expect(percentOf(0.003)).toBe('0.3 %');
    expect(percentOf(0.4213)).toBe('42 %');
    expect(percentOf(0.0004)).toBe('under 0.1 %');
  });
});

describe('outlookSentence', () => {
  const base = { direction: 'decrease' as const, target: 30, targetHigh: null, unitOfMeasure: 'min' };
  it('says how likely, in odds, and what 4-in-5 confidence reaches', () => {
    expect(outlookSentence({ ...base, probability: 0.003, p80: 42.74 })).toBe(
      'Reaching 30 min by December is very unlikely — under 1 in 100. With 4-in-5 confidence the team reaches about 43 min.',
    );
  });
  it('words each band', () => {
    const at = (probability: number) => outlookSentence({ ...base, probability, p80: 30 });
    expect(at(0.97)).toBe('Reaching 30 min by December is almost certain — about 97 in 100.');
    expect(at(0.7)).toContain('is likely — about 7 in 10.');
    expect(at(0.5)).toContain('is about even — about 5 in 10.');
    expect(at(0.1)).toContain('is unlikely — about 1 in 10.');
  });
  it('words a band target as staying within it', () => {
    expect(
      outlookSentence({
        direction: 'band',
        target: 2,
        targetHigh: 5,
        unitOfMeasure: '%',
        probability: 0.8,
        p80: 4,
      }),
    ).toMatch(/^Staying within 2-5 % by December is likely/);
  });
});
