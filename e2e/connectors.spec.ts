import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/sign-in';
import { MatrixPage } from './pages/matrix-page';

/** A real JSON source on this machine, which the app server reads from. */
let source: Server;
let sourceUrl = '';
test.beforeAll(async () => {
  source = createServer((request, response) => {
    if (request.url !== '/fp-rate.json') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        data: {
          points: [
            { day: '2026-11-02', rate: 3.4 },
            { day: '2026-11-16', rate: 2.9 },
          ],
        },
      }),
    );
  });
  await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
  sourceUrl = `http://127.0.0.1:${String((source.address() as AddressInfo).port)}/fp-rate.json`;
});
test.afterAll(() => new Promise<void>((resolve) => source.close(() => resolve())));

test('an editor sets up an HTTP JSON connector on a KPI in its drawer: dry run, save, run now, status', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  mkdirSync('test-results', { recursive: true });
  const matrix = new MatrixPage(page);
  await matrix.open('acme', 'cso', 2026);
  await matrix.item('cso-k3').locator('.mx-item-title').click();
  const panel = matrix.detail.getByTestId('kpi-connector');
  await expect(panel).toBeVisible();

  await panel.getByLabel('Source').selectOption('http');
  await panel.getByLabel('Address').fill(sourceUrl);
  await panel.getByLabel('Records at').fill('data.points');
  await panel.getByLabel('Value field').fill('rate');
  await panel.getByLabel('Date field').fill('day');
  await panel.getByLabel('Schedule').selectOption('daily');
  await panel.getByRole('button', { name: 'Dry run' }).click();
  const preview = panel.getByTestId('connector-preview');
  await expect(preview).toContainText('Dry run: 2 values read, nothing written');
  await expect(preview.locator('tbody tr')).toHaveCount(2);
  await expect(preview.locator('tbody tr').first()).toContainText('2 Nov 2026');
  await expect(preview.locator('tbody tr').first()).toContainText('New');
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/connector-dry-run.png' });

  await panel.getByRole('button', { name: 'Set up connector' }).click();
  await expect(panel.getByText('Not run yet.')).toBeVisible();
  await panel.getByRole('button', { name: 'Run now' }).click();
  const lastRun = panel.getByTestId('connector-last-run');
  await expect(lastRun).toContainText('Last run succeeded');
  await expect(lastRun).toContainText('2 new check-ins');

  // A second run records nothing twice.
  await panel.getByRole('button', { name: 'Run now' }).click();
  await expect(lastRun).toContainText('2 values already recorded');
  await lastRun.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/connector-last-run.png' });
});
