import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DomainError } from '../../core/errors';
import { resolveStoreConfig } from '../../server/config';
import { writeBackup } from '../../server/db/backup';
import { restoreBackup } from '../../server/db/restore';
import { openStore, type Store } from '../../server/db/store';
import { describeStoreIn, type CliText } from '../i18n';
import type { StoreFlags } from '../store-session';

/**
 * `catchball backup <file>` and `catchball restore <file> [--force]`: a logical backup of either
 * store (gzip'd JSON lines) that restores into either store. Progress goes to stderr.
 */
export function registerBackupCommands(program: Command, text: CliText): void {
  const { t } = text;
  const STORE_OPTIONS = [
    ['--data-dir <dir>', t('help.dataDir')],
    ['--database-url <url>', t('help.databaseUrlOverrides')],
  ] as const;
  const backup = program.command('backup <file>').description(t('help.backup.description'));
  for (const [flag, help] of STORE_OPTIONS) backup.option(flag, help);
  backup.action(async (file: string, flags: StoreFlags) => {
    const summary = await withStore(text, flags, false, async (store) => {
      console.error(t('backup.start', { store: describeStoreIn(text, resolveStoreConfig(flags)), file }));
      return writeBackup(store, file, { onTable: (table, rows) => console.error(`  ${table}: ${rows}`) });
    });
    const total = Object.values(summary.rows).reduce((sum, rows) => sum + rows, 0);
    console.log(
      t('backup.written', {
        file,
        count: total,
        rows: text.num(total),
        tables: Object.keys(summary.rows).length,
        latest: summary.migrations.at(-1) ?? t('backup.noMigrations'),
      }),
    );
  });

  const restore = program
    .command('restore <file>')
    .description(t('help.restore.description'))
    .option('--force', t('help.restore.force'));
  for (const [flag, help] of STORE_OPTIONS) restore.option(flag, help);
  restore.action(async (file: string, flags: StoreFlags & { force?: boolean }) => {
    if (!existsSync(file)) throw new DomainError('not_found', t('restore.noFile', { file }));
    const summary = await withStore(text, flags, true, async (store) => {
      console.error(t('restore.start', { file, store: describeStoreIn(text, resolveStoreConfig(flags)) }));
      return restoreBackup(store, file, {
        force: flags.force === true,
        onMigrations: (applied) => {
          if (applied.length > 0) console.error(t('store.migrationsApplied', { names: applied.join(', ') }));
        },
        onTable: (table, rows) => console.error(`  ${table}: ${rows}`),
      });
    });
    const total = Object.values(summary.rows).reduce((sum, rows) => sum + rows, 0);
    console.log(t('restore.done', { count: total, rows: text.num(total), createdAt: summary.createdAt }));
  });
}

/**
 * Opens the store the flags name without migrating it (a backup records the schema as it is).
 * A backup of a data directory that does not exist is refused rather than creating an empty store.
 */
async function withStore<T>(
  { t }: CliText,
  flags: StoreFlags,
  mayCreate: boolean,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const config = resolveStoreConfig(flags);
  if ('dataDir' in config && !mayCreate && !existsSync(join(config.dataDir, 'PG_VERSION')))
    throw new DomainError('not_found', t('backup.noStore', { dir: config.dataDir }));
  const store = await openStore(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
