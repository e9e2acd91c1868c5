import { mkdirSync } from 'node:fs';
import { expect, test } from './support/sign-in';
import { MatrixPage } from './pages/matrix-page';

const NEXT: Record<string, string> = { '': 'strong', strong: 'medium', medium: 'weak', weak: '' };

test('the demo X-matrix opens, a correlation cell cycles, and the change survives a reload', async ({
  page,
}) => {
  const matrix = new MatrixPage(page);
  await matrix.openDemo();
  await page.getByTestId('unit-cso').click();
  await expect(matrix.item('cso-bo1')).toBeVisible();
  await expect(matrix.item('cso-i1')).toBeVisible();
  await expect(matrix.item('cso-k1')).toBeVisible();

  mkdirSync('test-results', { recursive: true });
  await matrix.matrix.screenshot({ path: 'test-results/x-matrix.png' });
  await page.screenshot({ path: 'test-results/x-matrix-page.png', fullPage: true });

  const cell = matrix.cell('cso-bo1', 'cso-af2');
  const before = await matrix.strengthOf(cell);
  const expected = NEXT[before] ?? '';
  await cell.click();
  await expect(cell).toHaveAttribute('data-strength', expected);

  await page.reload();
  await expect(matrix.matrix).toBeVisible();
  await expect(matrix.cell('cso-bo1', 'cso-af2')).toHaveAttribute('data-strength', expected);
});

test('a cell cycles from the keyboard and hovering an item highlights what correlates with it', async ({
  page,
}) => {
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  const cell = matrix.cell('cso-i2', 'cso-k2');
  const before = await matrix.strengthOf(cell);
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(cell).toHaveAttribute('data-strength', NEXT[before] ?? '');
});
