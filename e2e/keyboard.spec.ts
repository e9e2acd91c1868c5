import type { Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, test } from './support/sign-in';
import { scratchUrl } from '../playwright.config';

/**
 * The coach's journey by keyboard alone: no click, no fill — only Tab, arrows, Enter, Space and
 * typed text, with addresses typed as a person types them in the address bar. Runs on a demo
 * server of its own, since it writes.
 */
test.use({ baseURL: scratchUrl('keyboard') });

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, { back = false, limit = 200 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(limit)} presses of Tab never reached ${target.toString()}`);
}

const focused = (page: Page) => page.locator('*:focus');

test('a coach signs in, checks in, marks the X-matrix and reads the pressure test by keyboard alone', async ({
  browser,
}) => {
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();

  await test.step('sign in', async () => {
    await page.goto('/sign-in');
    await tabTo(page, page.getByLabel('E-mail'));
    await page.keyboard.type(DEMO_ACCOUNTS.admin.email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /^Account: / })).toBeVisible();
  });

  await test.step('open the CSO unit and its OKRs from the unit tree', async () => {
    await page.goto('/org/acme');
    // The unit tree is one Tab stop; the arrows move within it.
    await tabTo(page, page.getByRole('treeitem', { selected: true }));
    await page.keyboard.press('ArrowDown');
    await expect(focused(page)).toHaveAccessibleName(/^Security \(CSO\)/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/units\/cso/);
    await tabTo(page, page.getByRole('link', { name: 'OKRs', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/units\/cso\/okrs/);
  });

  await test.step('check in on a key result', async () => {
    const row = page.locator('#key-result-cso-kr1-1');
    await tabTo(page, row.getByRole('button', { name: 'Check in', exact: true }));
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: /^Check in on / });
    await tabTo(page, form.getByLabel('Value'));
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await expect(form).toBeHidden();
    await expect(row).toContainText('42');
  });

  await test.step('mark a correlation on the X-matrix with the arrows and Space', async () => {
    await tabTo(page, page.getByRole('link', { name: 'X-matrix', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/matrix\/2026/);
    const grid = page.getByRole('grid').first();
    await tabTo(page, grid.getByRole('gridcell').and(page.locator('[tabindex="0"]')).first());
    await page.keyboard.press('ArrowRight');
    const cell = focused(page);
    await expect(cell).toHaveAttribute('role', 'gridcell');
    // A screen reader hears the row item, the column item and the strength.
    const before = (await cell.getAttribute('aria-label')) ?? '';
    expect(before).toMatch(/^.+ × .+: (none|strong|medium|weak)$/);
    const saved = page.waitForResponse((r) => r.request().method() !== 'GET' && r.ok());
    await page.keyboard.press(' ');
    await saved;
    await expect(focused(page)).not.toHaveAttribute('aria-label', before);
    expect(await focused(page).getAttribute('aria-label')).toMatch(/^.+ × .+: (none|strong|medium|weak)$/);
  });

  await test.step('read the pressure test', async () => {
    await tabTo(page, page.getByRole('link', { name: 'Pressure test', exact: true }), { back: true });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /Targets/ })).toBeVisible();
    await expect(page.getByTestId('probability').first()).toBeVisible();
  });

  await test.step('check in on a KPI from the bowling chart', async () => {
    await tabTo(page, page.getByRole('link', { name: 'Bowling chart', exact: true }));
    await page.keyboard.press('Enter');
    const button = page.getByRole('button', { name: /^Check in on / }).first();
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: /^Check in on / });
    await tabTo(page, form.getByLabel('Value'));
    await page.keyboard.type('3');
    const saved = page.waitForResponse((r) => /check-ins/.test(r.url()) && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await saved).status()).toBe(201);
    await expect(form).toBeHidden();
  });
  await context.close();
});
