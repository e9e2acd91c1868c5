import { mkdirSync } from 'node:fs';
import { DEMO_ACCOUNTS, expect, newSession, test } from './support/sign-in';

/** The count the inbox button's accessible name states ("Inbox, 3 items"; 0 for "nothing waiting"). */
const countIn = (label: string | null) => Number(/Inbox, (\d+) items?/.exec(label ?? '')?.[1] ?? 0);

test('the CSO throws a proposal; the CIO sees it arrive in her inbox, with its count, and opens it', async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // Margaret Osei (the CIO) is signed in; her inbox button sits in the top bar.
  await page.goto('/org/acme/overview');
  // Named "Inbox" alone while loading, then with its count.
  const button = page.getByRole('button', { name: /^Inbox, / });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('aria-label', /^Inbox, (nothing waiting|1 item|\d+ items)$/);
  const before = countIn(await button.getAttribute('aria-label'));

  // Daniel Kovacs (the CSO) throws the ball up, from another session.
  const cso = await newSession(playwright, baseURL, DEMO_ACCOUNTS.editor.email);
  const request = await playwright.request.newContext({ baseURL, storageState: cso.storageState });
  const sent = await request.post('/api/proposals', {
    headers: { 'x-csrf-token': cso.csrfToken },
    data: {
      matrixId: 'cso-2026',
      // Not the MTTD target pressure-test.spec.ts recalibrates: the specs share one server.
      kpiItemId: 'cso-k1',
      keyResultId: 'cio-kr1-1',
      proposedTarget: 50,
      trials: 2000,
      rationale: 'Without LLM ops support we reach about half of the L1 alerts by December.',
    },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const proposal = (await sent.json()) as { id: string; title: string };
  await request.dispose();

  // The live change reaches her top bar without a reload: one more item, the plural right.
  const after = before + 1;
  await expect(button).toHaveAttribute('aria-label', `Inbox, ${after} item${after === 1 ? '' : 's'}`, {
    timeout: 15_000,
  });
  await expect(page.getByTestId('inbox-count')).toHaveText(String(after));

  await button.click();
  const panel = page.getByRole('dialog', { name: 'Inbox' });
  await expect(panel).toBeVisible();
  const proposals = panel.getByRole('region', { name: /Catchball proposals/ });
  const item = proposals.getByTestId(`inbox-item-${proposal.id}`);
  await expect(item).toContainText(`Security (CSO) proposes "${proposal.title}"`);
  await expect(item).toContainText('Security (CSO)');
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/inbox-panel.png' });

  // Escape closes the panel and gives the focus back to the button.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();

  // Opening the item lands on the proposal, offering her (the receiver) her steps only.
  await button.click();
  await panel.getByTestId(`inbox-item-${proposal.id}`).click();
  await expect(page).toHaveURL(new RegExp(`/org/acme/units/cso/pressure/2026#proposal-${proposal.id}$`));
  const card = page.locator(`#proposal-${proposal.id}`);
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toHaveAttribute('data-state', 'proposed');
  await expect(card.getByRole('button', { name: 'Agree' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Counter' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/inbox-proposal.png' });

  // She answers (a rejection keeps the target as it is); the ball leaves her court and her inbox.
  await card.getByLabel('Comment').fill('Sixty it stays: the LLM ops contractor is approved.');
  await card.getByRole('button', { name: 'Reject' }).click();
  await expect(card).toHaveAttribute('data-state', 'rejected');
  await expect(button).toHaveAttribute(
    'aria-label',
    before === 0 ? 'Inbox, nothing waiting' : new RegExp(`^Inbox, ${before} items?$`),
    {
      timeout: 15_000,
    },
  );
});

test("the CIO's own pressure-test tab finds her X-matrix (cio-2026) and lists the proposals she received", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/org/acme/units/cio/pressure/2026');
  await expect(page.getByRole('heading', { name: /Targets/ })).toBeVisible();
  await expect(page.getByText(/No X-matrix for 2026/)).toHaveCount(0);
  await expect(page.getByTestId('outlook-key_result-cio-kr2-1')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Catchball' })).toBeVisible();
});
