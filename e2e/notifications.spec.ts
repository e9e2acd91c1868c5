import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/sign-in';

/**
 * Settings → Notifications, all in the browser: an admin points the digest at a webhook and sends
 * it, adds, changes and removes a unit's webhook, and sets a unit's check-in cadence (inherited
 * below it). Then reads the delivery log: The digest goes once to a receiver this
 * test serves (accepted) and once to a port nobody listens on (refused, waiting for its retry).
 */
test('an admin reads the webhook delivery log: a delivered digest and one waiting to be retried', async ({
  page,
  csrfToken,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // A port that was just free: nobody listens there, so the connection is refused.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const refusedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const headers = { 'x-csrf-token': csrfToken };
  const sendDigestTo = async (webhookUrl: string) => {
    const set = await page.request.put('/api/organisations/acme/digest-settings', {
      headers,
      data: { webhookUrl, emailEnabled: false },
    });
    expect(set.status(), await set.text()).toBe(200);
    const sent = await page.request.post('/api/organisations/acme/digest?asOf=2026-03-15', { headers });
    expect(sent.status(), await sent.text()).toBe(200);
  };
  try {
    await sendDigestTo(`http://127.0.0.1:${String(port)}/hooks/catchball`);
    await sendDigestTo(`http://127.0.0.1:${String(refusedPort)}/hooks/unreachable`);
  } finally {
    await page.request.put('/api/organisations/acme/digest-settings', {
      headers,
      data: { webhookUrl: null, emailEnabled: true },
    });
    server.close();
  }

  await page.goto('/org/acme/settings/notifications');
  await expect(page.getByRole('link', { name: 'Notifications' })).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: 'Webhook deliveries' });
  await expect(table).toBeVisible();
  const refused = table
    .getByTestId('delivery-row')
    .filter({ hasText: `127.0.0.1:${String(refusedPort)}` })
    .first();
  await expect(refused).toContainText('Digest');
  await expect(refused).toContainText('Retrying');
  await expect(refused).toContainText('1 of 6');
  await expect(refused).toContainText(/ECONNREFUSED|refused/i);
  const delivered = table
    .getByTestId('delivery-row')
    .filter({ hasText: `127.0.0.1:${String(port)}` })
    .first();
  await expect(delivered).toContainText('Delivered');
  await expect(delivered).toContainText('200');

  mkdirSync('test-results/webhooks', { recursive: true });
  await page.screenshot({ path: 'test-results/webhooks/deliveries.png' });
});

test('an admin sets where the digest goes, manages a unit webhook and a unit cadence, in the browser', async ({
  page,
  csrfToken,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const headers = { 'x-csrf-token': csrfToken };
  try {
    await page.goto('/org/acme/settings/notifications');

    // The digest: e-mail off, a webhook URL, saved and sent now.
    const digest = page.getByRole('form', { name: 'Digest settings' });
    await digest.getByLabel('E-mail each owner the items waiting for their check-in').uncheck();
    await digest.getByLabel('Digest webhook (optional)').fill('not a url');
    await digest.getByRole('button', { name: 'Save' }).click();
    await expect(digest.getByText('must be an http(s) URL')).toBeVisible();
    await digest.getByLabel('Digest webhook (optional)').fill('http://127.0.0.1:9/digest');
    await digest.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved where the digest goes')).toBeVisible();
    const saved = await page.request.get('/api/organisations/acme/digest-settings');
    expect(await saved.json()).toMatchObject({
      webhookUrl: 'http://127.0.0.1:9/digest',
      emailEnabled: false,
    });
    await digest.getByRole('button', { name: 'Send the digest now' }).click();
    await expect(page.getByRole('status').filter({ hasText: /waiting for a check-in/ })).toBeVisible();

    // A unit's webhook: added, changed, removed.
    const add = page.getByRole('form', { name: 'Add a webhook' });
    await add.getByLabel('For').selectOption({ label: 'Security (CSO)' });
    await add.getByLabel('URL').fill('https://hooks.example/services/cso-team');
    await add.getByRole('button', { name: 'Add webhook' }).click();
    const hooks = page.getByRole('table', { name: 'Webhooks' });
    const row = hooks.getByRole('row', { name: /Security \(CSO\)/ });
    await expect(row).toContainText('hooks.example/services/');
    await row.getByRole('button', { name: 'Change the webhook for Security (CSO)' }).click();
    await page
      .getByRole('form', { name: 'Webhook for Security (CSO)' })
      .getByLabel('URL')
      .fill('https://hooks.example/x');
    await page
      .getByRole('form', { name: 'Webhook for Security (CSO)' })
      .getByRole('button', { name: 'Save' })
      .click();
    await expect(hooks.getByRole('row', { name: /Security \(CSO\)/ })).toContainText('hooks.example/x');
    await hooks.getByRole('button', { name: 'Remove the webhook for Security (CSO)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove webhook' }).click();
    await expect(page.getByText('No webhooks yet')).toBeVisible();

    // A unit's cadence, and the unit below it inheriting it.
    await page.getByLabel('Check-in cadence of Security (CSO)').selectOption('weekly');
    await expect(page.getByText('Security (CSO) checks in every week')).toBeVisible();
    await expect(page.getByLabel('Check-in cadence of Security Architecture')).toContainText(
      'Weekly, as Security (CSO)',
    );
    await page.reload();
    await expect(page.getByLabel('Check-in cadence of Security (CSO)')).toHaveValue('weekly');
    mkdirSync('test-results/notifications', { recursive: true });
    await page.screenshot({ path: 'test-results/notifications/settings.png', fullPage: true });
    await page.getByLabel('Check-in cadence of Security (CSO)').selectOption('inherit');
    await expect(page.getByText('Security (CSO) follows its parent’s cadence again')).toBeVisible();
  } finally {
    // The demo server is shared: leave it as seeded.
    await page.request.put('/api/organisations/acme/digest-settings', {
      headers,
      data: { webhookUrl: null, emailEnabled: true },
    });
    await page.request.put('/api/units/cso/cadence', { headers, data: { cadence: null } });
  }
});
