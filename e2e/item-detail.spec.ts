import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/sign-in';
import { MatrixPage } from './pages/matrix-page';

/** Waits for the answer of the write a click sends. */
const saved = (page: Page, method: string, url: RegExp) =>
  page.waitForResponse((r) => r.request().method() === method && url.test(r.url()) && r.ok());

test('an initiative and a KPI are planned in their detail drawers, and it all survives a reload', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  mkdirSync('test-results', { recursive: true });
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  const detail = matrix.detail;

  // A click on the initiative's title opens its details.
  await matrix.item('cso-i4').locator('.mx-item-title').click();
  await expect(detail).toBeVisible();
  await expect(
    detail.getByRole('heading', { name: 'Analyst copilot for investigation and reporting' }),
  ).toBeVisible();

  // Dates: March to June.
  const plan = detail.getByTestId('initiative-plan');
  await plan.getByLabel('Start').fill('2026-03-01');
  await plan.getByLabel('End').fill('2026-06-30');
  const planSaved = saved(page, 'PATCH', /\/api\/matrix-items\/cso-i4$/);
  await plan.getByRole('button', { name: 'Save plan' }).click();
  await planSaved;

  // Effort: 40 days of threat hunting spread over the four months, then May typed over.
  const effort = detail.getByTestId('effort-grid');
  await effort.getByLabel('Skill', { exact: true }).fill('threat hunting');
  await effort.getByLabel('Total').fill('40');
  await effort.getByRole('button', { name: 'Spread evenly over 4 months' }).click();
  for (const month of ['March', 'April', 'May', 'June'])
    await expect(effort.getByLabel(`threat hunting, ${month}`)).toHaveValue('10');
  await expect(effort.getByLabel('threat hunting, July')).toHaveValue('');
  await effort.getByLabel('threat hunting, May').fill('12');
  await expect(effort.getByTestId('effort-total-threat hunting')).toHaveText('42');
  const effortSaved = saved(page, 'PUT', /\/api\/matrix-items\/cso-i4\/efforts$/);
  await effort.getByRole('button', { name: 'Save effort' }).click();
  await effortSaved;

  // Impact on MTTR (cso-k3): a wider range.
  const impact = detail.getByTestId('impact-cso-k3');
  await impact.getByLabel(/^High impact on/).fill('20');
  await expect(impact.getByRole('img')).toHaveAttribute('aria-label', /likely/);
  const impactSaved = saved(page, 'PATCH', /\/api\/impacts\//);
  await impact.getByRole('button', { name: 'Save' }).click();
  await impactSaved;
  await page.screenshot({ path: 'test-results/item-detail-initiative.png' });

  // Escape closes the drawer and gives focus back to the item.
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(matrix.item('cso-i4')).toBeFocused();

  // The KPI opens from the keyboard: March typed, April nudged up with the arrow key on its point.
  await matrix.item('cso-k3').focus();
  await page.keyboard.press('Enter');
  await expect(detail).toBeVisible();
  const kpi = detail.getByTestId('kpi-form');
  await kpi.getByLabel('March planned value', { exact: true }).and(page.locator('input')).fill('61');
  const april = kpi.getByLabel('April planned value').and(page.locator('input'));
  const aprilBefore = Number(await april.inputValue());
  await detail.getByRole('slider', { name: 'April planned value' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(april).not.toHaveValue(String(aprilBefore));
  const aprilAfter = await april.inputValue();
  expect(Number(aprilAfter)).toBeGreaterThan(aprilBefore);
  const kpiSaved = saved(page, 'PATCH', /\/api\/matrix-items\/cso-k3$/);
  await kpi.getByRole('button', { name: 'Save KPI' }).click();
  await kpiSaved;
  await page.screenshot({ path: 'test-results/item-detail-kpi.png' });

  // After a reload everything is as saved.
  await page.reload();
  await expect(matrix.matrix).toBeVisible();
  await matrix.item('cso-i4').locator('.mx-item-title').click();
  await expect(detail.getByLabel('Start')).toHaveValue('2026-03-01');
  await expect(detail.getByLabel('End')).toHaveValue('2026-06-30');
  await expect(detail.getByLabel('threat hunting, March')).toHaveValue('10');
  await expect(detail.getByLabel('threat hunting, May')).toHaveValue('12');
  await expect(detail.getByTestId('impact-cso-k3').getByLabel(/^High impact on/)).toHaveValue('20');
  await page.keyboard.press('Escape');
  await matrix.item('cso-k3').locator('.mx-item-title').click();
  await expect(detail.getByLabel('March planned value').and(page.locator('input'))).toHaveValue('61');
  await expect(detail.getByLabel('April planned value').and(page.locator('input'))).toHaveValue(aprilAfter);
});
