/**
 * The language the command line speaks: `--language <en|de|ja>`, else CATCHBALL_LANGUAGE, else the
 * POSIX locale (LC_ALL, then LC_MESSAGES, then LANG: `de_DE.UTF-8` → de; `C` and `POSIX` → en),
 * else English. Decided before the program is built, since commander takes its help texts then.
 */
import { DomainError } from '../core/errors';
import { isLanguage, LANGUAGES, pickLanguage, type Language } from '../core/languages';

/** The value given to `--language` (`--language de` or `--language=de`), if any; the last one wins. */
export function languageArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--') break;
    if (arg === '--language') value = argv[++index] ?? '';
    else if (arg.startsWith('--language=')) value = arg.slice('--language='.length);
  }
  return value;
}

/**
 * The locale the environment asks for, POSIX precedence: the first of LC_ALL, LC_MESSAGES and LANG
 * that is set and not empty. `C` and `POSIX` (and an unset locale) mean English.
 */
export function localeLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  if (locale === undefined || locale === 'C' || locale === 'POSIX' || locale.startsWith('C.')) return 'en';
  return pickLanguage([locale]);
}

/**
 * The CLI's language for these arguments and this environment. An unknown `--language` or
 * CATCHBALL_LANGUAGE is refused (validation_failed, exit 2) rather than quietly ignored.
 */
export function cliLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language {
  const given = languageArgument(argv);
  if (given !== undefined) {
    if (isLanguage(given)) return given;
    throw new DomainError('validation_failed', `--language ${given} is not one of ${LANGUAGES.join(', ')}`);
  }
  const fromEnv = env.CATCHBALL_LANGUAGE;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (isLanguage(fromEnv)) return fromEnv;
    throw new DomainError(
      'validation_failed',
      `CATCHBALL_LANGUAGE=${fromEnv} is not one of ${LANGUAGES.join(', ')}`,
    );
  }
  return localeLanguage(env);
}
