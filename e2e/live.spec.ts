import { DEMO_ACCOUNTS, expect, newSession, test } from './support/sign-in';
import { MatrixPage } from './pages/matrix-page';

/**
 * Two people look at the same X-matrix; one edits a cell and the other sees it without reloading.
 * With E2E_SECOND_URL set (playwright.live.config.ts), the second person uses another app server
 * on the same PostgreSQL, so the change travels through LISTEN/NOTIFY between servers.
 */
const NEXT: Record<string, string> = { '': 'strong', strong: 'medium', medium: 'weak', weak: '' };

test('an edit in one browser appears in another within a second', async ({
  browser,
  baseURL,
  playwright,
}) => {
  const secondUrl = process.env.E2E_SECOND_URL ?? baseURL;
  // Two people, each signed in on the server their browser talks to (sessions live in the shared
  // database, so either server would accept either cookie; signing in on each proves both work).
  const alicesSession = await newSession(playwright, baseURL, DEMO_ACCOUNTS.admin.email);
  const bobsSession = await newSession(playwright, secondUrl, DEMO_ACCOUNTS.editor.email);
  const first = await browser.newContext({ baseURL, storageState: alicesSession.storageState });
  const second = await browser.newContext({ baseURL: secondUrl, storageState: bobsSession.storageState });
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
