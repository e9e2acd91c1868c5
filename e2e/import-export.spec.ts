import { readFileSync } from 'node:fs';
import { expect, test } from './support/sign-in';
import { ImportPage } from './pages/import-page';
import { MatrixPage } from './pages/matrix-page';

const HEADER = ['Objective', 'Key Result', 'Owner', 'UoM', 'Baseline', 'Target', 'Due date', 'Aligned to'];

test('upload a CSV of OKRs → preview with problems by row and column → fixed file → confirm → the objectives appear', async ({
  page,
}) => {
  const importer = new ImportPage(page);
  await importer.open('acme', 'secops');
  await importer.upload('bad.csv', [
    HEADER,
    ['Quieter SOC', 'Alert noise down', 'Aisha Bello', '%', '80', 'lots', '', ''],
  ]);
  await expect(importer.problems).toContainText('expected a number, found text "lots"');
  await expect(importer.problems.locator('tbody tr').first()).toContainText('2');
  await expect(importer.problems.locator('tbody tr').first()).toContainText('F');
  await expect(importer.confirm).toBeDisabled();
  await page.screenshot({ path: 'test-results/import-problems.png', fullPage: true });

  await importer.upload('okrs.csv', [
    HEADER,
    [
      'Quieter SOC, faster answers',
      'Alert noise down',
      'Aisha Bello',
      '%',
      '80',
      '40',
      '2026-06-30',
      'cio-o1',
    ],
    [
      'Quieter SOC, faster answers',
      'Runbooks for the top 10 alerts',
      'aisha.bello@example.com',
      '',
      '',
      '',
      '',
      '',
    ],
    ['Analysts who stay', 'Analyst attrition down', 'Dana Whitfield', '%', '25', '10', '2026-12-31', ''],
  ]);
  await expect(importer.preview).toContainText('2 objectives');
  await expect(importer.preview).toContainText('3 key results');
  await expect(importer.preview).toContainText('aligned to');
  await page.screenshot({ path: 'test-results/import-preview.png', fullPage: true });
  await importer.confirm.click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the OKRs' }).click();
  await expect(page.getByText('Quieter SOC, faster answers')).toBeVisible();
  await expect(page.getByText('Analysts who stay')).toBeVisible();
});

test('the Export menu downloads the A3 PDF the server draws, and the template is linked', async ({
  page,
}) => {
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  await page.getByText('Export', { exact: true }).click();
  await page.screenshot({ path: 'test-results/export-menu.png' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-pdf').click(),
  ]);
  expect(download.suggestedFilename()).toBe('cso-2026.pdf');
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

  await page.goto('/org/acme/import');
  const template = page.getByRole('link', { name: 'Spreadsheet X-matrix template (XLSX)' });
  const [xlsx] = await Promise.all([page.waitForEvent('download'), template.click()]);
  expect(xlsx.suggestedFilename()).toBe('x-matrix-template.xlsx');
});
