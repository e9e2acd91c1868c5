// The what-if recompute in Chromium: from an impact-range change in the pressure test's what-if
// panel until the page shows the recomputed outcome (10,000 trials in the page's Web Worker), for
// the demo's CSO matrix and a generated 50 initiatives × 30 KPIs matrix. Beside each, the same-run
// baseline: core's simulation alone on the same model, in this Node process. Part of `npm run
// bench`; alone: `node bin/run-ts.mjs bench/what-if.bench.ts` (needs `npm run build:web` first).
// The server's port comes from BENCH_PORT_BASE (harness.ts benchPort).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { runPressureTest } from '../src/core/pressure-test';
import { mulberry32 } from '../src/core/random';
import type { WhatIfBasisView } from '../src/contracts';
import { startProcess, stopProcess } from './child-process';
import { benchCredentials, type BenchCredentials } from './credentials';
import { generateWhatIfPlan } from './generate-org';
import {
  benchPort,
  formatResult,
  percentile,
  RESULT_COLUMNS,
  withRatio,
  type Bench,
  type BenchResult,
} from './harness';

const TRIALS = 10_000;

/** ms from setting the "High" field of an impact until the what-if status says it has recomputed. */
async function timeRecompute(page: Page, selector: string, high: number): Promise<number> {
  return page.evaluate(
    ({ value, selector }) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>(selector);
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
    { value: high, selector },
  );
}

/** One matrix's pressure test page: where to change an impact, and the values to set its High to. */
interface Target {
  label: string;
  path: string;
  matrixId: string;
  initiativeId: string;
  kpiId: string;
  highs: (i: number) => number;
}

/** Median and p90 of `runs` recomputes after opening the page (the first two are warm-up). */
async function measurePage(
  page: Page,
  base: string,
  target: Target,
  runs: number,
): Promise<{ median: number; p90: number; count: number }> {
  await page.goto(`${base}${target.path}`);
  await page.getByTestId('what-if-panel').waitFor({ timeout: 60_000 });
  // The saved plan's run and its sensitivity go first, so changes do not queue behind them.
  await page.getByTestId('drivers').first().waitFor({ timeout: 120_000 });
  await page.getByTestId(`whatif-initiative-${target.initiativeId}`).locator('summary').click();
  const selector = `[data-testid="whatif-initiative-${target.initiativeId}"] [data-testid="whatif-impact-${target.kpiId}"] input[name="high"]`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(await timeRecompute(page, selector, target.highs(i)));
    await page.waitForTimeout(30);
  }
  const sorted = times.slice(2).sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p90: percentile(sorted, 90), count: sorted.length };
}

/** The baseline: core's simulation alone on the matrix's model, in this process (median of `runs`). */
async function simulationAlone(
  base: string,
  credentials: BenchCredentials,
  matrixId: string,
  runs: number,
): Promise<{ ms: number; initiatives: number; kpis: number; impacts: number }> {
  const response = await fetch(`${base}/api/matrices/${matrixId}/what-if-basis`, {
    headers: credentials.headers,
  });
  if (!response.ok) throw new Error(`what-if basis of ${matrixId}: ${await response.text()}`);
  const { model } = (await response.json()) as WhatIfBasisView;
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    runPressureTest(model, mulberry32(1), { trials: TRIALS });
    times.push(performance.now() - started);
  }
  const sorted = times.slice(2).sort((a, b) => a - b);
  return {
    ms: percentile(sorted, 50),
    initiatives: model.initiatives.length,
    kpis: model.kpis.length,
    impacts: model.initiatives.reduce((sum, i) => sum + i.impacts.length, 0),
  };
}

export function whatIfBench(): Bench {
  return {
    name: 'What-if in Chromium',
    async run({ isQuick, progress }) {
      const dataDir = mkdtempSync(join(tmpdir(), 'catchball-what-if-'));
      const port = benchPort(2);
      const base = `http://127.0.0.1:${String(port)}`;
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
        progress('importing a generated 50 initiatives × 30 KPIs matrix…');
        const imported = await fetch(`${base}/api/plan`, {
          method: 'POST',
          headers: { ...credentials.headers, 'content-type': 'application/json' },
          body: JSON.stringify(generateWhatIfPlan(50, 30)),
        });
        if (!imported.ok) throw new Error(`import failed: ${await imported.text()}`);
        const targets: Target[] = [
          {
            label: "the demo's CSO matrix",
            path: '/org/acme/units/cso/pressure/2026',
            matrixId: 'cso-2026',
            initiativeId: 'cso-i1',
            kpiId: 'cso-k1',
            highs: (i) => 60 + (i % 10) * 5,
          },
          {
            label: 'a generated 50 initiatives × 30 KPIs matrix',
            path: '/org/whatif-bench/units/whatif-u/pressure/2026',
            matrixId: 'whatif-m',
            initiativeId: 'whatif-m-h0',
            kpiId: 'whatif-m-k0',
            highs: (i) => 7 + (i % 10),
          },
        ];
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await context.addCookies([{ ...credentials.cookie, url: base }]);
        const page = await context.newPage();
        const runs = isQuick ? 10 : 40;
        const results: BenchResult[] = [];
        for (const target of targets) {
          progress(`${target.label}: ${String(runs)} impact changes…`);
          const measured = await measurePage(page, base, target, runs);
          const alone = await simulationAlone(base, credentials, target.matrixId, isQuick ? 5 : 15);
          results.push(
            withRatio({
              name: `impact change → what-if outcome shown, ${TRIALS.toLocaleString('en')} trials, ${target.label} (median)`,
              value: measured.median,
              unit: 'ms',
              baseline: { name: "core's simulation alone, same model, in Node", value: alone.ms },
              goal: { op: '<=', value: 100 },
              note: `${String(alone.initiatives)} initiatives, ${String(alone.kpis)} KPIs, ${String(alone.impacts)} impacts; p90 ${measured.p90.toFixed(0)} ms over ${String(measured.count)} changes (first 2 are warm-up); load average ${(loadavg()[0] ?? 0).toFixed(1)}`,
            }),
          );
        }
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
