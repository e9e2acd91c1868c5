/**
 * The messages the server writes itself (e-mails, exports), read once from the same files as the
 * web app's: src/locales/<language>/<namespace>.json. `common` is loaded for the default part
 * names (`common:parts`), `email` for mails, `export` for the X-matrix drawings and workbook;
 * `cli` and `pressure` (the pressure test's sentences) for the command line (src/cli/i18n.ts).
 */
import { readFileSync } from 'node:fs';
import { LANGUAGES, type Language } from '../../core/languages';

export const SERVER_NAMESPACES = ['common', 'email', 'export', 'cli', 'pressure'] as const;
export type ServerNamespace = (typeof SERVER_NAMESPACES)[number];

type Messages = Record<string, unknown>;

const root = new URL('../../locales/', import.meta.url);

/** Every server namespace of every language, as i18next's `resources`. Throws on a missing file. */
export function loadServerMessages(): Record<Language, Record<ServerNamespace, Messages>> {
  return Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      Object.fromEntries(
        SERVER_NAMESPACES.map((ns) => [
          ns,
          JSON.parse(readFileSync(new URL(`${language}/${ns}.json`, root), 'utf8')) as Messages,
        ]),
      ),
    ]),
  ) as Record<Language, Record<ServerNamespace, Messages>>;
}
