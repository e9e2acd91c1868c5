// A check-in in a child unit reaching the parent's open dashboard across two app servers on one
// PostgreSQL: the CIO's dashboard is open in Chromium on server A; the CSO's KPI that measures the
// CIO's key result is checked in through server B; timed from sending the check-in until the
// dashboard shows the objective's new progress (B's write → NOTIFY → A's event stream → the page
// reads the dashboard again). Beside it, the same run's baseline: the check-in's own round trip
// through B. Part of `npm run bench`; alone: `node bin/run-ts.mjs bench/live-dashboard.bench.ts`
// (needs `npm run build:web` first). Ports from BENCH_PORT_BASE (harness.ts benchPort).
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { localIsoDate } from '../src/core/calendar';
import { startProcess, stopProcess } from './child-process';
import { benchCredentials } from './credentials';
import { benchPort, formatResult, percentile, RESULT_COLUMNS, withRatio, type Bench } from './harness';
import { dropScratchDatabase, recreateDatabase } from './scratch-database';

const DATABASE = 'catchball_bench_live';
const OBJECTIVE = '[data-testid="dash-objective-cio-o1"] [role="progressbar"]';

export function liveDashboardBench(adminUrl: string): Bench {
  return {
    name: 'Live dashboard across two app servers',
    async run({ isQuick, progress }) {
      const databaseUrl = await recreateDatabase(adminUrl, DATABASE);
      const credentials = await benchCredentials({ databaseUrl });
      const [portA, portB] = [benchPort(31), benchPort(32)];
      const serve = (port: number, demo: boolean) =>
        startProcess(
          [
            'bin/catchball.mjs',
            'serve',
            '--port',
            String(port),
            '--host',
            '127.0.0.1',
            ...(demo ? [] : ['--no-demo']),
          ],
          /serving at/,
          { DATABASE_URL: databaseUrl },
        );
      progress('two app servers on one PostgreSQL, the demo loaded by the first…');
      const a = await serve(portA, true);
      const b = await serve(portB, false);
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
      });
      try {
        const base = `http://127.0.0.1:${String(portA)}`;
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await context.addCookies([{ ...credentials.cookie, url: base }]);
        const page = await context.newPage();
        await page.goto(`${base}/org/acme/units/cio/dashboard`);
        await page.locator(OBJECTIVE).waitFor({ timeout: 60_000 });
        const shown = () => page.locator(OBJECTIVE).getAttribute('aria-valuenow');
        const runs = isQuick ? 6 : 20;
        const seen: number[] = [];
        const trips: number[] = [];
        progress(`${String(runs)} check-ins through the second server…`);
        for (let i = 0; i < runs; i++) {
          const before = await shown();
          const changed = page.waitForFunction(
            ({ selector, previous }) =>
              document.querySelector(selector)?.getAttribute('aria-valuenow') !== previous,
            { selector: OBJECTIVE, previous: before },
            { polling: 'raf', timeout: 10_000 },
          );
          const started = performance.now();
          const response = await fetch(`http://127.0.0.1:${String(portB)}/api/check-ins`, {
            method: 'POST',
            headers: { ...credentials.headers, 'content-type': 'application/json' },
            // Alternating values of the CSO's "L1 alerts triaged by AI" move the CIO's objective each time.
            body: JSON.stringify({
              kpiId: 'cso-k1',
              value: i % 2 === 0 ? 20 : 55,
              date: localIsoDate(new Date()),
            }),
          });
          trips.push(performance.now() - started);
          if (!response.ok) throw new Error(`check-in refused: ${await response.text()}`);
          await changed;
          seen.push(performance.now() - started);
          await page.waitForTimeout(300);
        }
        const sorted = [...seen].sort((x, y) => x - y);
        const tripSorted = [...trips].sort((x, y) => x - y);
        return [
          withRatio({
            name: "KPI check-in on the second server → the parent's open dashboard on the first shows it (median)",
            value: percentile(sorted, 50),
            unit: 'ms',
            baseline: { name: "the check-in's own round trip", value: percentile(tripSorted, 50) },
            goal: { op: '<=', value: 1000 },
            note: `p90 ${percentile(sorted, 90).toFixed(0)} ms over ${String(runs)} check-ins; load average ${(loadavg()[0] ?? 0).toFixed(1)}`,
          }),
        ];
      } finally {
        await browser.close();
        await stopProcess(b.child);
        await stopProcess(a.child);
        await dropScratchDatabase(adminUrl, DATABASE);
      }
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const results = await liveDashboardBench(adminUrl).run({
    isQuick: process.argv.includes('--quick'),
    progress: (message) => process.stderr.write(`  · ${message}\n`),
  });
  console.log(`| ${RESULT_COLUMNS.join(' | ')} |`);
  for (const result of results) console.log(`| ${formatResult(result).join(' | ')} |`);
}
