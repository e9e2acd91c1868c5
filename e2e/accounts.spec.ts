import { mkdirSync } from 'node:fs';
import { ExecutionPages } from './pages/execution-pages';
import { MatrixPage } from './pages/matrix-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, expect, signInThroughApi, test } from './support/sign-in';

/** Accounts in the browser: signing in and out, roles seen in the interface, members and API tokens. */

test.describe('without a session', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a protected page sends you to sign in, and the form brings you back to it under your name', async ({
    page,
  }) => {
    await page.goto('/org/acme/units/cso/matrix/2026');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Forg%2Facme%2Funits%2Fcso%2Fmatrix%2F2026$/);
    const signIn = new SignInPage(page);
    await expect(signIn.demoPanel).toContainText(DEMO_ACCOUNTS.viewer.email);
    mkdirSync('docs/images', { recursive: true });
    await page.screenshot({ path: 'docs/images/sign-in.png' });

    await signIn.signIn(DEMO_ACCOUNTS.editor.email, 'not the password');
    await expect(page.getByRole('alert')).toContainText('do not match');

    await signIn.signIn(DEMO_ACCOUNTS.editor.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/org\/acme\/units\/cso\/matrix\/2026$/);
    await expect(new MatrixPage(page).matrix).toBeVisible();
    await expect(signIn.accountName).toHaveText(DEMO_ACCOUNTS.editor.name);
    await expect(page.getByTestId('view-only')).toHaveCount(0);
  });

  test('a return path a browser would read as another site lands on the start page instead', async ({
    page,
    baseURL,
  }) => {
    const signIn = new SignInPage(page);
    for (const hostile of [
      '/%09/evil.example',
      '/%0a/evil.example',
      '/%0d/evil.example',
      '/%5Cevil.example',
    ]) {
      await page.goto(`/sign-in?returnTo=${hostile}`);
      await signIn.signIn(DEMO_ACCOUNTS.editor.email, DEMO_PASSWORD);
      await expect(signIn.accountName).toHaveText(DEMO_ACCOUNTS.editor.name);
      expect(new URL(page.url()).origin, hostile).toBe(new URL(baseURL ?? '').origin);
      expect(page.url(), hostile).not.toContain('evil');
      await page.context().clearCookies();
    }
  });

  test('a viewer gets a read-only X-matrix: View only, no add slots, cells and titles that only read', async ({
    page,
  }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signInAsDemo(DEMO_ACCOUNTS.viewer.email);
    await expect(signIn.accountName).toHaveText(DEMO_ACCOUNTS.viewer.name);
    await expect(page.getByRole('navigation', { name: 'Administration' })).toHaveCount(0);

    const matrix = new MatrixPage(page);
    await matrix.open('acme', 'cso', 2026);
    await expect(page.getByTestId('view-only')).toBeVisible();
    await expect(matrix.matrix).toHaveAttribute('data-readonly', 'true');
    await expect(matrix.item('cso-bo1')).toBeVisible();
    await expect(matrix.addSlots).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Add to / })).toHaveCount(0);

    // Any write the page sends from here on would be an edit offered to a viewer (the risk colours'
    // pressure test is a POST that only reads, sent again by the reload below).
    const writes: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (request.method() !== 'GET' && url.includes('/api/') && !url.endsWith('/pressure-test'))
        writes.push(`${request.method()} ${url}`);
    });

    // A cell reads (focus, hover highlight, arrows) but neither a click nor Enter changes its mark.
    const cell = matrix.cell('cso-bo1', 'cso-af2');
    const before = await matrix.strengthOf(cell);
    await expect(cell).toHaveAttribute('aria-readonly', 'true');
    await expect(cell.locator('xpath=ancestor::*[@role="grid"][1]')).toHaveAttribute('aria-readonly', 'true');
    await cell.click();
    await expect(cell).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press(' ');
    await expect(cell).toHaveAttribute('data-strength', before);
    await page.keyboard.press('ArrowRight');
    const next = matrix.cell('cso-bo1', 'cso-af3');
    await expect(next).toBeFocused();
    const nextBefore = await matrix.strengthOf(next);
    await page.keyboard.press('Enter');
    await expect(next).toHaveAttribute('data-strength', nextBefore);
    const owner = matrix.ownerCell('cso-i1', 'cso-w1');
    const role = (await owner.getAttribute('data-role')) ?? '';
    await owner.click();
    await expect(owner).toHaveAttribute('data-role', role);

    // Titles neither rename on click nor on Enter; no move or delete, by key or toolbar.
    const item = matrix.item('cso-bo1');
    await item.hover();
    await expect(item).toHaveClass(/is-focus/);
    await item.locator('.mx-item-title').click();
    await expect(page.getByRole('textbox', { name: /^Rename / })).toHaveCount(0);
    await item.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Delete');
    await expect(page.getByRole('textbox', { name: /^Rename / })).toHaveCount(0);
    await expect(item.getByRole('button', { name: /^(Delete|Move|Rename)/ })).toHaveCount(0);
    await expect(item.getByRole('button', { name: 'History (H)' })).toHaveCount(1);
    await expect(page.getByText(/^Deleted “/)).toHaveCount(0);

    // True North is text, not a button that opens an editor.
    await expect(page.getByTestId('true-north')).toContainText('Every alert answered in minutes');
    await expect(page.getByRole('button', { name: /True North/ })).toHaveCount(0);

    // Nothing was sent, and the server still has the marks and the order the page showed.
    await page.reload();
    await expect(matrix.cell('cso-bo1', 'cso-af2')).toHaveAttribute('data-strength', before);
    await expect(matrix.ownerCell('cso-i1', 'cso-w1')).toHaveAttribute('data-role', role);
    await expect(matrix.item('cso-bo1')).toHaveAttribute('aria-label', /^What 1: /);
    expect(writes).toEqual([]);
  });

  test('a contributor is offered check-ins only on what she owns, and a read-only X-matrix', async ({
    page,
    context,
  }) => {
    await signInThroughApi(context.request, DEMO_ACCOUNTS.contributor.email);
    const views = new ExecutionPages(page);

    // Hannah Fischer owns none of the CSO's key results: no check-in on any of them.
    await views.openOkrs('acme', 'cso', 'fy2026');
    await expect(new SignInPage(page).accountName).toHaveText(DEMO_ACCOUNTS.contributor.name);
    await expect(views.keyResult('cso-kr2-2')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Check in', exact: true })).toHaveCount(0);

    // She owns the KPI "Staff trained in safe AI use" (cso-k6): the only check-in offered, and it saves.
    await views.openBowling('acme', 'cso', 2026);
    await expect(views.kpiCheckIn('cso-k6')).toBeVisible();
    await expect(page.getByTestId(/^check-in-/)).toHaveCount(1);
    await views.checkInOnKpi('cso-k6', '76', '0.8', 'November training round done');
    await expect(page.getByText('Checked in on Staff trained in safe AI use')).toBeVisible();

    // Another owner's countermeasure A3 opens to read (view only, no Save); a red month of a KPI she
    // does not own opens no new A3.
    await views.frame('cso-k2', 4).getByRole('button').click();
    const a3 = page.getByRole('dialog', { name: 'Countermeasure' });
    await expect(a3.getByRole('heading')).toContainText('view only');
    await expect(a3.getByLabel('Problem')).toBeDisabled();
    await expect(a3.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await a3.getByRole('button', { name: 'Close' }).click();
    await views.frame('cso-k5', 5).getByRole('button').click();
    await expect(page.getByRole('dialog', { name: 'Countermeasure' })).toHaveCount(0);
    await expect(
      page.getByText(/Only the KPI's owner or an editor of this unit opens a countermeasure/),
    ).toBeVisible();

    const matrix = new MatrixPage(page);
    await matrix.open('acme', 'cso', 2026);
    await expect(page.getByTestId('view-only')).toBeVisible();
    await expect(matrix.matrix).toHaveAttribute('data-readonly', 'true');
    await expect(matrix.addSlots).toHaveCount(0);
    // Under the matrix: the cascade form is for editors only.
    await expect(page.getByRole('form', { name: 'Cascade an initiative' })).toHaveCount(0);
  });

  test('signing out returns to sign-in, and protected pages and the API then need a session again', async ({
    page,
    context,
  }) => {
    // Its own session (signing out ends it), made through the API like the other specs'.
    await signInThroughApi(context.request, DEMO_ACCOUNTS.contributor.email);
    await page.goto('/org/acme/overview');
    const signIn = new SignInPage(page);
    await expect(signIn.accountName).toHaveText(DEMO_ACCOUNTS.contributor.name);

    await signIn.accountMenu('Sign out');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(signIn.form).toBeVisible();

    await page.goto('/org/acme/overview');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Forg%2Facme%2Foverview$/);
    expect((await context.request.get('/api/organisations')).status()).toBe(401);
  });
});

test('an admin grants a role to a new address, gets an invitation link, and the invitee signs in with it', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = `new.analyst.${Date.now()}@northwind.example`;
  await page.goto('/org/acme/members');
  await expect(page.getByRole('heading', { name: 'Members & roles' })).toBeVisible();
  await expect(page.getByTestId(`member-${DEMO_ACCOUNTS.viewer.email}`)).toBeVisible();

  const form = page.getByRole('form', { name: 'Grant a role' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Name (for new accounts)').fill('Nia Analyst');
  await form.getByLabel('Role').selectOption('editor');
  await form.getByLabel('Where').selectOption('secops');
  await form.getByRole('button', { name: 'Grant role' }).click();

  const inviteUrl = await page.getByTestId('invite-url').inputValue();
  expect(inviteUrl).toMatch(/\/invite\?token=.+/);
  const member = page.getByTestId(`member-${email}`);
  await expect(member).toContainText('Nia Analyst');
  await expect(member.getByRole('combobox')).toHaveValue('editor');
  await page.screenshot({ path: 'test-results/members-and-roles.png', fullPage: true });

  const invitee = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const invitePage = await invitee.newPage();
    await invitePage.goto(inviteUrl);
    await invitePage.getByLabel('New password').fill('a long enough passphrase');
    await invitePage.getByLabel('Repeat the password').fill('a long enough passphrase');
    await invitePage.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect(invitePage.getByTestId('account-name')).toHaveText('Nia Analyst');
  } finally {
    await invitee.close();
  }
});

test('an admin creates an API token with scopes, sees its secret once, and revokes it', async ({
  page,
  playwright,
  baseURL,
}) => {
  const name = `SIEM feed ${Date.now()}`;
  await page.goto('/org/acme/api-tokens?unit=cso');
  const form = page.getByRole('form', { name: 'Create an API token' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: /^Read/ }).check();
  await expect(form.getByRole('checkbox', { name: /^Check-ins/ })).toBeChecked();
  await form.getByLabel('Expires (optional)').fill(`${new Date().getFullYear() + 1}-06-30`);
  await form.getByRole('button', { name: 'Create token' }).click();

  const secret = await page.getByTestId('token-secret').inputValue();
  expect(secret.length).toBeGreaterThan(20);
  const row = page.getByTestId(`token-${name}`);
  await expect(row).toContainText('Read');
  await expect(row).toContainText('Check-ins');
  await expect(row).toContainText('Never');
  await page.screenshot({ path: 'test-results/api-tokens.png', fullPage: true });

  // The secret works as a bearer token (with no cookie), for what its scopes allow.
  const system = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await system.get('/api/units/cso/okrs', { headers: bearer })).status()).toBe(200);

    // Shown once: after a reload only its name and use remain.
    await page.reload();
    await expect(row).toBeVisible();
    await expect(page.getByTestId('token-secret')).toHaveCount(0);
    await expect(row).not.toContainText('Never');

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke “${name}”?` });
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveAttribute('data-state', 'revoked');
    expect((await system.get('/api/units/cso/okrs', { headers: bearer })).status()).toBe(401);
  } finally {
    await system.dispose();
  }
});

test('an admin is offered every edit: add slots, editable cells and titles, check-ins on every key result and KPI', async ({
  page,
}) => {
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  await expect(page.getByTestId('view-only')).toHaveCount(0);
  await expect(matrix.matrix).not.toHaveAttribute('data-readonly', /.*/);
  await expect(matrix.addSlots).toHaveCount(5);
  await expect(matrix.cell('cso-bo1', 'cso-af2')).not.toHaveAttribute('aria-readonly', /.*/);
  await matrix.item('cso-bo1').locator('.mx-item-title').click();
  const rename = page.getByRole('textbox', { name: /^Rename / });
  await expect(rename).toBeVisible();
  await rename.press('Escape');
  await expect(page.getByRole('button', { name: /True North/ })).toBeVisible();

  const views = new ExecutionPages(page);
  await views.openOkrs('acme', 'cso', 'fy2026');
  const krs = page.getByTestId(/^kr-/);
  await expect(page.getByRole('button', { name: 'Check in', exact: true })).toHaveCount(await krs.count());
  await views.openBowling('acme', 'cso', 2026);
  await expect(page.getByTestId(/^check-in-/)).toHaveCount(6);
});
