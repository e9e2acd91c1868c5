/**
 * The one i18next instance of the web app, with ICU messages (plurals, selects and numbers as
 * `{count, plural, one {# objective} other {# objectives}}`). English is bundled; German and
 * Japanese load when first chosen. A key missing from every language is reported on the console
 * as `[i18n] missing key` — the browser tests fail on that line.
 */
import i18next from 'i18next';
import ICU from 'i18next-icu';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../core/languages';
import { en, NAMESPACES } from './resources';

const translations = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../locales/de/*.json',
  '../../locales/ja/*.json',
]);

export const i18n = i18next.createInstance();

/** Starts the instance in `language`; resolves once that language's messages are loaded. */
export async function startI18n(language: Language): Promise<void> {
  await i18n
    .use(ICU)
    .use(initReactI18next)
    .use(
      resourcesToBackend(async (lng: string, ns: string) => {
        const load = translations[`../../locales/${lng}/${ns}.json`];
        if (!load) throw new Error(`no ${lng} messages for ${ns}`);
        return (await load()).default;
      }),
    )
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: NAMESPACES,
      defaultNS: 'common',
      resources: { en },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      returnNull: false,
      saveMissing: true,
      missingKeyHandler: (_lngs, ns, key) => {
        console.error(`[i18n] missing key ${ns}:${key}`);
      },
      react: { useSuspense: false },
    });
}

/** The language messages are shown in now. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
}
