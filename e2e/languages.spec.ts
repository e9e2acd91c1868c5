import type { ConsoleMessage } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_PAGES } from './support/app-pages';
import { expect, test } from './support/sign-in';

/**
 * Every page in German and in Japanese, as a browser set to that language shows it to the demo
 * administrator (whose account follows the browser): `<html lang>` follows, no message key is
 * missing at run time, and no English message shows where a translation exists — a component that
 * still renders an English message (a key read from the wrong namespace, a message left out of the
 * translation) fails here. Key-by-key completeness is src/locales/messages.test.ts's.
 */

type Tree = { [key: string]: string | Tree };
const LOCALES = join(import.meta.dirname, '../src/locales');

function messages(language: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree))
      if (typeof value === 'string') out.set(`${prefix}.${key}`, value);
      else walk(value, `${prefix}.${key}`);
  };
  for (const file of readdirSync(join(LOCALES, language)))
    walk(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as Tree, file.replace('.json', ''));
  return out;
}

const english = messages('en');

/**
 * English messages that would give away an untranslated page: whole static sentences or labels of
 * three words or more (no ICU arguments), whose translation differs from them.
 */
function telltales(language: string): string[] {
  const translated = messages(language);
  return [...english]
    .filter(
      ([key, text]) => !/[{}<]/.test(text) && text.split(/\s+/).length >= 3 && translated.get(key) !== text,
    )
    .map(([, text]) => text);
}

const SETTINGS = { de: { locale: 'de-DE' }, ja: { locale: 'ja-JP' } } as const;

for (const [language, { locale }] of Object.entries(SETTINGS)) {
  test.describe(`the app in ${language}`, () => {
    test.use({ locale });
    const giveaways = telltales(language);

    for (const [name, path] of APP_PAGES) {
      test(`${name}: in ${language}, no key missing, no English message`, async ({ page }) => {
        const missing: string[] = [];
        page.on('console', (message: ConsoleMessage) => {
          if (message.text().includes('[i18n] missing key')) missing.push(message.text());
        });
        await page.goto(path);
        await expect(page.getByRole('main')).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        const text = await page.locator('body').innerText();
        expect(missing).toEqual([]);
        expect(giveaways.filter((sentence) => text.includes(sentence))).toEqual([]);
      });
    }

    test(`sign-in page in ${language}`, async ({ browser }) => {
      const context = await browser.newContext({ locale, storageState: { cookies: [], origins: [] } });
      const page = await context.newPage();
      await page.goto('/sign-in');
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toHaveCount(0);
      await context.close();
    });
  });
}
