/**
 * Which language the web app reads in: the account's choice once signed in, else the last choice
 * made in this browser (so a page load starts in it before the session arrives), else the
 * browser's languages. Also sets `<html lang>` so screen readers and fonts follow.
 */
import { isLanguage, pickLanguage, type Language } from '../../core/languages';
import { i18n } from './i18n';
import { loadJapaneseFont } from './japanese-font';

const STORAGE_KEY = 'catchball.language';

/** The language to start in before the session is known. */
export function initialLanguage(): Language {
  const stored = readStored();
  return stored ?? browserLanguage();
}

/** The browser's first supported language (English when it prefers none of them). */
export function browserLanguage(): Language {
  return pickLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

/**
 * Shows the app in the account's language, or the browser's when the account chose none; the
 * choice is remembered in this browser for the next page load.
 */
export async function applyLanguage(accountLanguage: Language | null): Promise<void> {
  const language = accountLanguage ?? browserLanguage();
  try {
    if (accountLanguage) localStorage.setItem(STORAGE_KEY, accountLanguage);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be refused (private windows); the account still carries the choice.
  }
  document.documentElement.lang = language;
  if (language === 'ja') await loadJapaneseFont();
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

function readStored(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}
