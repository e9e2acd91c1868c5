import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { residentMegabytes, stopProcess } from './child-process';
import { benchPort, withRatio, type Bench, type BenchResult } from './harness';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Spawns `catchball serve`, polls /readyz, and reports the time to the first 200 and the idle RSS. */
async function coldStart(
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/catchball.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: 'ignore',
    },
  );
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (performance.now() - started > 60_000) throw new Error('serve was not ready within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return { ms, rssMb: residentMegabytes(child.pid ?? 0) };
  } finally {
    await stopProcess(child);
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Cold start to the first 200 and idle memory, on the embedded store and on PostgreSQL. The
 * embedded first start is measured the way a user meets it: once with no store template built
 * yet (a throwaway process runs initdb and the demo, src/cli/store-template.ts), then, in
 * interleaved rounds, a first start from the template against a restart of the same store (the
 * same-run baseline: this 2-core machine is shared, so absolute seconds move with its load).
 */
export function startupBench(databaseUrl: string | undefined): Bench {
  return {
    name: 'Cold start and idle memory',
    async run({ isQuick, progress }) {
      const work = mkdtempSync(join(tmpdir(), 'catchball-start-'));
      const env = { DATABASE_URL: '', CATCHBALL_STORE_TEMPLATES: join(work, 'templates') };
      const results: BenchResult[] = [];
      try {
        progress('embedded store, first start with no template (throwaway initdb, migrations, demo)…');
        const untemplated = await coldStart(['--data-dir', join(work, 'untemplated')], env, benchPort(11));
        const firsts: { ms: number; rssMb: number }[] = [];
        const restarts: { ms: number; rssMb: number }[] = [];
        for (let round = 0; round < (isQuick ? 1 : 3); round++) {
          const dataDir = join(work, `round-${round}`);
          progress(`round ${round + 1}: first start from the template, then a restart…`);
          firsts.push(await coldStart(['--data-dir', dataDir], env, benchPort(11)));
          restarts.push(await coldStart(['--data-dir', dataDir], env, benchPort(12)));
        }
        const first = { ms: median(firsts.map((r) => r.ms)), rssMb: median(firsts.map((r) => r.rssMb)) };
        const again = { ms: median(restarts.map((r) => r.ms)), rssMb: median(restarts.map((r) => r.rssMb)) };
        const rounds = `median of ${firsts.length} interleaved rounds`;
        results.push(
          withRatio({
            name: 'cold start → first 200, embedded store, first start',
            value: first.ms / 1000,
            unit: 's',
            baseline: { name: 'restart of the same store', value: again.ms / 1000 },
            goal: { op: '<=', value: 3 },
            note: `${rounds}; with no template built yet: ${(untemplated.ms / 1000).toFixed(2)} s`,
          }),
          {
            name: 'cold start → first 200, embedded store, restart',
            value: again.ms / 1000,
            unit: 's',
            goal: { op: '<=', value: 5 },
            note: rounds,
          },
          withRatio({
            name: 'idle RSS, embedded store, first start',
            value: first.rssMb,
            unit: 'MB',
            baseline: { name: 'after a restart', value: again.rssMb },
            goal: { op: '<=', value: 400 },
            note: `with no template built yet: ${untemplated.rssMb.toFixed(0)} MB`,
          }),
        );
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      if (databaseUrl) {
        progress('PostgreSQL…');
        const pg = await coldStart(['--no-demo'], { DATABASE_URL: databaseUrl }, benchPort(13));
        results.push(
          { name: 'cold start → first 200, PostgreSQL', value: pg.ms / 1000, unit: 's' },
          { name: 'idle RSS, PostgreSQL', value: pg.rssMb, unit: 'MB' },
        );
      }
      return results;
    },
  };
}
