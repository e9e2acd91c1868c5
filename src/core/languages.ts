/**
 * The languages Catchball is written in. English is the source language: every message exists in
 * it first, and a message missing in another language is a bug (test/i18n checks it).
 */
export const LANGUAGES = ['en', 'de', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, as its readers look for it in a list. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', ja: '日本語' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first supported language among a reader's preferences (BCP 47 tags such as `de-AT` or
 * `ja`, most wanted first, as `navigator.languages` or `Accept-Language` give them); English when
 * none is supported.
 */
export function pickLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const base = tag.trim().toLowerCase().split(/[-_;]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
