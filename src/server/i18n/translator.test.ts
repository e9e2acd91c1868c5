import { describe, expect, it } from 'vitest';
import { acceptedLanguages, readerLanguage } from './reader-language';
import { shownPartNames } from './part-names';
import { translatorFor } from './translator';
import { DEFAULT_PART_NAMES } from '../../core/x-matrix-parts';

describe('server messages', () => {
  it('formats ICU plurals and selects in each language', () => {
    expect(translatorFor('en').t('email:digest.subject', { count: 1 })).toBe(
      'Catchball: 1 item needs a check-in',
    );
    expect(translatorFor('en').t('email:digest.subject', { count: 3 })).toBe(
      'Catchball: 3 items need a check-in',
    );
    expect(translatorFor('de').t('email:digest.subject', { count: 3 })).toBe(
      'Catchball: 3 Einträge brauchen einen Check-in',
    );
    expect(translatorFor('ja').t('email:digest.subject', { count: 3 })).toBe(
      'Catchball：3件のチェックインが必要です',
    );
    expect(translatorFor(null).t('export:legend.strong')).toBe('strong');
    expect(translatorFor('ja').t('export:legend.strong')).toBe('強');
    expect(translatorFor('ja').locale).toBe('ja-JP');
  });

  it('names default parts in the reader’s language and keeps an organisation’s own', () => {
    const names = { ...DEFAULT_PART_NAMES, how: 'Tactics' };
    expect(shownPartNames(names, translatorFor('ja').t)).toMatchObject({
      how_far: '年度目標',
      how: 'Tactics',
    });
    expect(shownPartNames(names, translatorFor('en').t)).toEqual(names);
  });

  it('picks the account’s language, else the browser’s, else English', () => {
    expect(acceptedLanguages('fr-CH, de;q=0.9, ja;q=0.95, *;q=0.1')).toEqual(['fr-CH', 'ja', 'de']);
    expect(readerLanguage('de', 'ja')).toBe('de');
    expect(readerLanguage(null, 'fr, de-AT;q=0.8')).toBe('de');
    expect(readerLanguage(null, undefined)).toBe('en');
    expect(readerLanguage('xx', 'en-US')).toBe('en');
  });
});
