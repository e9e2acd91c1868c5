import { mkdirSync } from 'node:fs';
import { expect, test } from './support/sign-in';
import { ExecutionPages } from './pages/execution-pages';

test.beforeAll(() => mkdirSync('test-results', { recursive: true }));

test('checking in on a key result moves its progress and shows its status', async ({ page }) => {
  const views = new ExecutionPages(page);
  await views.openOkrs('acme', 'cso', 'fy2026');
  const kr = views.keyResult('cso-kr2-2');
  await expect(kr.getByTestId('status')).toBeVisible();
  await views.checkIn('cso-kr2-2', '20', '0.9', 'All twenty playbooks live');
  await expect(kr.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(kr.getByTestId('status')).toHaveAttribute('data-status', 'on_track');

  const objective = views.objective('cso-o1');
  await objective.getByText('How was this computed?').click();
  await expect(objective.getByTestId('explanation')).toContainText('Weighted average');
  await page.screenshot({ path: 'test-results/execution-okrs.png', fullPage: true });
});

test('the bowling chart shows red months, which have countermeasures, and opens the A3', async ({ page }) => {
  const views = new ExecutionPages(page);
  await views.openBowling('acme', 'cso', 2026);
  const april = views.frame('cso-k2', 4);
  await expect(april).toHaveAttribute('data-colour', 'red');
  await expect(april).toHaveAttribute('data-countermeasures', '1');
  const mayK5 = views.frame('cso-k5', 5);
  await expect(mayK5).toHaveAttribute('data-colour', 'red');
  await expect(mayK5).toHaveAttribute('data-countermeasures', '0');
  await page.screenshot({ path: 'test-results/bowling-chart.png', fullPage: true });

  // An existing countermeasure opens with its A3 filled in.
  await april.getByRole('button').click();
  const dialog = page.getByRole('dialog', { name: 'Countermeasure' });
  await expect(dialog.getByLabel('Problem')).toHaveValue('MTTD 23 h against a plan of 20 h');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A red month without one opens a new A3.
  await mayK5.getByRole('button').click();
  await dialog.getByLabel('Problem').fill('Containment covers 7 incident types against 8 planned');
  await dialog.getByLabel('Root cause').fill('Playbook reviews queue behind the change board');
  await dialog.getByLabel('Action').fill('Pre-approved standard change for playbooks');
  await dialog.getByLabel('Owner').selectOption('kenji-watanabe');
  await dialog.getByLabel('Due').fill('2026-12-15');
  await page.screenshot({ path: 'test-results/countermeasure-a3.png' });
  await dialog.getByRole('button', { name: 'Open countermeasure' }).click();
  await expect(dialog).toBeHidden();
  await expect(views.frame('cso-k5', 5)).toHaveAttribute('data-countermeasures', '1');
});

test('the dashboard shows objectives, health over time, risks, countermeasures and stale items', async ({
  page,
}) => {
  const views = new ExecutionPages(page);
  await views.openDashboard('acme', 'cso', 'fy2026');
  await expect(page.getByTestId('dash-objective-cso-o1')).toBeVisible();
  // Each bar is coloured by its objective's status, never green beside "Off track".
  const tones = { 'On track': 'progress-good', 'At risk': 'progress-mid', 'Off track': 'progress-low' };
  for (const row of await page.locator('[data-testid^="dash-objective-"]').all()) {
    const badge = (await row.locator('.dash-objective-head').innerText()).match(/On track|At risk|Off track/);
    expect(badge).not.toBeNull();
    await expect(row.getByRole('progressbar')).toHaveClass(
      new RegExp(tones[badge![0] as keyof typeof tones]),
    );
  }
  // One point per month-end of the cycle up to today, so the count depends on the day the test runs.
  await expect.poll(() => page.getByTestId('health-chart').locator('circle').count()).toBeGreaterThan(3);
  await expect(page.getByTestId('open-countermeasures')).toContainText('AI triage share');
  await expect(page.getByTestId('stale-items')).toContainText('Analysts accept');
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });

  await page.getByRole('link', { name: 'Organisation overview →' }).click();
  await expect(page.getByTestId('overview')).toContainText('Q1');
  await page.screenshot({ path: 'test-results/organisation-overview.png', fullPage: true });
});
