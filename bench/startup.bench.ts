import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { residentMegabytes, stopProcess } from './child-process';
import type { Bench, BenchResult } from './harness';

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

/** Cold start to the first 200 and idle memory, on the embedded store (first start and restart) and on PostgreSQL. */
export function startupBench(databaseUrl: string | undefined): Bench {
  return {
    name: 'Cold start and idle memory',
    async run({ progress }) {
      const dataDir = mkdtempSync(join(tmpdir(), 'catchball-start-'));
      const results: BenchResult[] = [];
      try {
        progress('embedded store, first start (initdb, migrations, demo)…');
        const first = await coldStart(['--data-dir', dataDir], { DATABASE_URL: '' }, 3281);
        progress('embedded store, restart…');
        const again = await coldStart(['--data-dir', dataDir], { DATABASE_URL: '' }, 3282);
        results.push(
          {
            name: 'cold start → first 200, embedded store, first start',
            value: first.ms / 1000,
            unit: 's',
            goal: { op: '<=', value: 5 },
          },
          {
            name: 'cold start → first 200, embedded store, restart',
            value: again.ms / 1000,
            unit: 's',
            goal: { op: '<=', value: 5 },
          },
          {
            name: 'idle RSS, embedded store',
            value: again.rssMb,
            unit: 'MB',
            goal: { op: '<=', value: 400 },
            note: `first start: ${first.rssMb.toFixed(0)} MB`,
          },
        );
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
      if (databaseUrl) {
        progress('PostgreSQL…');
        const pg = await coldStart(['--no-demo'], { DATABASE_URL: databaseUrl }, 3283);
        results.push(
          { name: 'cold start → first 200, PostgreSQL', value: pg.ms / 1000, unit: 's' },
          { name: 'idle RSS, PostgreSQL', value: pg.rssMb, unit: 'MB' },
        );
      }
      return results;
    },
  };
}
