import { expect, test } from './support/sign-in';

/**
 * Settings → Cycles: an admin locks a cycle for check-ins at year end and reopens it with a
 * reason, in the browser. A cycle of its own (2031), so the shared demo's cycles stay open.
 */
test('an admin locks a cycle for check-ins and reopens it with a reason', async ({ page, csrfToken }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/org/acme/settings/cycles');
  const add = page.getByRole('form', { name: 'Add a cycle' });
  await add.getByLabel('Year', { exact: true }).fill('2031');
  await add.getByLabel('Name').fill('Lock test 2031');
  await add.getByRole('button', { name: 'Add cycle' }).click();
  const row = page.getByRole('table', { name: 'Cycles' }).getByRole('row', { name: /Lock test 2031/ });
  await expect(row).toContainText('Open');
  try {
    await row.getByRole('button', { name: 'Lock…' }).click();
    const lock = page.getByRole('dialog', { name: 'Lock Lock test 2031 for check-ins?' });
    await lock.getByLabel('Reason (optional)').fill('Year end: the numbers are final');
    await lock.getByRole('button', { name: 'Lock check-ins' }).click();
    await expect(row).toContainText(/Locked since \d+ \w+ \d{4}/);

    await row.getByRole('button', { name: 'Reopen…' }).click();
    const reopen = page.getByRole('dialog', { name: 'Reopen Lock test 2031 for check-ins?' });
    await expect(reopen).toContainText('Year end: the numbers are final');
    await reopen.getByRole('button', { name: 'Reopen' }).click();
    await expect(reopen.getByText('Reason: say why the cycle is reopened')).toBeVisible();
    await reopen.getByLabel('Reason').fill('A late correction from the SOC');
    await reopen.getByRole('button', { name: 'Reopen' }).click();
    await expect(row).toContainText('Open');
  } finally {
    const cycles = (await (await page.request.get('/api/organisations/acme/cycles')).json()) as {
      id: string;
      name: string;
      version: number;
    }[];
    const made = cycles.find((cycle) => cycle.name === 'Lock test 2031');
    if (made)
      await page.request.delete(`/api/cycles/${made.id}?version=${String(made.version)}`, {
        headers: { 'x-csrf-token': csrfToken },
      });
  }
});
