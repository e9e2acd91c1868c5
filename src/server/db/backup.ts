import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import { DomainError } from '../../core/errors';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  rowLinePrefix,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format';
import { backedUpTables, quoteIdent, type CatalogTable } from './table-catalog';
import type { Db, Store } from './store';

/** Rows fetched per round trip: memory stays flat however big the store. */
const BATCH = 1000;

export interface BackupSummary {
  file: string;
  createdAt: string;
  migrations: string[];
  rows: Record<string, number>;
}

export interface BackupOptions {
  /**
   * Called after each table with its row count (the CLI prints it on stderr); a returned promise is
   * awaited before the next table (tests write through another connection meanwhile).
   */
  onTable?: (table: string, rows: number) => void | Promise<void>;
  now?: () => Date;
}

/**
 * Writes a logical backup of `store` to `file` (gzip'd JSON lines, see backup-format.ts): every
 * table but the excluded ones, read in one REPEATABLE READ transaction, so the file is one
 * consistent snapshot while servers keep writing, and streamed through a cursor. The file
 * appears only when complete (written as `<file>.partial`, then renamed).
 * @throws DomainError `not_found` when the store has never been migrated (nothing to back up).
 */
export async function writeBackup(
  store: Store,
  file: string,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const createdAt = (options.now?.() ?? new Date()).toISOString();
  const partial = `${file}.partial`;
  const rows: Record<string, number> = {};
  let migrations: string[] = [];
  try {
    await store.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        // Canonical text whatever the server's defaults: shortest exact doubles, UTC timestamps.
        await sql`SELECT set_config('extra_float_digits', '1', true), set_config('TimeZone', 'UTC', true)`.execute(
          trx,
        );
        migrations = await appliedMigrations(trx);
        const tables = await backedUpTables(trx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt,
          migrations,
          tables: tables.map(({ name, columns }) => ({ name, columns })),
        };
        async function* lines(): AsyncGenerator<string> {
          yield `${JSON.stringify(header)}\n`;
          for (const table of tables) {
            rows[table.name] = 0;
            for await (const batch of readRows(trx, table)) {
              rows[table.name] = (rows[table.name] ?? 0) + batch.length;
              const prefix = rowLinePrefix(table.name);
              yield batch.map((row) => `${prefix}${row}}\n`).join('');
            }
            await options.onTable?.(table.name, rows[table.name] ?? 0);
          }
          const trailer: BackupTrailer = { end: true, rows };
          yield `${JSON.stringify(trailer)}\n`;
        }
        await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
      });
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return { file, createdAt, migrations, rows };
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const ledger = await sql<{ present: boolean }>`
    SELECT to_regclass('schema_migrations') IS NOT NULL AS present`.execute(db);
  if (!ledger.rows[0]?.present)
    throw new DomainError('not_found', 'The store has no Catchball schema yet: there is nothing to back up');
  const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
  return applied.rows.map((row) => row.name);
}

/**
 * The rows of one table as `row_to_json` text, in primary-key order, `BATCH` at a time through a
 * cursor of the enclosing transaction (PGlite cannot stream a result, a cursor works on both).
 */
async function* readRows(trx: Db, table: CatalogTable): AsyncGenerator<string[]> {
  const columns = table.columns.map((column) => `t.${quoteIdent(column)}`).join(', ');
  const order = table.orderBy.map((column) => `t.${quoteIdent(column)}`).join(', ');
  await sql
    .raw(
      `DECLARE catchball_backup NO SCROLL CURSOR FOR
       SELECT row_to_json(r)::text AS line
       FROM ${quoteIdent(table.name)} AS t CROSS JOIN LATERAL (SELECT ${columns}) AS r
       ORDER BY ${order}`,
    )
    .execute(trx);
  try {
    for (;;) {
      const batch = await sql
        .raw<{ line: string }>(`FETCH FORWARD ${BATCH} FROM catchball_backup`)
        .execute(trx);
      if (batch.rows.length === 0) return;
      yield batch.rows.map((row) => row.line);
    }
  } finally {
    await sql.raw('CLOSE catchball_backup').execute(trx);
  }
}
