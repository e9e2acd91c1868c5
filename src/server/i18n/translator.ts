/**
 * The server's one i18next instance, with ICU messages exactly as the web app writes them
 * (`{name}`, `{count, plural, one {# item} other {# items}}`, `{state, select, …}`). Started on
 * first use, synchronously, from the files in src/locales (see messages.ts).
 */
import i18next, { type i18n as I18n } from 'i18next';
import ICU from 'i18next-icu';
import { LANGUAGES, type Language } from '../../core/languages';
import { loadServerMessages, SERVER_NAMESPACES } from './messages';

/**
 * A message in one language: `t('email:greeting', { name })`. The key names its namespace; a key
 * missing from the language falls back to English, and a key missing everywhere is returned as is.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A language's messages and the Intl locale its numbers and dates are written in. */
export interface Translator {
  language: Language;
  /** `en-GB`, `de-DE` or `ja-JP`: the regions whose conventions Catchball follows (as the web app). */
  locale: string;
  t: Translate;
}

const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE', ja: 'ja-JP' };

let instance: I18n | null = null;

function started(): I18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.use(ICU).init({
    initAsync: false,
    resources: loadServerMessages(),
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: [...SERVER_NAMESPACES],
    defaultNS: 'email',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = created;
  return created;
}

const cache = new Map<Language, Translator>();

/** The messages of `language` (English when null or undefined). */
export function translatorFor(language: Language | null | undefined): Translator {
  const lng = language ?? 'en';
  const known = cache.get(lng);
  if (known) return known;
  const fixed = started().getFixedT(lng) as unknown as (key: string, values?: object) => string;
  const translator: Translator = {
    language: lng,
    locale: LOCALES[lng],
    t: (key, values) => fixed(key, values ?? {}),
  };
  cache.set(lng, translator);
  return translator;
}
