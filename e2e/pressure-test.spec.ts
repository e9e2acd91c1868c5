import { mkdirSync } from 'node:fs';
import { DEMO_ACCOUNTS, expect, newSession, test } from './support/sign-in';
import { MatrixPage } from './pages/matrix-page';
import { PressureTestPage } from './pages/pressure-test-page';

test('the X-matrix shows risk at a glance: annual objectives and KPIs coloured by their probability', async ({
  page,
}) => {
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  // MTTD 4 h (cso-af2) is out of reach; the false-positive band (cso-k4) is likely.
  await expect(matrix.item('cso-af2')).toHaveClass(/risk-bad/, { timeout: 30_000 });
  await expect(matrix.item('cso-k4')).toHaveClass(/risk-good/);
  await expect(matrix.item('cso-bo1')).not.toHaveClass(/risk-/);
});

test('the pressure test shows the unreachable CIO key result; a recalibration goes up, is countered, agreed, and the target changes', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const pressure = new PressureTestPage(page);
  await pressure.open('acme', 'cso', 2026);

  const mttd = pressure.outlook('key_result', 'cio-kr2-1');
  await expect(mttd).toBeVisible({ timeout: 30_000 });
  await expect(mttd.getByTestId('target-value')).toHaveText('4');
  expect(await pressure.probabilityOf(mttd)).toBeLessThan(5);
  await expect(page.getByTestId('lint-skill_gap').first()).toContainText('LLM ops');
  await expect(page.getByTestId('heat-LLM ops')).toBeVisible();
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/pressure-test-page.png', fullPage: true });

  await mttd.getByRole('button', { name: 'Propose recalibration' }).click();
  const form = page.getByTestId('proposal-form');
  await expect(form.getByLabel(/Proposed target/)).not.toHaveValue('');
  await form.getByRole('button', { name: 'Send to the parent unit' }).click();

  const proposal = pressure.proposal(/Reduce mean time to detect/);
  await expect(proposal).toHaveAttribute('data-state', 'proposed');
  await expect(proposal).toContainText('LLM ops');

  // Margaret (the CIO, owner of the parent unit) is offered only the parent's steps, taken as her.
  await expect(proposal.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);
  await pressure.act(proposal, /^Counter$/, 8, 'Eight hours, with an LLM ops contractor');
  await expect(proposal).toHaveAttribute('data-state', 'countered');
  await expect(proposal.getByTestId('proposed-target')).toHaveText('8');
  await expect(proposal).toContainText('Waiting for Daniel Kovacs (Security (CSO))');

  // Daniel (the CSO) signs in and agrees to the counter.
  const cso = await newSession(playwright, baseURL, DEMO_ACCOUNTS.editor.email);
  const csoContext = await browser.newContext({ storageState: cso.storageState });
  const csoPressure = new PressureTestPage(await csoContext.newPage());
  await csoPressure.open('acme', 'cso', 2026);
  const csoProposal = csoPressure.proposal(/Reduce mean time to detect/);
  await expect(csoProposal.getByRole('button', { name: 'Counter' })).toHaveCount(0);
  await csoPressure.act(csoProposal, /^Agree$/);
  await expect(csoProposal).toHaveAttribute('data-state', 'agreed');
  await csoContext.close();
  await page.reload();
  await expect(proposal).toHaveAttribute('data-state', 'agreed');
  await expect(mttd.getByTestId('target-value')).toHaveText('8', { timeout: 30_000 });

  // The key result's target has changed in the store, with its history.
  const history = (await (await page.request.get('/api/key-results/cio-kr2-1/target-history')).json()) as {
    oldTarget: number;
    newTarget: number;
  }[];
  expect(history.map((entry) => [entry.oldTarget, entry.newTarget])).toEqual([[4, 8]]);
});
