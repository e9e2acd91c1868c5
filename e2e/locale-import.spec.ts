import { expect, test } from './support/sign-in';
import { ImportPage } from './pages/import-page';
import { scratchUrl } from '../playwright.config';

/** A demo server of its own: this spec changes the demo other specs read. */
test.use({ baseURL: scratchUrl('okrEditing') });

/** Screenshots of these flows go to E2E_SHOTS (a scratch folder) when set, never into the repository. */
const SHOTS = process.env.E2E_SHOTS;
const shot = async (page: import('@playwright/test').Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

test.use({ viewport: { width: 1440, height: 900 } });

/**
 * Issue 15: imports say how they read a file and never guess. A German export (semicolons,
 * decimal commas, "Einheit" that could be the team or the unit of measure) is read, the person
 * says what the ambiguous column holds, and the OKRs are imported.
 */
test('a German semicolon CSV: the detected format, an ambiguous "Einheit" column chosen, imported', async ({
  page,
}) => {
  const importer = new ImportPage(page);
  await importer.open('acme', 'secops');
  const csv = [
    'Ziel;Schlüsselergebnis;Einheit;Ausgangswert;Zielwert;Fällig',
    'Ruhigeres SOC;Alarmrauschen senken;%;80,5;40,25;30/06/2026',
    'Ruhigeres SOC;Tickets pro Woche;Tickets;1.250,5;900;31/12/2026',
  ].join('\n');
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'okr-export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(importer.preview).toBeVisible();
  await expect(page.getByTestId('import-reading-line')).toHaveText(
    'Read as CSV separated by semicolons; decimal comma, thousands separated by ".", dates day first (31/12/2026)',
  );
  const mapping = page.getByTestId('import-mapping');
  const einheit = mapping.locator('tr[data-column="C"]');
  await expect(einheit).toHaveClass(/import-mapping-open/);
  await expect(einheit).toContainText('could be Team / Unit or Unit of measure');
  await expect(mapping.locator('tr[data-column="D"]')).toContainText('Baseline');
  await expect(importer.problems).toContainText('could be the team');
  await expect(importer.confirm).toBeDisabled();
  await shot(page, 'locale-import-ambiguous');

  await page.getByLabel('Column C (Einheit) holds').selectOption({ label: 'Unit of measure' });
  await expect(einheit).not.toHaveClass(/import-mapping-open/);
  await expect(einheit).toContainText('chosen');
  await expect(importer.problems).toHaveCount(0);
  await expect(importer.preview).toContainText('80.5 → 40.25 %');
  await expect(importer.preview).toContainText('1250.5 → 900 Tickets');
  await shot(page, 'locale-import-chosen');

  await importer.confirm.click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the OKRs' }).click();
  await expect(page.getByRole('heading', { name: 'Ruhigeres SOC' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Alarmrauschen senken' })).toBeVisible();
});

test('a check-in "1,125" alone is refused naming the cell; choosing the decimal point reads 1125', async ({
  page,
}) => {
  await page.goto('/org/acme/check-ins/upload?unit=cso');
  await expect(page.getByRole('heading', { name: 'Upload check-ins' })).toBeVisible();
  await page.getByTestId('check-in-upload-file').setInputFiles({
    name: 'check-ins.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('item,date,value\ncso-kr2-2,2026-04-30,"1,125"\n'),
  });
  const problems = page.getByTestId('check-in-upload-problems');
  await expect(problems).toContainText('row 2, column C');
  await expect(problems).toContainText('"1,125" could be 1125 or 1.125');
  await expect(page.getByTestId('check-in-upload-confirm')).toBeDisabled();
  await expect(page.getByTestId('import-reading-line')).toContainText('Read as CSV separated by commas');
  await shot(page, 'locale-check-in-refused');

  await page.getByLabel('Decimal mark').selectOption({ label: 'Point (2.5)' });
  await expect(problems).toHaveCount(0);
  await expect(page.getByTestId('import-reading-line')).toContainText('decimal point (chosen)');
  const rows = page.getByTestId('check-in-upload-rows');
  await expect(rows.locator('tbody tr').first().locator('td').nth(3)).toHaveText('1125');
  await expect(page.getByTestId('check-in-upload-confirm')).toBeEnabled();
  await shot(page, 'locale-check-in-point');
});
