import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/sign-in';
import { ImportPage } from './pages/import-page';
import { MatrixPage } from './pages/matrix-page';
import { TranslateWizard } from './pages/translate-wizard';

const HEADER = ['Objective', 'Key Result', 'Owner', 'UoM', 'Baseline', 'Target', 'Due date'];
const OBJECTIVE = 'Secure every new service by design';
const KR = 'Threat models for new services from 20 % to 90 %';

/**
 * The seed's central move in one pass: a parent's OKRs arrive as a spreadsheet, become the child
 * unit's X-matrix through the wizard, and leave as an A3 PDF, checked by rendering it to an image.
 */
test('upload → preview → confirm → translate wizard → export PDF', async ({ page }) => {
  const importer = new ImportPage(page);
  await importer.open('acme', 'cso');
  await importer.upload('cso-okrs.csv', [
    HEADER,
    [OBJECTIVE, KR, 'Daniel Kovacs', '%', '20', '90', '2026-12-31'],
    [OBJECTIVE, 'Design reviews done within 5 days from 30 % to 80 %', 'Daniel Kovacs', '%', '30', '80', ''],
  ]);
  await expect(importer.preview).toContainText('1 objective');
  await expect(importer.preview).toContainText('2 key results');
  await importer.confirm.click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();

  const wizard = new TranslateWizard(page);
  await wizard.openFromUnit('acme', 'sec-arch');
  await wizard.select('Parent unit (its OKRs are translated)').selectOption({ label: 'Security (CSO)' });
  await wizard.select('Child unit (receives the X-matrix)').selectOption('sec-arch');
  await wizard.next('Propose');
  await wizard.expectStep('What');
  await expect(page.getByLabel('Breakthrough objective').last()).toHaveValue(OBJECTIVE);
  for (const step of ['How Far', 'How', 'How Much', 'Who', 'Grids']) {
    await wizard.next();
    await wizard.expectStep(step);
  }
  await wizard.apply();

  const matrix = new MatrixPage(page);
  await expect(matrix.matrix).toBeVisible();
  await expect(page).toHaveURL(/\/org\/acme\/units\/sec-arch\/matrix\/2026$/);
  await expect(page.getByRole('img', { name: `from Security (CSO) KR: ${KR}` }).first()).toBeVisible();

  await page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-pdf').click(),
  ]);
  const pdf = await download.path();
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const out = join(mkdtempSync(join(tmpdir(), 'catchball-pdf-')), 'page');
  execFileSync('pdftoppm', ['-r', '30', '-gray', '-singlefile', pdf, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 40).toString('latin1')) ?? [];
  expect(Number(width) / Number(height)).toBeCloseTo(420 / 297, 1);
  const pixels = pgm.subarray(pgm.length - Number(width) * Number(height));
  const dark = pixels.filter((value) => value < 128).length;
  expect(dark / pixels.length).toBeGreaterThan(0.01);
});
