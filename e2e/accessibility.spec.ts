import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/sign-in';

/**
 * axe-core on every page of the app, signed in as the demo administrator (and the sign-in page
 * signed out): no serious or critical issue. A failure lists each rule with the elements it found.
 */
const PAGES: [name: string, path: string][] = [
  ['organisations', '/'],
  ['overview', '/org/acme/overview'],
  ['strategy map', '/org/acme/map'],
  ['dashboard', '/org/acme/units/cso/dashboard'],
  ['OKRs', '/org/acme/units/cso/okrs'],
  ['X-matrix', '/org/acme/units/cso/matrix/2026'],
  ['pressure test', '/org/acme/units/cso/pressure/2026'],
  ['bowling chart', '/org/acme/units/cso/bowling/2026'],
  ['history', '/org/acme/units/cso/history'],
  ['translate', '/org/acme/translate/cso'],
  ['settings: general', '/org/acme/settings/general'],
  ['settings: units', '/org/acme/settings/units'],
  ['settings: cycles', '/org/acme/settings/cycles'],
  ['settings: people', '/org/acme/settings/people'],
  ['settings: notifications', '/org/acme/settings/notifications'],
  ['members', '/org/acme/members'],
  ['API tokens', '/org/acme/api-tokens'],
  ['OKR import', '/org/acme/import'],
  ['X-matrix import', '/org/acme/import/matrix'],
  ['check-in upload', '/org/acme/check-ins/upload'],
  ['site users', '/admin/users'],
];

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
