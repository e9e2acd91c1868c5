import { expect, test } from './support/sign-in';
import { ExecutionPages } from './pages/execution-pages';
import { scratchUrl } from '../playwright.config';

/** A demo server of its own: this spec changes the demo other specs read. */
test.use({ baseURL: scratchUrl('measuredBy') });

test("a KPI check-in in the CSO's matrix moves the CIO's key result it measures", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const views = new ExecutionPages(page);

  await views.openBowling('acme', 'cso', 2026);
  await views.checkInOnKpi('cso-k1', '59', '0.8', 'AI triage took over the phishing queue');

  await views.openOkrs('acme', 'cio', 'fy2026');
  const kr = views.keyResult('cio-kr1-1');
  await expect(kr.getByTestId('measured-by-cio-kr1-1')).toContainText(
    'Measured by Share of L1 alerts triaged by AI (Security (CSO))',
  );
  await expect(kr).toContainText('Now 59%');
  await kr.getByText('How was this computed?').click();
  await expect(kr.getByRole('note')).toContainText('Security (CSO)');
  await page.screenshot({ path: 'test-results/measured-by-okrs.png' });

  // A manual value on it is an explicit override, named so in the form.
  await kr.getByRole('button', { name: 'Check in' }).click();
  const form = kr.getByRole('form');
  await expect(form).toContainText('follows its KPI');
  await form.getByLabel('Value').fill('61');
  await expect(form.getByRole('button', { name: 'Save override' })).toBeDisabled();
  await form.getByLabel('Record as a manual override of the KPIs').check();
  await form.getByRole('button', { name: 'Save override' }).click();
  await expect(form).toBeHidden();
  await expect(kr).toContainText('manual override in force');
  await expect(kr).toContainText('Now 61%');

  // Several KPIs: the rule picker.
  const mttd = views.keyResult('cio-kr2-1');
  await expect(mttd.getByLabel(/How the KPIs of .* combine/)).toHaveValue('average');
  await mttd.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/measured-by-rule.png' });

  await views.openDashboard('acme', 'cso', 'fy2026');
  await expect(page.getByTestId('attention')).toContainText(/red KPI months?/);
  await page.screenshot({ path: 'test-results/measured-by-dashboard.png' });
});
