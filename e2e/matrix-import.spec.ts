import { DEMO_ACCOUNTS, expect, newSession, test } from './support/sign-in';
import { MatrixPage } from './pages/matrix-page';
import { scratchUrl } from '../playwright.config';

/** A demo server of its own: this spec changes the demo other specs read. */
test.use({ baseURL: scratchUrl('matrixImport') });

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results';

test('export the CSO X-matrix to XLSX, import it into another unit as a copy, see the matrix', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // A year without a matrix offers the import too.
  await page.goto('/org/acme/units/secops/matrix/2026');
  await expect(page.getByRole('link', { name: 'Import from a spreadsheet' })).toHaveAttribute(
    'href',
    '/org/acme/import/matrix?unit=secops&year=2026',
  );
  await page.screenshot({ path: `${SHOTS}/matrix-import-from-empty.png` });

  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  await page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-xlsx').click(),
  ]);
  expect(download.suggestedFilename()).toBe('cso-2026.xlsx');
  const file = await download.path();

  // The menu stays open after a download; its last entry leads to the import page.
  await page.screenshot({ path: `${SHOTS}/matrix-import-menu.png` });
  await page.getByTestId('import-matrix-xlsx').click();
  await expect(page.getByRole('heading', { name: 'Import X-matrix from a spreadsheet' })).toBeVisible();
  await expect(page.getByTestId('matrix-import-unit')).toHaveValue('cso');
  await expect(page.getByText('Choose a spreadsheet')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/matrix-import-empty.png` });

  // Keyboard: the unit picker, then the file.
  await page.getByTestId('matrix-import-unit').focus();
  await page.getByTestId('matrix-import-unit').selectOption({ label: 'Platform Engineering' });
  await page.getByTestId('matrix-import-file').setInputFiles(file);

  // The file comes from the CSO, so the page switches to the copy.
  const preview = page.getByTestId('matrix-import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('matrix-import-mode-copy')).toBeChecked();
  await expect(
    page.getByText('The file comes from Security (CSO), so it is imported as a copy.'),
  ).toBeVisible();
  await expect(preview).toContainText('3 breakthrough objectives');
  await expect(preview).toContainText('7 improvement priorities');
  await expect(preview).toContainText('no problems');
  await expect(preview).toContainText('A new 2026 X-matrix for Platform Engineering');
  await page.screenshot({ path: `${SHOTS}/matrix-import-preview.png`, fullPage: true });

  // Replace mode into another unit: the IDs clash, said once, and nothing can be confirmed.
  await page.getByTestId('matrix-import-mode-replace').check();
  await expect(page.getByTestId('matrix-import-problems')).toContainText(
    'import the file as a copy to give its items new IDs',
  );
  await expect(page.getByTestId('matrix-import-problems').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('matrix-import-confirm')).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/matrix-import-problems.png`, fullPage: true });

  await page.getByTestId('matrix-import-mode-copy').press('Space');
  await expect(page.getByTestId('matrix-import-mode-copy')).toBeChecked();
  const confirm = page.getByTestId('matrix-import-confirm');
  await expect(confirm).toBeEnabled();
  await confirm.focus();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/org\/acme\/units\/platform\/matrix\/2026$/);
  await expect(matrix.matrix).toBeVisible();
  await expect(matrix.matrix.getByText('AI-assisted L1 alert triage in the SIEM').first()).toBeVisible();
  await expect(matrix.item('platform-2026-i1')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/matrix-import-done.png` });
});

test('a viewer is offered no import: none in the Export menu, and the page says why', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const session = await newSession(playwright, baseURL, DEMO_ACCOUNTS.viewer.email);
  const context = await browser.newContext({ storageState: session.storageState, baseURL });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  await page.getByText('Export', { exact: true }).click();
  await expect(page.getByTestId('export-xlsx')).toBeVisible();
  await expect(page.getByTestId('import-matrix-xlsx')).toHaveCount(0);

  await page.goto('/org/acme/import/matrix?unit=cso&year=2026');
  await expect(page.getByRole('heading', { name: 'No unit to import into' })).toBeVisible();
  await expect(page.getByTestId('matrix-import-file')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/matrix-import-viewer.png` });
  await context.close();
});
