import { describe, expect, it } from 'vitest';
import { cliLanguage, languageArgument, localeLanguage } from './language';

describe('the command line’s language', () => {
  it('takes --language first, in either form, wherever it stands', () => {
    expect(languageArgument(['check', 'plan.yaml', '--language', 'de'])).toBe('de');
    expect(languageArgument(['--language=ja', 'backup', 'x.gz'])).toBe('ja');
    expect(languageArgument(['check', '--', '--language', 'de'])).toBeUndefined();
    expect(cliLanguage(['--language', 'ja'], { CATCHBALL_LANGUAGE: 'de', LANG: 'de_DE.UTF-8' })).toBe('ja');
  });

  it('then CATCHBALL_LANGUAGE, then the POSIX locale, then English', () => {
    expect(cliLanguage([], { CATCHBALL_LANGUAGE: 'de', LANG: 'ja_JP.UTF-8' })).toBe('de');
    expect(cliLanguage([], { LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(cliLanguage([], { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'de_DE', LANG: 'en_GB' })).toBe('ja');
    expect(cliLanguage([], { LC_ALL: '', LC_MESSAGES: 'de_AT.UTF-8', LANG: 'ja_JP' })).toBe('de');
    expect(cliLanguage([], { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(cliLanguage([], {})).toBe('en');
  });

  it('reads C and POSIX as English', () => {
    expect(localeLanguage({ LC_ALL: 'C', LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(localeLanguage({ LANG: 'POSIX' })).toBe('en');
    expect(localeLanguage({ LANG: 'C.UTF-8' })).toBe('en');
  });

  it('refuses a language it does not speak', () => {
    expect(() => cliLanguage(['--language', 'fr'], {})).toThrow('--language fr is not one of en, de, ja');
    expect(() => cliLanguage([], { CATCHBALL_LANGUAGE: 'fr' })).toThrow(
      'CATCHBALL_LANGUAGE=fr is not one of en, de, ja',
    );
  });
});
