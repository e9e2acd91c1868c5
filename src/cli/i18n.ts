/**
 * The command line's messages in its language (language.ts), from the `cli` namespace through the
 * server's i18next instance (src/server/i18n). Numbers are written as the server writes them: as
 * JavaScript prints them in English (so English output reads as it always has), for the locale in
 * German and Japanese.
 */
import type { Language } from '../core/languages';
import type { StoreConfig } from '../server/db/store';
import { formatNumber, translatorFor, type Translate } from '../server/i18n';

export interface CliText {
  language: Language;
  /** The Intl locale of its numbers: `en-GB`, `de-DE`, `ja-JP`. */
  locale: string;
  /** A `cli` message: `t('backup.start', { store, file })`; another namespace by its prefix (`pressure:…`). */
  t: Translate;
  /** A number for a message: `1234.5` in English, `1.234,5` in German. */
  num: (value: number) => string;
}

export function cliText(language: Language): CliText {
  const translator = translatorFor(language);
  return {
    language,
    locale: translator.locale,
    t: (key, values) => translator.t(key.includes(':') ? key : `cli:${key}`, values),
    num: (value) => formatNumber(translator, value),
  };
}

/** Where a store is, as describeStore (server/config.ts) writes it, in the CLI's language. */
export function describeStoreIn(text: CliText, config: StoreConfig): string {
  if ('databaseUrl' in config)
    return text.t('store.postgres', { url: config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@') });
  if ('dataDir' in config) return text.t('store.dataDir', { dir: config.dataDir });
  return text.t('store.memory');
}
