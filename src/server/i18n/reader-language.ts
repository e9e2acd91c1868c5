/**
 * Which language a reader gets a file or a mail in: the one chosen on their account
 * (users.language), else the first supported one their browser asks for (Accept-Language),
 * else English.
 */
import { isLanguage, pickLanguage, type Language } from '../../core/languages';

/**
 * The tags of an Accept-Language header, most wanted first (`de-AT,de;q=0.9,en;q=0.5` →
 * `de-AT`, `de`, `en`); `*` and tags with q=0 are left out.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The account's language when it has one, else the header's best supported one, else English. */
export function readerLanguage(
  chosen: string | null | undefined,
  acceptLanguage: string | undefined,
): Language {
  return isLanguage(chosen) ? chosen : pickLanguage(acceptedLanguages(acceptLanguage));
}
