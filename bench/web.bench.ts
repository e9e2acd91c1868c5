import { mkdtempSync, rmSync } from 'node:fs';
import { benchCredentials, type BenchCredentials } from './credentials';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startProcess, stopProcess } from './child-process';
import { generateMatrixSizes } from './generate-org';
import type { Bench, BenchResult } from './harness';
import { benchPort, percentile } from './harness';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Navigates and returns ms from navigation start until every item of the matrix is in the page. */
async function timeToMatrix(page: Page, url: string, lastItemIds: string[]): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (ids) =>
      ids.every((id) => document.querySelector(`[data-testid="item-${id}"]`)) ? performance.now() : false,
    lastItemIds,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** ms from a click on a grid cell until the cell shows its new strength, measured inside the page. */
async function timeCellEdit(page: Page, testId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const cell = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        if (!cell) throw new Error(`no cell ${id}`);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(cell, { attributes: true, attributeFilter: ['data-strength'] });
        cell.click();
      }),
    testId,
  );
}

/**
 * The web app in headless Chromium with a fresh profile: JavaScript bytes on first load, time to a
 * full X-matrix of 30 and of 200 items per part, and a correlation-cell edit until it is shown.
 */
export function webBench(): Bench {
  return {
    name: 'Web app in Chromium',
    async run({ isQuick, progress }) {
      const dataDir = mkdtempSync(join(tmpdir(), 'catchball-web-'));
      const port = benchPort(1);
      const credentials = await benchCredentials({ dataDir });
      const server = await startProcess(
        ['bin/catchball.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir],
        /serving at/,
        {
          DATABASE_URL: '',
        },
      );
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      });
      try {
        const sizes = [30, 200];
        const imported = await fetch(`http://127.0.0.1:${port}/api/plan`, {
          method: 'POST',
          headers: { ...credentials.headers, 'content-type': 'application/json' },
          body: JSON.stringify(generateMatrixSizes(sizes)),
        });
        if (!imported.ok) throw new Error(`import failed: ${await imported.text()}`);
        const base = `http://127.0.0.1:${port}/org/sizes/units`;
        const lastIds = (n: number) => ['w', 'f', 'h', 'k'].map((part) => `size-${n}-m-${part}${n - 1}`);
        const runs = isQuick ? 3 : 7;

        progress('first load with a fresh profile…');
        const fresh = await signedInContext(browser, port, credentials);
        const page = await fresh.newPage();
        let scriptBytes = 0;
        page.on('requestfinished', (request) => {
          if (request.resourceType() !== 'script') return;
          void request.sizes().then((sizes) => (scriptBytes += sizes.responseBodySize));
        });
        const first30 = await timeToMatrix(page, `${base}/size-30/matrix/2026`, lastIds(30));
        await page.waitForLoadState('networkidle');
        await fresh.close();

        const median = async (n: number) => {
          const times: number[] = [];
          for (let i = 0; i < runs; i++) {
            const context = await signedInContext(browser, port, credentials);
            times.push(
              await timeToMatrix(await context.newPage(), `${base}/size-${n}/matrix/2026`, lastIds(n)),
            );
            await context.close();
          }
          return percentile(
            times.sort((a, b) => a - b),
            50,
          );
        };
        progress('30 items per part…');
        const ms30 = await median(30);
        progress('200 items per part…');
        const ms200 = await median(200);

        progress('cell edits…');
        const context = await signedInContext(browser, port, credentials);
        const editPage = await context.newPage();
        await timeToMatrix(editPage, `${base}/size-30/matrix/2026`, lastIds(30));
        const edits: number[] = [];
        for (let i = 0; i < (isQuick ? 5 : 20); i++) {
          edits.push(await timeCellEdit(editPage, `cell-size-30-m-h${i % 30}-size-30-m-k${(i * 7) % 30}`));
          await editPage.waitForTimeout(50);
        }
        await context.close();

        const results: BenchResult[] = [
          {
            name: 'JavaScript transferred on first load (compressed)',
            value: scriptBytes / 1024,
            unit: 'KB',
            goal: { op: '<=', value: 150 },
            note: 'open-source peer: 177-191 KB',
          },
          {
            name: 'navigation → X-matrix, 30 items per part',
            value: ms30,
            unit: 'ms',
            goal: { op: '<=', value: 400 },
            note: `peer ≈ 1.2 s; first load with empty cache ${first30.toFixed(0)} ms`,
          },
          {
            name: 'navigation → X-matrix, 200 items per part',
            value: ms200,
            unit: 'ms',
            goal: { op: '<=', value: 800 },
            note: 'peer ≈ 2.2 s',
          },
          {
            name: 'correlation-cell edit → shown (median)',
            value: percentile(
              edits.sort((a, b) => a - b),
              50,
            ),
            unit: 'ms',
            goal: { op: '<=', value: 50 },
            note: `p90 ${percentile(edits, 90).toFixed(1)} ms over ${edits.length} edits`,
          },
        ];
        return results;
      } finally {
        await browser.close();
        await stopProcess(server.child);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** A browser context carrying the benchmark user's session cookie. */
async function signedInContext(
  browser: Browser,
  port: number,
  credentials: BenchCredentials,
): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addCookies([{ ...credentials.cookie, url: `http://127.0.0.1:${String(port)}` }]);
  return context;
}
