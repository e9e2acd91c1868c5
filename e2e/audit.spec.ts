import { readFileSync } from 'node:fs';
import { DEMO_ACCOUNTS, expect, test } from './support/sign-in';
import { MatrixPage } from './pages/matrix-page';
import { scratchUrl } from '../playwright.config';

/** A demo server of its own: this spec renames the demo's first initiative, which other specs read. */
test.use({ baseURL: scratchUrl('audit') });

test('an edit in the X-matrix shows in the unit history and the item history, with who made it; CSV export downloads', async ({
  page,
}) => {
  // The shared fixture signs every test in as the demo admin.
  const actor: string = DEMO_ACCOUNTS.admin.name;
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);

  const title = `SOC automation ${Date.now().toString(36)}`;
  const item = matrix.item('cso-i1');
  const oldTitle = (await item.locator('.mx-item-title').textContent()) ?? '';
  await item.focus();
  // Enter opens an initiative's details; F2 renames every item.
  await page.keyboard.press('F2');
  const input = item.getByRole('textbox');
  await input.fill(title);
  await input.press('Enter');
  await expect(item.locator('.mx-item-title')).toHaveText(title);

  // The unit's History tab: the rename, in words, by whoever made it.
  await page.getByRole('navigation', { name: 'Unit views' }).getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/org\/acme\/units\/cso\/history$/);
  const timeline = page.getByTestId('audit-timeline');
  const entry = timeline.getByRole('button', { name: new RegExp(`changed title of matrix item ‘${title}’`) });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(actor);
  await expect(timeline.getByRole('heading', { name: 'Today' })).toBeVisible();

  // Expanding it shows before and after.
  await entry.click();
  await expect(entry).toHaveAttribute('aria-expanded', 'true');
  const diff = page.locator('.audit-diff').first();
  await expect(diff.locator('.audit-diff-before')).toHaveText(oldTitle);
  await expect(diff.locator('.audit-diff-after')).toHaveText(title);

  // Filters narrow it (free text on the item's title goes into the address).
  await page.getByRole('searchbox').fill(title);
  await expect(page).toHaveURL(/q=SOC/);
  await expect(timeline.getByRole('listitem')).toHaveCount(1);

  // Export CSV downloads everything the filters match.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-cso-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^id,at,tx,/);
  expect(csv).toContain(title);

  // The item's own history, from the item in the X-matrix (H on the focused item).
  await matrix.open('acme', 'cso', 2026);
  await matrix.item('cso-i1').focus();
  await page.keyboard.press('h');
  const drawer = page.getByRole('dialog', { name: title });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('button', { name: /changed title of matrix item/ })).toBeVisible();
  await expect(drawer.getByRole('button', { name: /added matrix item/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(matrix.item('cso-i1')).toBeFocused();
});
