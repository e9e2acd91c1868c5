/**
 * The Intl locale numbers, dates and month names are formatted in: the reader's language with the
 * region whose conventions Catchball follows for it (day-month-year English, as the app was
 * written; German and Japanese as written in Germany and Japan).
 */
import type { Language } from '../../core/languages';
import { currentLanguage } from './i18n';

const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE', ja: 'ja-JP' };

export function currentLocale(): string {
  return LOCALES[currentLanguage()];
}
