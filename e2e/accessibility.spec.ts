import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { APP_PAGES as PAGES } from './support/app-pages';
import { expect, test } from './support/sign-in';

/**
 * axe-core on every page of the app, signed in as the demo administrator (and the sign-in page
 * signed out): no serious or critical issue. A failure lists each rule with the elements it found.
 */

async function seriousIssues(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact ?? ''}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(' | ')}${violation.nodes.length > 5 ? ` … ${String(violation.nodes.length)} in all` : ''}`,
    );
}

test.describe('accessibility (axe-core)', () => {
  for (const [name, path] of PAGES) {
    test(`${name}: no serious or critical issue`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('main')).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await seriousIssues(page)).toEqual([]);
    });
  }

  test('sign-in page: no serious or critical issue', async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    expect(await seriousIssues(page)).toEqual([]);
    await context.close();
  });
});
