import { mkdirSync } from 'node:fs';
import { DEMO_ACCOUNTS, expect, newSession, test } from './support/sign-in';
import { MatrixPage } from './pages/matrix-page';

// MTTR (cio-kr2-2, measured by cso-k3), not the MTTD target pressure-test.spec.ts recalibrates:
// the specs share one server.
test('an agreement shows what it will change, re-paths the KPI plan, and the key result history says why', async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  mkdirSync('test-results', { recursive: true });

  // Daniel Kovacs (the CSO) throws the ball up from his own session.
  const cso = await newSession(playwright, baseURL, DEMO_ACCOUNTS.editor.email);
  const request = await playwright.request.newContext({ baseURL, storageState: cso.storageState });
  const rationale = 'Automated containment lands in Q4 only: 16 h is what we can promise for December.';
  const sent = await request.post('/api/proposals', {
    headers: { 'x-csrf-token': cso.csrfToken },
    data: {
      matrixId: 'cso-2026',
      kpiItemId: 'cso-k3',
      keyResultId: 'cio-kr2-2',
      proposedTarget: 16,
      trials: 2000,
      rationale,
    },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const proposal = (await sent.json()) as { id: string };
  await request.dispose();

  // Margaret Osei (the CIO) sees, before agreeing, what the agreement will change.
  await page.goto(`/org/acme/units/cso/pressure/2026#proposal-${proposal.id}`);
  const card = page.locator(`#proposal-${proposal.id}`);
  await expect(card).toBeVisible({ timeout: 30_000 });
  const effects = card.getByTestId('agreement-effects');
  await expect(effects).toContainText('If agreed at 16');
  await expect(effects.getByTestId('effect-target-cio-kr2-2')).toContainText('12 → 16');
  await expect(effects.getByTestId('effect-target-cso-k3')).toContainText('12 → 16');
  const plan = effects.getByTestId('effect-plan');
  await expect(plan).toContainText('Monthly plan of Mean time to respond');
  await expect(plan.getByRole('columnheader', { name: 'Dec' })).toBeVisible();
  await expect(effects.getByTestId('effect-titles')).toContainText(
    'Cut mean time to respond (MTTR) from 72 h to 12 h',
  );
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/agreement-preview.png' });

  await card.getByLabel('Comment').fill('Sixteen hours this year; twelve stays the goal for 2027.');
  await card.getByRole('button', { name: 'Agree' }).click();
  await expect(card).toHaveAttribute('data-state', 'agreed');
  // The result still lists the titles to edit.
  await expect(card.getByTestId('effect-titles')).toContainText('Titles to edit');
  await expect(card.getByTestId('effect-titles')).toContainText('Cut mean time to respond (MTTR)');

  // The KPI's plan now ends at the agreed 16 h.
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  await matrix.item('cso-k3').locator('.mx-item-title').click();
  const december = matrix.detail.getByLabel('December planned value').and(page.locator('input'));
  await expect(december).toHaveValue('16');
  await page.screenshot({ path: 'test-results/agreement-kpi-plan.png' });
  await page.keyboard.press('Escape');

  // The key result's row flags its title, and its history tells why the target moved.
  await page.goto('/org/acme/units/cio/okrs');
  const row = page.getByTestId('kr-cio-kr2-2');
  await expect(row.getByTestId('kr-title-mismatch-cio-kr2-2')).toHaveText('Title out of date');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/agreement-kr-row.png' });
  await row.getByRole('button', { name: /^History of / }).click();
  const drawer = page.getByTestId('history-drawer');
  const changes = drawer.getByTestId('target-changes');
  await expect(changes).toContainText('12 h → 16 h');
  await expect(changes).toContainText('Sixteen hours this year');
  const behind = changes.getByTestId('target-change-proposal');
  await expect(behind).toContainText(rationale);
  await expect(behind).toContainText('original target of 12 h');
  await expect(behind).toContainText('Daniel Kovacs proposed 16');
  await expect(behind).toContainText('Margaret Osei agreed 16');
  await page.screenshot({ path: 'test-results/agreement-history.png' });
  await behind.getByRole('link', { name: 'Open the proposal' }).click();
  await expect(page).toHaveURL(new RegExp(`/org/acme/units/cso/pressure/2026#proposal-${proposal.id}$`));
});
