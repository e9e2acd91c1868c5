// The what-if recompute in Chromium: from an impact-range change in the pressure test's what-if
// panel until the page shows the recomputed outcome (10,000 trials of the demo's CSO matrix, in
// the page's Web Worker). Part of `npm run bench`; alone: `node bin/run-ts.mjs bench/what-if.bench.ts`
// (needs `npm run build:web` first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startProcess, stopProcess } from './child-process';
import { benchCredentials } from './credentials';
import { formatResult, percentile, RESULT_COLUMNS, type Bench, type BenchResult } from './harness';

/** ms from setting the "High" field of an impact until the what-if status says it has recomputed. */
async function timeRecompute(page: Page, high: number): Promise<number> {
  return page.evaluate(
    (value) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>(
          '[data-testid="whatif-impact-cso-k1"] input[name="high"]',
        );
        const status = document.querySelector<HTMLElement>('[data-testid="what-if-status"]');
        if (!input || !status) return reject(new Error('no what-if panel'));
        // React tracks an input's value on the element: set it through the prototype, as typing does.
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the input as `this`
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (status.dataset['pending'] !== 'false' || !/recomputed/.test(status.textContent ?? '')) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(status, { attributes: true, childList: true, subtree: true, characterData: true });
        setter?.call(input, String(value));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    high,
  );
}

export function whatIfBench(): Bench {
  return {
    name: 'What-if in Chromium',
    async run({ isQuick, progress }) {
      const dataDir = mkdtempSync(join(tmpdir(), 'catchball-what-if-'));
      const port = 3272;
      const credentials = await benchCredentials({ dataDir });
      const server = await startProcess(
        ['bin/catchball.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir],
        /serving at/,
        { DATABASE_URL: '' },
      );
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      try {
        const context = await browser.newContext();
        await context.addCookies([{ ...credentials.cookie, url: `http://127.0.0.1:${String(port)}` }]);
        const page = await context.newPage();
        progress('opening the pressure test…');
        await page.goto(`http://127.0.0.1:${String(port)}/org/acme/units/cso/pressure/2026`);
        await page.getByTestId('drivers').first().waitFor({ timeout: 60_000 });
        await page.getByTestId('whatif-initiative-cso-i1').locator('summary').click();
        const times: number[] = [];
        const runs = isQuick ? 10 : 40;
        progress(`${String(runs)} impact changes…`);
        for (let i = 0; i < runs; i++) {
          times.push(await timeRecompute(page, 60 + (i % 10) * 5));
          await page.waitForTimeout(30);
        }
        const sorted = times.slice(2).sort((a, b) => a - b);
        const results: BenchResult[] = [
          {
            name: 'impact change → what-if outcome shown, 10,000 trials (median)',
            value: percentile(sorted, 50),
            unit: 'ms',
            goal: { op: '<=', value: 100 },
            note: `p90 ${percentile(sorted, 90).toFixed(0)} ms over ${String(sorted.length)} changes (first 2 are warm-up)`,
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await whatIfBench().run({
    isQuick: process.argv.includes('--quick'),
    progress: (message) => process.stderr.write(`  · ${message}\n`),
  });
  console.log(`| ${RESULT_COLUMNS.join(' | ')} |`);
  for (const result of results) console.log(`| ${formatResult(result).join(' | ')} |`);
}
