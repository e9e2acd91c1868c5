import { expect, test } from '@playwright/test';
import { MatrixPage } from './pages/matrix-page';

/**
 * Two people look at the same X-matrix; one edits a cell and the other sees it without reloading.
 * With E2E_SECOND_URL set (playwright.live.config.ts), the second person uses another app server
 * on the same PostgreSQL, so the change travels through LISTEN/NOTIFY between servers.
 */
const NEXT: Record<string, string> = { '': 'strong', strong: 'medium', medium: 'weak', weak: '' };

test('an edit in one browser appears in another within a second', async ({ browser, baseURL }) => {
  const secondUrl = process.env.E2E_SECOND_URL ?? baseURL;
  const first = await browser.newContext({ baseURL });
  const second = await browser.newContext({ baseURL: secondUrl });
  try {
    const alice = new MatrixPage(await first.newPage());
    const bob = new MatrixPage(await second.newPage());
    await alice.open('acme', 'cso', 2026);
    await bob.open('acme', 'cso', 2026);

    const aliceCell = alice.cell('cso-bo3', 'cso-af2');
    const bobCell = bob.cell('cso-bo3', 'cso-af2');
    const before = await alice.strengthOf(aliceCell);
    await expect(bobCell).toHaveAttribute('data-strength', before);
    await aliceCell.click();
    const after = NEXT[before] ?? '';
    await expect(aliceCell).toHaveAttribute('data-strength', after);
    await expect(bobCell).toHaveAttribute('data-strength', after, { timeout: 1500 });
  } finally {
    await first.close();
    await second.close();
  }
});
