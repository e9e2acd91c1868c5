import { MatrixPage } from './pages/matrix-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, newSession, test } from './support/sign-in';
import { scratchUrl } from '../playwright.config';

/** A demo server of its own: this spec changes the demo other specs read. */
test.use({ baseURL: scratchUrl('walkThrough') });

/** Issue 12's walk-through fixes, as the demo's people meet them. */

test('the Who grid cycles primary first, and a second primary is refused with the reason', async ({
  page,
}) => {
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  const notifications = page.getByRole('region', { name: 'Notifications' });
  // cso-i1's primary owner is cso-w3; cso-w2 has no mark on it.
  const blank = matrix.ownerCell('cso-i1', 'cso-w2');
  const primary = matrix.ownerCell('cso-i1', 'cso-w3');
  await expect(primary).toHaveAttribute('data-role', 'primary');
  await expect(blank).toHaveAttribute('data-role', '');

  await blank.click();
  await expect(blank).toHaveAttribute('data-role', 'secondary');
  await expect(notifications).toContainText('already has a primary owner');
  await expect(notifications).toContainText('an initiative has exactly one');
  await blank.click();
  await expect(blank).toHaveAttribute('data-role', '');

  // Without another primary the cycle is ● primary → ○ secondary → blank, like the corner grids.
  await primary.click();
  await expect(primary).toHaveAttribute('data-role', 'secondary');
  await blank.click();
  await expect(blank).toHaveAttribute('data-role', 'primary');
  await blank.click();
  await expect(blank).toHaveAttribute('data-role', 'secondary');
  await blank.click();
  await expect(blank).toHaveAttribute('data-role', '');

  // Back as the demo has it (cso-w3 primary), and the server agrees after a reload.
  await primary.click();
  await expect(primary).toHaveAttribute('data-role', '');
  await primary.click();
  await expect(primary).toHaveAttribute('data-role', 'primary');
  await page.reload();
  await expect(matrix.ownerCell('cso-i1', 'cso-w3')).toHaveAttribute('data-role', 'primary');
  await expect(matrix.ownerCell('cso-i1', 'cso-w2')).toHaveAttribute('data-role', '');
});

test('a delete survives closing the tab inside its undo window', async ({ context, page, csrfToken }) => {
  const view = (await (await page.request.get('/api/units/cso/matrices/2026')).json()) as {
    matrix: { id: string };
  };
  const created = await page.request.post(`/api/matrices/${view.matrix.id}/items`, {
    data: { part: 'what', title: 'Breakthrough to delete before the undo runs out' },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  await matrix.item(id).focus();
  await page.keyboard.press('Delete');
  await expect(matrix.item(id)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Deleted');
  // Well inside the 5 s undo window: the tab goes, and the delete with it.
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await expect
    .poll(async () => {
      const items = (
        (await (await again.request.get(`/api/units/cso/matrices/2026`)).json()) as {
          items: { what: { id: string }[] };
        }
      ).items.what;
      return items.some((item) => item.id === id);
    })
    .toBe(false);
  const reopened = new MatrixPage(again);
  await reopened.open('acme', 'cso', 2026);
  await expect(reopened.item(id)).toHaveCount(0);
});

test.describe('without a session', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('signing in lands the CSO on their own unit, not the first one', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn(DEMO_ACCOUNTS.editor.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/org\/acme\/units\/cso\/matrix\/2026$/);
    await expect(new MatrixPage(page).matrix).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Security (CSO)');
  });
});

test('the CSO opens the strategy map and the organisation overview', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const session = await newSession(playwright, baseURL, DEMO_ACCOUNTS.editor.email);
  const context = await browser.newContext({ baseURL, storageState: session.storageState });
  const page = await context.newPage();
  await page.goto('/org/acme/map');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Strategy map · Northwind Financial');
  await expect(page.getByTestId('map-unit-cso')).toBeVisible();
  await expect(page.getByText('Could not load the strategy map')).toHaveCount(0);
  await page.goto('/org/acme/overview');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/Could not load/)).toHaveCount(0);
  await expect(page.getByText(/403|You need a role/)).toHaveCount(0);
  await context.close();
});

test.describe('on a laptop screen', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a matrix with 12 items in every part fits the width, and a cut title reads in full on focus', async ({
    page,
    csrfToken,
  }) => {
    const headers = { 'x-csrf-token': csrfToken };
    const made = await page.request.post('/api/matrices', {
      data: { unitId: 'platform', year: 2026, trueNorth: 'A platform every team builds on' },
      headers,
    });
    expect(made.status()).toBe(201);
    const matrixId = ((await made.json()) as { matrix: { id: string } }).matrix.id;
    const long = 'Retire the last on-premises build farm and move every pipeline onto the shared runners';
    for (const part of ['what', 'how_far', 'how', 'how_much'] as const)
      for (let i = 1; i <= 12; i++) {
        const response = await page.request.post(`/api/matrices/${matrixId}/items`, {
          data: { part, title: i % 3 === 0 ? `${long} (${String(i)})` : `${part} item ${String(i)}` },
          headers,
        });
        expect(response.status()).toBe(201);
      }
    const people = (await (await page.request.get('/api/organisations/acme/people')).json()) as {
      id: string;
    }[];
    const units = (await (await page.request.get('/api/organisations/acme/units')).json()) as {
      id: string;
    }[];
    const owners = [
      ...people.map((person) => ({ personId: person.id })),
      ...units.map((unit) => ({ teamUnitId: unit.id })),
    ].slice(0, 12);
    expect(owners).toHaveLength(12);
    for (const owner of owners) {
      const response = await page.request.post(`/api/matrices/${matrixId}/items`, {
        data: { part: 'who', ...owner },
        headers,
      });
      expect(response.status()).toBe(201);
    }

    const matrix = new MatrixPage(page);
    await matrix.open('acme', 'platform', 2026);
    const viewport = page.getByTestId('matrix-viewport');
    await expect(page.getByRole('button', { name: 'Fit to window' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => Number(await viewport.getAttribute('data-scale'))).toBeLessThan(1);
    const box = async (locator: ReturnType<typeof page.getByTestId>) => {
      const found = await locator.boundingBox();
      expect(found).not.toBeNull();
      return found as { x: number; y: number; width: number; height: number };
    };
    const outer = await box(viewport);
    const drawn = await box(matrix.matrix);
    expect(drawn.x).toBeGreaterThanOrEqual(outer.x);
    expect(drawn.x + drawn.width).toBeLessThanOrEqual(outer.x + outer.width);
    expect(drawn.x + drawn.width).toBeLessThanOrEqual(1440);

    await page.getByRole('button', { name: 'Compact' }).click();
    await expect(page.getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: 'test-results/x-matrix-laptop.png' });

    // The toolbar of a hovered label sits beside it, never over it.
    const row = page
      .getByTestId(/^item-/)
      .filter({ hasText: `${long} (3)` })
      .first();
    await row.hover();
    const toolbar = row.getByRole('toolbar', { name: 'Item actions' });
    await expect(toolbar).toBeVisible();
    const rowBox = await box(row);
    const toolbarBox = await box(toolbar);
    expect(toolbarBox.x).toBeGreaterThanOrEqual(rowBox.x + rowBox.width);

    // Keyboard focus shows the whole of a title the label cuts short (the mouse has its title attribute).
    await row.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(row).toBeFocused();
    await expect(row.locator('.mx-item-full')).toBeVisible();
    await expect(row.locator('.mx-item-full')).toHaveText(/on-premises build farm .* shared runners/);
  });
});
