import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startProcess, stopProcess } from './child-process';
import type { Bench, BenchResult } from './harness';
import { benchPort, withRatio } from './harness';
import { benchCredentials } from './credentials';

interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

async function load(
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadFigures> {
  const result = await autocannon({ url, connections: 10, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Pins a process to the CPUs `cores` (a taskset list) with taskset when the machine has it and more than one core: the
 * load generator (this process) and the servers then never take turns on one core, which moved
 * the baseline between runs. Returns what was done, for the note.
 */
function pin(pid: number, cores: string): boolean {
  if (cpus().length < 2) return false;
  return spawnSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' }).status === 0;
}

/**
 * One unit's whole X-matrix over HTTP, served by Catchball (an app server in its own process on
 * the big organisation in PostgreSQL) against a bare Fastify route sending the same JSON,
 * precomputed. Both servers run side by side on one core, the load generator on the other, and
 * the load alternates between them round by round, so a change in the machine's load falls on
 * both. Needs the big organisation loaded in `databaseUrl`.
 */
export function matrixHttpBench(databaseUrl: string, unitId: string): Bench {
  return {
    name: 'X-matrix over HTTP',
    async run({ isQuick, progress }) {
      const seconds = isQuick ? 2 : 4;
      const rounds = isQuick ? 3 : 5;
      const port = benchPort(21);
      const { headers } = await benchCredentials({ databaseUrl });
      const server = await startProcess(
        ['bin/catchball.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-demo'],
        /serving at/,
        { DATABASE_URL: databaseUrl },
      );
      const file = join(tmpdir(), `catchball-matrix-${process.pid}.json`);
      const path = `/api/units/${unitId}/matrices/2026`;
      const catchballRounds: LoadFigures[] = [];
      const bareRounds: LoadFigures[] = [];
      const pinning = { isPinned: false };
      try {
        const body = await (await fetch(`http://127.0.0.1:${port}${path}`, { headers })).text();
        writeFileSync(file, body);
        const bare = await startProcess(
          ['bin/run-ts.mjs', 'bench/servers/bare-server.ts', String(port + 1), file],
          /ready/,
        );
        try {
          pinning.isPinned =
            pin(process.pid, '0') && pin(server.child.pid ?? 0, '1') && pin(bare.child.pid ?? 0, '1');
          progress(`X-matrix JSON: ${(body.length / 1024).toFixed(1)} KB; warming up both…`);
          await load(`http://127.0.0.1:${port}${path}`, 1, headers);
          await load(`http://127.0.0.1:${port + 1}${path}`, 1);
          for (let round = 0; round < rounds; round++) {
            progress(
              `round ${round + 1} of ${rounds}: ${seconds} s on Catchball, then ${seconds} s on bare Fastify…`,
            );
            catchballRounds.push(await load(`http://127.0.0.1:${port}${path}`, seconds, headers));
            bareRounds.push(await load(`http://127.0.0.1:${port + 1}${path}`, seconds));
          }
        } finally {
          await stopProcess(bare.child);
        }
      } finally {
        await stopProcess(server.child);
        rmSync(file, { force: true });
        if (pinning.isPinned) pin(process.pid, `0-${cpus().length - 1}`); // the later benches use every core
      }
      const figure = (rows: LoadFigures[], key: keyof LoadFigures) => median(rows.map((row) => row[key]));
      const ratios = catchballRounds.map(
        (row, i) => row.requestsPerSecond / (bareRounds[i]?.requestsPerSecond ?? Number.NaN),
      );
      const how = `median of ${rounds} interleaved rounds of ${seconds} s${pinning.isPinned ? '; servers on core 1, load generator on core 0 (taskset)' : '; not pinned (no taskset)'}`;
      const results: BenchResult[] = [
        withRatio({
          name: 'X-matrix GET throughput (PostgreSQL, 10 connections)',
          value: figure(catchballRounds, 'requestsPerSecond'),
          unit: 'req/s',
          baseline: {
            name: 'bare Fastify, precomputed JSON',
            value: figure(bareRounds, 'requestsPerSecond'),
          },
          higherIsBetter: true,
          goal: { op: '>=', value: 0.5, of: 'ratio' },
          note: `${how}; ratio per round ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
        }),
        withRatio({
          name: 'X-matrix GET latency p50',
          value: figure(catchballRounds, 'p50'),
          unit: 'ms',
          baseline: { name: 'bare Fastify', value: figure(bareRounds, 'p50') },
        }),
        withRatio({
          name: 'X-matrix GET latency p99',
          value: figure(catchballRounds, 'p99'),
          unit: 'ms',
          baseline: { name: 'bare Fastify', value: figure(bareRounds, 'p99') },
          goal: { op: '<=', value: 25 },
        }),
      ];
      return results;
    },
  };
}
