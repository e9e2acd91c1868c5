import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ActorTaggingDialect } from './actor-context';
import { lockDataDir } from './data-dir-lock';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/**
 * The store behind server and CLI: an embedded PGlite database in a data directory, or a real
 * PostgreSQL when a connection string is given. Both speak one SQL dialect and take the same
 * migrations; nothing above this file knows which one it has.
 */
export interface Store {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** PostgreSQL's connection string (for the job queue's own connections); null on PGlite. */
  readonly connectionString: string | null;
  /**
   * Runs `fn` on one dedicated session that takes multi-statement SQL scripts (migrations, session
   * locks). `run` returns the rows of the script's last statement.
   */
  withScriptSession<T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  /**
   * Calls `onMessage` with the payload of every notification on `channel` (delivered at commit,
   * from any app server on the same database). Resolves once listening; the result stops it.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

export type StoreConfig = { databaseUrl: string } | { dataDir: string } | { pglite: PGlite };

const DATE_OID = 1082;
// Nested keys stay as stored: jsonb values such as part names use snake_case keys on purpose.
const plugins = [new CamelCasePlugin({ maintainNestedObjectKeys: true })];

// `date` columns travel as ISO strings: a JS Date would shift them by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** Options for PGlite: small buffers keep the embedded store's memory low. */
export const PGLITE_OPTIONS = {
  parsers: { [DATE_OID]: (value: string) => value },
  postgresqlconf: ['shared_buffers = 16MB'],
};

/**
 * Opens the store described by `config`; it is not migrated yet (see migrate.ts). A data directory
 * is locked to this process until `close()` (data-dir-lock.ts): while another live process holds
 * it, this throws `store_locked` naming that process.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  if ('databaseUrl' in config) return openPostgres(config.databaseUrl);
  if ('pglite' in config) return wrapPGlite(config.pglite);
  return openDataDir(config.dataDir);
}

async function openDataDir(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir, {
    onTakeOver: (previous) =>
      console.error(
        `Took over the stale lock of ${dataDir}${previous ? ` (pid ${previous.pid}, \`${previous.command}\`, is gone)` : ''}`,
      ),
  });
  try {
    const store = wrapPGlite(await PGlite.create({ dataDir, ...PGLITE_OPTIONS }));
    return {
      ...store,
      async close() {
        try {
          await store.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an open PGlite instance (a test database clone, say) as a store. */
export function wrapPGlite(pglite: PGlite): Store {
  const db = new Kysely<Database>({ dialect: new ActorTaggingDialect(new PGliteDialect(pglite)), plugins });
  return {
    kind: 'pglite',
    connectionString: null,
    db,
    async withScriptSession(fn) {
      // Holding a Kysely connection keeps other queries off the single PGlite session meanwhile.
      return db.connection().execute(() =>
        fn(async (script) => {
          const results = await pglite.exec(script);
          return results.at(-1)?.rows ?? [];
        }),
      );
    },
    async listen(channel, onMessage) {
      return pglite.listen(channel, onMessage);
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function openPostgres(connectionString: string): Store {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection that the server drops (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  const db = new Kysely<Database>({
    dialect: new ActorTaggingDialect(new PostgresDialect({ pool })),
    plugins,
  });
  return {
    kind: 'postgres',
    connectionString,
    db,
    async withScriptSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (script) => {
          const result = (await client.query(script)) as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(result) ? result.at(-1) : result;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        client.release();
      }
    },
    listen(channel, onMessage) {
      return listenPostgres(connectionString, channel, onMessage);
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would drop the subscription when returned),
 * reconnecting after a lost connection so a database restart does not silence live updates.
 */
async function listenPostgres(
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let isStopped = false;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel) onMessage(message.payload ?? '');
    });
    next.on('error', (error) => {
      console.error(`Live updates lost their PostgreSQL connection: ${error.message}; reconnecting`);
      void next.end().catch(() => undefined);
      reconnectSoon();
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  const reconnectSoon = (): void => {
    if (isStopped) return;
    setTimeout(() => void connect().catch(reconnectSoon), 1000);
  };
  await connect();
  return async () => {
    isStopped = true;
    await client?.end();
  };
}
