import type { ConsoleMessage } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_PAGES } from './support/app-pages';
import { DEMO_ACCOUNTS, expect, newSession, test } from './support/sign-in';

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
      ([key, text]) =>
        !/[{}<]/.test(text) &&
        text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 3 &&
        translated.get(key) !== text,
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

test('a person chooses Japanese in the account menu: every page follows, on every device, until they choose the browser again', async ({
  browser,
  playwright,
  baseURL,
}) => {
  // The demo viewer, so the administrator the other specs sign in as keeps following the browser.
  const viewer = await newSession(playwright, baseURL, DEMO_ACCOUNTS.viewer.email);
  const context = await browser.newContext({ storageState: viewer.storageState });
  const page = await context.newPage();
  await page.goto('/org/acme/units/cso/matrix/2026');
  await expect(page.getByRole('link', { name: 'X-matrix', exact: true })).toBeVisible();

  await page.getByTestId('account-name').click();
  await page.getByRole('menuitem', { name: 'Language…' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('link', { name: 'Xマトリックス', exact: true })).toBeVisible();
  await expect(page.getByText('表示言語を日本語にしました。')).toBeVisible();

  // Another browser (English) signed in as the same person reads Japanese too.
  const elsewhere = await browser.newContext({ locale: 'en-GB', storageState: viewer.storageState });
  const other = await elsewhere.newPage();
  await other.goto('/org/acme/units/cso/okrs');
  await expect(other.locator('html')).toHaveAttribute('lang', 'ja');
  await elsewhere.close();

  await page.getByTestId('account-name').click();
  await page.getByRole('menuitem', { name: '言語…' }).click();
  await page.getByRole('combobox', { name: '言語' }).selectOption('browser');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'X-matrix', exact: true })).toBeVisible();
  await context.close();
});
