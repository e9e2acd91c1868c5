import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../../core/errors';
import { describeStore, resolveStoreConfig } from '../../server/config';
import { writeBackup } from '../../server/db/backup';
import { restoreBackup } from '../../server/db/restore';
import { openStore, type Store } from '../../server/db/store';
import type { StoreFlags } from '../store-session';

const STORE_OPTIONS = [
  ['--data-dir <dir>', 'embedded store directory (env CATCHBALL_DATA_DIR, default ./data)'],
  ['--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL); overrides the data directory'],
] as const;

/**
 * `catchball backup <file>` and `catchball restore <file> [--force]`: a logical backup of either
 * store (gzip'd JSON lines) that restores into either store. Progress goes to stderr.
 */
export function registerBackupCommands(program: Command): void {
  const backup = program
    .command('backup <file>')
    .description(
      'Write a consistent backup of the store (gzip’d JSON lines; sessions and rate limits left out)',
    );
  for (const [flag, help] of STORE_OPTIONS) backup.option(flag, help);
  backup.action(async (file: string, flags: StoreFlags) => {
    const summary = await withStore(flags, false, async (store) => {
      console.error(`Backing up ${describeStore(resolveStoreConfig(flags))} to ${file}`);
      return writeBackup(store, file, { onTable: (table, rows) => console.error(`  ${table}: ${rows}`) });
    });
    const total = Object.values(summary.rows).reduce((sum, rows) => sum + rows, 0);
    console.log(
      `Backup written to ${file}: ${total} rows in ${Object.keys(summary.rows).length} tables, migrations up to ${summary.migrations.at(-1) ?? 'none'}`,
    );
  });

  const restore = program
    .command('restore <file>')
    .description(
      'Restore a backup into an empty store (all or nothing); --force wipes a store with data first',
    )
    .option('--force', 'wipe the store first when it already holds organisations or users');
  for (const [flag, help] of STORE_OPTIONS) restore.option(flag, help);
  restore.action(async (file: string, flags: StoreFlags & { force?: boolean }) => {
    if (!existsSync(file)) throw new DomainError('not_found', `No backup file ${file}`);
    const summary = await withStore(flags, true, async (store) => {
      console.error(`Restoring ${file} into ${describeStore(resolveStoreConfig(flags))}`);
      return restoreBackup(store, file, {
        force: flags.force === true,
        onMigrations: (applied) => {
          if (applied.length > 0) console.error(`  migrations applied: ${applied.join(', ')}`);
        },
        onTable: (table, rows) => console.error(`  ${table}: ${rows}`),
      });
    });
    const total = Object.values(summary.rows).reduce((sum, rows) => sum + rows, 0);
    console.log(`Restored ${total} rows from the backup of ${summary.createdAt}`);
  });
}

/**
 * Opens the store the flags name without migrating it (a backup records the schema as it is).
 * A backup of a data directory that does not exist is refused rather than creating an empty store.
 */
async function withStore<T>(
  flags: StoreFlags,
  mayCreate: boolean,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const config = resolveStoreConfig(flags);
  if ('dataDir' in config && !mayCreate && !existsSync(join(config.dataDir, 'PG_VERSION')))
    throw new DomainError(
      'not_found',
      `No Catchball store in ${config.dataDir}: there is nothing to back up`,
    );
  const store = await openStore(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
