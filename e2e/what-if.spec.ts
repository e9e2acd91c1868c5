import { mkdirSync } from 'node:fs';
import { expect, test } from './support/sign-in';
import { PressureTestPage } from './pages/pressure-test-page';

test('the what-if panel recomputes a target in the browser, with no request to the server', async ({
  page,
}) => {
  const pressure = new PressureTestPage(page);
  await pressure.open('acme', 'cso', 2026);

  // Share of L1 alerts triaged by AI: the key result, the KPI's own target and the annual objective share one card.
  const triage = pressure.outlook('key_result', 'cio-kr1-1');
  await expect(triage).toBeVisible({ timeout: 30_000 });
  await expect(triage).toContainText('KPI target');
  await expect(triage).toContainText('Annual objective');
  await expect(page.locator('[data-testid^="outlook-kpi-cso-k1"]')).toHaveCount(0);
  await expect(triage.getByTestId('sentence')).toContainText(
    /^Reaching 60 % by December is (unlikely|about even)/,
  );
  await expect(triage.getByTestId('drivers')).toContainText('AI-assisted L1 alert triage in the SIEM', {
    timeout: 30_000,
  });
  const saved = await pressure.probabilityOf(triage);

  const api: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) api.push(request.url());
  });
  const initiative = page.getByTestId('whatif-initiative-cso-i1');
  await initiative.locator('summary').click();
  const impact = initiative.getByTestId('whatif-impact-cso-k1');
  await impact.getByLabel('Low').fill('55');
  await impact.getByLabel('Likely').fill('60');
  await impact.getByLabel('High').fill('70');

  const whatIf = triage.getByTestId('what-if-probability');
  await expect(whatIf).toBeVisible();
  await expect(page.getByTestId('what-if-status')).toContainText(/recomputed in \d+ ms/);
  const changed = Number(await whatIf.getAttribute('data-probability')) * 100;
  expect(changed).toBeGreaterThan(saved + 20);
  // The saved plan's number stays beside the what-if's.
  expect(await pressure.probabilityOf(triage)).toBe(saved);
  expect(api).toEqual([]);
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/what-if-panel.png' });

  // Pooled allocation changes who carries the work, still without a request.
  await page.getByTestId('allocation').getByText('Pooled by skill').click();
  await expect(page.getByTestId('allocation').getByRole('radio', { name: 'Pooled by skill' })).toBeChecked();
  await page.getByRole('button', { name: 'Back to the saved plan' }).click();
  await expect(page.getByTestId('what-if-status')).toHaveText('Showing the saved plan');
  await expect(whatIf).toHaveCount(0);
  expect(api).toEqual([]);
});
