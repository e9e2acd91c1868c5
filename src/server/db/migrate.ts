import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from './store';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** Any fixed number: app servers starting together on one PostgreSQL take turns migrating. */
const MIGRATION_LOCK = 727_001;

/** This build's migrations, by name in the order they apply. */
export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  for (const name of files) {
    if (!/^[\w.-]+$/.test(name))
      throw new Error(`Migration file name ${name} must be letters, digits, "_", "." or "-"`);
  }
  return files;
}

/**
 * Applies the forward-only SQL migrations in `migrations/` that the store has not seen, in name
 * order, each in its own transaction, and records them in `schema_migrations`. Concurrent callers
 * on one PostgreSQL wait for each other on an advisory lock, so each migration runs once.
 * `upTo` stops after that migration (a restore loads a backup into the schema it was taken from,
 * then applies the rest).
 * @returns the names of the migrations applied now.
 */
export async function migrate(
  store: Store,
  dir = MIGRATIONS_DIR,
  options: { upTo?: string } = {},
): Promise<string[]> {
  const { upTo } = options;
  const files = migrationNames(dir).filter((name) => upTo === undefined || name <= upTo);
  return store.withScriptSession(async (run) => {
    await run(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await run(
        'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set((await run('SELECT name FROM schema_migrations')).map((row) => String(row.name)));
      const applied: string[] = [];
      for (const name of files) {
        if (done.has(name)) continue;
        const script = readFileSync(`${dir}/${name}`, 'utf8');
        try {
          await run(`BEGIN;\n${script}\n;INSERT INTO schema_migrations (name) VALUES ('${name}');\nCOMMIT;`);
        } catch (error) {
          await run('ROLLBACK');
          throw new Error(
            `Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
        applied.push(name);
      }
      return applied;
    } finally {
      await run(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  });
}
