import { expect, test } from './support/sign-in';
import { scratchUrl } from '../playwright.config';

/** A demo server of its own: this spec closes 2026 and rolls the CSO's matrix into 2027. */
test.use({ baseURL: scratchUrl('closeYear') });

test('the closed 2025 reads as scored and reflected; 2026 is reflected on, closed and rolled into 2027', async ({
  page,
}) => {
  // The demo's closed year: scores, reflections, the link into 2026.
  await page.goto('/org/acme/units/cso/review/2025');
  const status = page.getByTestId('year-status');
  await expect(status).toContainText('FY2025');
  await expect(status).toContainText('Closed on 9 January 2026 by Daniel Kovacs');
  await expect(page.getByTestId('review-cso25-af2')).toContainText('0.8');
  await expect(page.getByText('4 h to go')).toBeVisible();
  await expect(status.getByRole('link', { name: /Rolled into the 2026 X-matrix/ })).toBeVisible();

  // A reflection on one of 2026's annual objectives, saved on the server.
  await page.goto('/org/acme/units/cso/review/2026');
  const objective = page.getByTestId('review-cso-af2');
  await objective.getByLabel('What we reached').fill('MTTD at 9 h in October, from 24 h');
  await objective
    .getByLabel('Why: the causes')
    .fill('The data lake landed in June; anomaly models in September');
  await objective.getByLabel('What we learned').fill('Land the telemetry before the models');
  await objective.getByRole('button', { name: 'Save reflection' }).click();
  await expect(objective).toContainText('Saved');
  await page.reload();
  await expect(page.getByTestId('review-cso-af2').getByLabel('What we learned')).toHaveValue(
    'Land the telemetry before the models',
  );

  // Closing the year: confirmed, then read-only.
  await page.getByRole('button', { name: 'Close FY2026' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Close FY2026' }).click();
  await expect(page.getByTestId('year-status')).toContainText('Closed on');

  // The roll-over wizard: breakthroughs carried, an unmet KPI with its gap, one initiative closed.
  await page.getByRole('button', { name: 'Roll over into 2027' }).click();
  const wizard = page.getByRole('form', { name: 'Roll over' });
  await expect(wizard.getByRole('heading', { name: 'Roll 2026 over into 2027' })).toBeVisible();
  await expect(wizard.getByTestId('rollover-cso-bo1').getByRole('combobox')).toHaveValue('carry');
  await expect(wizard.getByTestId('rollover-cso-k2')).toContainText('to go');
  await wizard.getByTestId('rollover-cso-i2').getByRole('combobox').selectOption('close');
  await wizard.getByRole('button', { name: 'Create the 2027 X-matrix' }).click();

  // Next year's matrix, with the carried items, linked back to 2026.
  await expect(page).toHaveURL(/\/org\/acme\/units\/cso\/matrix\/2027$/);
  await expect(
    page.getByText('AI-first security operations: machines triage, people decide').first(),
  ).toBeVisible();
  await expect(
    page.getByText('SOAR containment playbooks for the top 20 incident types').first(),
  ).toBeVisible();
  await expect(page.getByText('Unified security data lake for detection telemetry')).toHaveCount(0);
  await page.goto('/org/acme/units/cso/review/2027');
  await expect(
    page.getByTestId('year-status').getByRole('link', { name: /Rolled over from 2026/ }),
  ).toBeVisible();
});
