import autocannon from 'autocannon';
import { benchCredentials } from './credentials';
import pg from 'pg';
import { startProcess, stopProcess } from './child-process';
import { benchPort, withRatio, type Bench, type BenchResult } from './harness';

/**
 * Fills the big organisation's key results with `total` check-ins, in batches of one
 * INSERT … SELECT each (the bulk path a migration from another tool would take), with progress.
 * @returns seconds taken.
 */
export async function loadCheckIns(
  databaseUrl: string,
  total: number,
  progress: (message: string) => void,
): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM key_results');
    const keyResults = Number(rows[0]?.count ?? 0);
    const batch = 100_000;
    for (let done = 0; done < total; done += batch) {
      const size = Math.min(batch, total - done);
      await client.query(
        `WITH krs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM key_results)
         INSERT INTO check_ins (id, key_result_id, value, confidence, comment, check_in_date, source)
         SELECT 'bulk_' || g, krs.id, (g % 97)::double precision, 0.7, '', DATE '2026-01-01' + (g % 300)::integer, 'api'
         FROM generate_series($1::bigint, $2::bigint) AS g
         JOIN krs ON krs.n = g % $3`,
        [done, done + size - 1, keyResults],
      );
      progress(`check-ins: ${(done + size).toLocaleString('en')} of ${total.toLocaleString('en')}`);
    }
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

/** Raw `INSERT` + `COMMIT` from `connections` clients for `seconds`: the baseline write rate. */
async function rawInserts(
  databaseUrl: string,
  keyResultId: string,
  seconds: number,
  connections: number,
): Promise<number> {
  let count = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        for (let i = 0; performance.now() < deadline; i++) {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO check_ins (id, key_result_id, value, confidence, comment, check_in_date, source) VALUES ($1, $2, $3, 0.7, '', '2026-06-01', 'api')`,
            [`raw_${c}_${i}_${Date.now()}`, keyResultId, i % 50],
          );
          await client.query('COMMIT');
          count++;
        }
      } finally {
        await client.end();
      }
    }),
  );
  return count / seconds;
}

/**
 * Check-in writes per second through the API (POST /api/check-ins: validation, the key result's
 * current value and its ancestors' roll-up, one transaction) against raw INSERT + COMMIT on the
 * same PostgreSQL, with the same number of concurrent writers.
 */
export function checkInWritesBench(databaseUrl: string, keyResultIds: readonly string[]): Bench {
  return {
    name: 'Check-in writes',
    async run({ isQuick, progress }) {
      const seconds = isQuick ? 3 : 10;
      const connections = 10;
      const port = benchPort(22);
      const { headers } = await benchCredentials({ databaseUrl });
      const server = await startProcess(
        ['bin/catchball.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-demo'],
        /serving at/,
        {
          DATABASE_URL: databaseUrl,
        },
      );
      let api: number;
      try {
        let n = 0;
        // A warm-up first, as for the X-matrix: the first writes pay for compiling and caching
        // (the session, the tree, each key result's path), which a 3 s quick run would mostly measure.
        const write = (duration: number) =>
          autocannon({
            url: `http://127.0.0.1:${port}/api/check-ins`,
            connections,
            duration,
            requests: [
              {
                method: 'POST',
                headers: { ...headers, 'content-type': 'application/json' },
                setupRequest: (request) => ({
                  ...request,
                  body: JSON.stringify({
                    keyResultId: keyResultIds[n++ % keyResultIds.length],
                    value: n % 50,
                    date: '2026-06-01',
                  }),
                }),
              },
            ],
          });
        progress('warming up for 2 s…');
        await write(2);
        progress(`POST /api/check-ins for ${seconds} s…`);
        const result = await write(seconds);
        if (result.non2xx > 0) throw new Error(`${result.non2xx} check-ins were refused`);
        api = result.requests.average;
      } finally {
        await stopProcess(server.child);
      }
      progress(`raw INSERT + COMMIT for ${seconds} s…`);
      const raw = await rawInserts(databaseUrl, keyResultIds[0] ?? '', seconds, connections);
      const results: BenchResult[] = [
        withRatio({
          name: `check-in writes through the API (${connections} writers)`,
          value: api,
          unit: 'writes/s',
          baseline: { name: 'raw pg INSERT + COMMIT, same writers', value: raw },
          higherIsBetter: true,
          goal: { op: '>=', value: 0.5, of: 'ratio' },
        }),
      ];
      return results;
    },
  };
}
