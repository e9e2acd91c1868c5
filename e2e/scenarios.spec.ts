import { mkdirSync } from 'node:fs';
import { expect, test } from './support/sign-in';
import { PressureTestPage } from './pages/pressure-test-page';
import { scratchUrl } from '../playwright.config';

/** A demo server of its own: this spec applies a scenario to the CSO's plan, which other specs read. */
test.use({ baseURL: scratchUrl('scenarios'), viewport: { width: 1440, height: 900 } });

const shot = (name: string) => `test-results/scenarios/${name}.png`;

test('a what-if is saved as a scenario, compared with the plan, attached to a proposal, opened by the receiver, and applied', async ({
  page,
}) => {
  mkdirSync('test-results/scenarios', { recursive: true });
  const pressure = new PressureTestPage(page);
  await pressure.open('acme', 'cso', 2026);
  const mttd = pressure.outlook('key_result', 'cio-kr2-1');
  await expect(mttd).toBeVisible({ timeout: 30_000 });
  const planProbability = await pressure.probabilityOf(mttd);
  const panel = page.getByTestId('what-if-panel');
  await expect(panel.getByTestId('saved-scenarios')).toContainText('None yet.');

  // Try a bolder triage: it takes far more hours off MTTD.
  const initiative = page.getByTestId('whatif-initiative-cso-i1');
  await initiative.locator('summary').click();
  const impact = initiative.getByTestId('whatif-impact-cso-k2');
  await impact.getByLabel('High').fill('8');
  await impact.getByLabel('Likely').fill('6');
  await impact.getByLabel('Low').fill('4');
  await expect(mttd.getByTestId('what-if-probability')).toBeVisible();
  await expect(page.getByTestId('what-if-status')).toContainText(/recomputed in \d+ ms/);

  await panel.getByLabel('Scenario name').fill('Bolder triage');
  await panel.getByRole('button', { name: /^Save 1 change$/ }).click();
  const saved = panel.getByTestId('scenario-Bolder triage');
  await expect(saved).toContainText('1 change');
  await expect(panel.getByTestId('open-scenario')).toContainText('Bolder triage');
  await page.screenshot({ path: shot('1-saved') });

  // Compared with the plan: per target, both chances and both 80 % values.
  await saved.getByRole('button', { name: 'Compare' }).click();
  const row = page.getByTestId('scenario-comparison').getByTestId('compare-cio-kr2-1');
  await expect(row).toContainText('Reduce mean time to detect');
  await expect(row.locator('td').nth(1)).toContainText('with 4-in-5 confidence');
  await expect(row.locator('td').nth(2)).toContainText('with 4-in-5 confidence');
  // The dialog says what the scenario changes, composed in the reader's language.
  await expect(page.getByRole('dialog')).toContainText('by 4 to 8 (likely 6)');
  await page.screenshot({ path: shot('2-compare') });
  await page.getByRole('button', { name: 'Close' }).click();

  // Back to the plan, then propose a recalibration with the scenario as its evidence.
  await panel.getByRole('button', { name: 'Back to the saved plan' }).click();
  await mttd.getByRole('button', { name: 'Propose recalibration' }).click();
  const form = page.getByTestId('proposal-form');
  await form.getByLabel('Evidence').selectOption({ label: 'Scenario: Bolder triage' });
  await expect(form.getByTestId('proposal-scenario-outcome')).toContainText(/reaches 4 h in .+ of trials/);
  await page.screenshot({ path: shot('3-proposal-form') });
  await form.getByRole('button', { name: 'Send to the parent unit' }).click();

  // The receiving side (the CIO) sees the scenario's chance and opens it.
  await pressure.open('acme', 'cio', 2026);
  const proposal = pressure.proposal(/Reduce mean time to detect/);
  const evidence = proposal.getByTestId('proposal-scenario-evidence');
  await expect(evidence).toContainText(
    /Bolder triage reaches the original target in .+ of 10,000 simulated years/,
  );
  await evidence.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('4-receiver') });
  await evidence.getByRole('link', { name: 'Open the scenario' }).click();
  await expect(page).toHaveURL(/\/units\/cso\/pressure\/2026\?scenario=/);
  await expect(page.getByTestId('open-scenario')).toContainText('Bolder triage');
  await expect(mttd.getByTestId('what-if-probability')).toBeVisible({ timeout: 30_000 });

  // Applied: a preview of what it writes, then the plan itself has the bolder range.
  await page.getByTestId('scenario-Bolder triage').getByRole('button', { name: 'Apply…' }).click();
  const preview = page.getByTestId('apply-preview');
  await expect(preview).toContainText('AI-assisted L1 alert triage in the SIEM moving Mean time to detect');
  await page.screenshot({ path: shot('5-apply-preview') });
  await page.getByRole('button', { name: 'Apply to the plan' }).click();
  await expect(page.getByTestId('scenario-Bolder triage')).toContainText('applied');
  await expect(page.getByTestId('what-if-status')).toHaveText('Showing the saved plan');
  await expect.poll(() => pressure.probabilityOf(mttd), { timeout: 30_000 }).toBeGreaterThan(planProbability);
  await page.screenshot({ path: shot('6-applied') });
});
