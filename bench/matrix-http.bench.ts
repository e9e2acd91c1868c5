import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startProcess, stopProcess } from './child-process';
import type { Bench, BenchResult } from './harness';
import { withRatio } from './harness';
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

/**
 * One unit's whole X-matrix over HTTP, served by Catchball (an app server in its own process on
 * the big organisation in PostgreSQL) against a bare Fastify route sending the same JSON,
 * precomputed. Needs BENCH_DATABASE_URL pointing at the loaded big organisation.
 */
export function matrixHttpBench(databaseUrl: string, unitId: string): Bench {
  return {
    name: 'X-matrix over HTTP',
    async run({ isQuick, progress }) {
      const seconds = isQuick ? 3 : 10;
      const port = 3291;
      const { headers } = await benchCredentials({ databaseUrl });
      const server = await startProcess(
        ['bin/catchball.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-demo'],
        /serving at/,
        {
          DATABASE_URL: databaseUrl,
        },
      );
      const url = `http://127.0.0.1:${port}/api/units/${unitId}/matrices/2026`;
      let catchball: LoadFigures;
      let body: string;
      try {
        body = await (await fetch(url, { headers })).text();
        progress(`X-matrix JSON: ${(body.length / 1024).toFixed(1)} KB; warming up…`);
        await load(url, 1, headers);
        progress(`loading Catchball for ${seconds} s (signed in, as every user is)…`);
        catchball = await load(url, seconds, headers);
      } finally {
        await stopProcess(server.child);
      }
      const file = join(tmpdir(), `catchball-matrix-${process.pid}.json`);
      writeFileSync(file, body);
      const bare = await startProcess(
        ['bin/run-ts.mjs', 'bench/servers/bare-server.ts', String(port + 1), file],
        /ready/,
      );
      let baseline: LoadFigures;
      try {
        const bareUrl = `http://127.0.0.1:${port + 1}/api/units/${unitId}/matrices/2026`;
        await load(bareUrl, 1);
        progress(`loading the bare Fastify baseline for ${seconds} s…`);
        baseline = await load(bareUrl, seconds);
      } finally {
        await stopProcess(bare.child);
      }
      const results: BenchResult[] = [
        withRatio({
          name: 'X-matrix GET throughput (PostgreSQL, 10 connections)',
          value: catchball.requestsPerSecond,
          unit: 'req/s',
          baseline: { name: 'bare Fastify, precomputed JSON', value: baseline.requestsPerSecond },
          higherIsBetter: true,
          goal: { op: '>=', value: 0.5, of: 'ratio' },
        }),
        withRatio({
          name: 'X-matrix GET latency p50',
          value: catchball.p50,
          unit: 'ms',
          baseline: { name: 'bare Fastify', value: baseline.p50 },
        }),
        withRatio({
          name: 'X-matrix GET latency p99',
          value: catchball.p99,
          unit: 'ms',
          baseline: { name: 'bare Fastify', value: baseline.p99 },
          goal: { op: '<=', value: 25 },
        }),
      ];
      return results;
    },
  };
}
