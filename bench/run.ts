// `npm run bench` (add `-- --quick` for a run under two minutes, `-- --only <name>` for one bench;
// BENCH_PORT_BASE=<port> moves every server of the run to that port and the few above it;
// BENCH_DATABASE=<name> names the scratch database, dropped and made afresh).
// Prints every figure beside its same-run baseline and goal, and rewrites bench/RESULTS.md.
import { writeFileSync } from 'node:fs';
import { BIG_ORG, generateOrganisation } from './generate-org';
import {
  describeMachine,
  formatResult,
  isGoalMet,
  RESULT_COLUMNS,
  type Bench,
  type BenchContext,
  type BenchResult,
} from './harness';
import { loadPlan } from './load-org';
import { migrate } from '../src/server/db/migrate';
import { openStore } from '../src/server/db/store';
import { checkInWritesBench, loadCheckIns } from './check-ins.bench';
import { matrixHttpBench } from './matrix-http.bench';
import { startupBench } from './startup.bench';
import { webBench } from './web.bench';
import { whatIfBench } from './what-if.bench';
import { pressureTestBench } from './pressure-test.bench';
import { fromTimedResults } from './timed-bench';
import { run as runRollup } from './rollup.bench';
import { bigPlanBench } from './big-plan.bench';
import { liveDashboardBench } from './live-dashboard.bench';
import { recreateDatabase } from './scratch-database';

const args = process.argv.slice(2);
const isQuick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const context: BenchContext = { isQuick, progress: (message) => process.stderr.write(`  · ${message}\n`) };

/** A fresh database for the big organisation, next to the admin database. */
function prepareDatabase(): Promise<string> {
  return recreateDatabase(adminUrl, process.env.BENCH_DATABASE ?? 'catchball_bench');
}

/** The benches that read the big organisation; any other `--only` skips loading it (minutes). */
const NEEDS_BIG_ORG = ['X-matrix over HTTP', 'Check-in writes'];
const isSelected = (name: string) => !only || name.toLowerCase().includes(only.toLowerCase());

async function main(): Promise<void> {
  const started = Date.now();
  const shape = isQuick ? { ...BIG_ORG, units: 200, matrixUnits: 200 } : BIG_ORG;
  const databaseUrl = await prepareDatabase();
  const sections: { bench: Bench; results: BenchResult[] }[] = [];
  if (NEEDS_BIG_ORG.some(isSelected)) {
    const loadStarted = performance.now();
    const store = await loadPlan({ databaseUrl }, generateOrganisation(shape), context.progress);
    await store.close();
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const checkInCount = isQuick ? 50_000 : 1_000_000;
    const checkInSeconds = await loadCheckIns(databaseUrl, checkInCount, context.progress);
    sections.push({
      bench: { name: 'Big organisation load', run: () => Promise.resolve([]) },
      results: [
        {
          name: `plan import into PostgreSQL: ${shape.units} units, ${shape.units * shape.objectivesPerUnit} objectives, ${shape.units * shape.objectivesPerUnit * shape.keyResultsPerObjective} key results, ${shape.matrixUnits * shape.itemsPerPart} initiatives`,
          value: loadSeconds,
          unit: 's',
          note: 'one transaction',
        },
        {
          name: `${checkInCount.toLocaleString('en')} check-ins, bulk INSERT … SELECT in batches of 100,000`,
          value: checkInSeconds,
          unit: 's',
        },
      ],
    });
  } else {
    // The PostgreSQL cold start still wants a migrated database, as the full run leaves it.
    const store = await openStore({ databaseUrl });
    await migrate(store);
    await store.close();
  }

  const benches: Bench[] = [
    fromTimedResults('Objective roll-up', runRollup),
    pressureTestBench(),
    startupBench(databaseUrl),
    matrixHttpBench(databaseUrl, 'bench-u17'),
    checkInWritesBench(
      databaseUrl,
      Array.from({ length: 200 }, (_, i) => `bench-u${i}-o0-kr0`),
    ),
    webBench(),
    whatIfBench(),
    liveDashboardBench(adminUrl),
    bigPlanBench(adminUrl),
  ];
  for (const bench of benches) {
    if (!isSelected(bench.name)) continue;
    process.stderr.write(`${bench.name}\n`);
    sections.push({ bench, results: await bench.run(context) });
  }

  const lines: string[] = [];
  for (const { bench, results } of sections) {
    lines.push(
      `\n### ${bench.name}\n`,
      `| ${RESULT_COLUMNS.join(' | ')} |`,
      `|${RESULT_COLUMNS.map(() => ' --- ').join('|')}|`,
    );
    for (const result of results) lines.push(`| ${formatResult(result).join(' | ')} |`);
  }
  const missed = sections.flatMap((s) => s.results).filter((r) => isGoalMet(r) === false);
  const report = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench${isQuick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 10)}: ${describeMachine()}; PostgreSQL at ${new URL(adminUrl).host}.`,
    `Every baseline was measured in the same run. Total time ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    ...lines,
    '',
    missed.length === 0
      ? 'Every goal was met.'
      : `Goals missed: ${missed.map((r) => r.name).join('; ')}. See docs/PERFORMANCE.md for the profile and what would close each.`,
    '',
  ].join('\n');
  console.log(report);
  // A run of one bench prints its figures but leaves the full run's file as it is.
  if (!only) writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
}

await main();
