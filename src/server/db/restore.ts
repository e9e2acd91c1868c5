import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { DomainError } from '../../core/errors';
import {
  corrupt,
  parseHeader,
  parseTrailer,
  readBackupLines,
  rowLinePrefix,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format';
import { migrate, migrationNames, MIGRATIONS_DIR } from './migrate';
import { EXCLUDED_TABLES, quoteIdent, readCatalog, type CatalogTable } from './table-catalog';
import type { Db, Store } from './store';
import { plural } from '../../core/plural';

/** Rows per INSERT, and the most JSON text one statement carries. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 4_000_000;

export interface RestoreOptions {
  /** Wipe a store that already holds organisations or users instead of refusing. */
  force?: boolean;
  /** Called with the migrations applied around the restore (before it, then after it). */
  onMigrations?: (applied: string[]) => void;
  /** Called after each table with the rows written. */
  onTable?: (table: string, rows: number) => void;
  migrationsDir?: string;
}

export interface RestoreSummary {
  createdAt: string;
  migrations: string[];
  rows: Record<string, number>;
}

/**
 * Restores a backup written by {@link writeBackup} (from either kind of store) into `store`:
 * 1. checks the header and that the backup's migrations are this build's first ones;
 * 2. refuses a store that holds organisations or users (unless `force`), before changing anything;
 * 3. migrates the store up to the backup's last migration, so rows land in the schema they came from;
 * 4. in ONE transaction: empties every table, writes every row, resets sequences. Foreign keys are
 *    deferred, so order does not matter; the audit trigger stands aside (`catchball.restoring`),
 *    so the restored trail is the backup's and nothing more. A damaged file rolls all of it back;
 * 5. applies this build's later migrations.
 * @throws DomainError `validation_failed` for a damaged or foreign file or a backup from a newer
 * build; `already_exists` for a store with data (without `force`).
 */
export async function restoreBackup(
  store: Store,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const dir = options.migrationsDir ?? MIGRATIONS_DIR;
  if (!existsSync(file)) throw new DomainError('not_found', `No backup file ${file}`);
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    const header = parseHeader(file, first.done ? undefined : first.value);
    checkMigrations(header.migrations, migrationNames(dir));
    if (!options.force) await refuseUnlessEmpty(store.db);
    const upTo = header.migrations.at(-1);
    // Not `onMigrations?.(await migrate(…))`: an absent callback would skip the migration too.
    const before = upTo === undefined ? [] : await migrate(store, dir, { upTo });
    options.onMigrations?.(before);
    const catalog = await readCatalog(store.db);
    const targets = matchTables(header, catalog);
    let rows: Record<string, number> = {};
    try {
      await store.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('catchball.restoring', 'on', true)`.execute(trx);
        const wipe = catalog.filter((table) => table.name !== 'schema_migrations');
        if (wipe.length > 0)
          await sql.raw(`TRUNCATE TABLE ${wipe.map((t) => quoteIdent(t.name)).join(', ')}`).execute(trx);
        rows = await loadRows(trx, file, header, targets, lines, options);
        await resetSequences(trx, catalog);
      });
    } catch (error) {
      // A bad value (SQLSTATE class 22) or a broken key or constraint (23) is the file's fault;
      // anything else (a lost connection) is reported as it is.
      const sqlState = (error as { code?: unknown }).code;
      if (typeof sqlState !== 'string' || !/^2[23]/.test(sqlState)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw corrupt(file, `its rows do not fit this store (${message}); nothing was restored`);
    }
    const after = await migrate(store, dir);
    options.onMigrations?.(after);
    return { createdAt: header.createdAt, migrations: header.migrations, rows };
  } finally {
    await lines.return(undefined);
  }
}

/** The backup's migrations must be this build's first ones, in order. */
function checkMigrations(backup: readonly string[], build: readonly string[]): void {
  for (const [index, name] of backup.entries()) {
    if (build[index] === name) continue;
    throw new DomainError(
      'validation_failed',
      build[index] === undefined || !build.includes(name)
        ? `The backup was taken with migration ${name}, which this build does not have: restore it with the build that wrote it or a newer one`
        : `The backup's migrations do not match this build's: it has ${name} where this build has ${build[index]}`,
    );
  }
}

async function refuseUnlessEmpty(db: Db): Promise<void> {
  const present = await sql<{ orgs: boolean; users: boolean }>`
    SELECT to_regclass('organisations') IS NOT NULL AS orgs, to_regclass('users') IS NOT NULL AS users`.execute(
    db,
  );
  const counts = { organisations: 0, users: 0 };
  for (const table of ['organisations', 'users'] as const) {
    const exists = table === 'users' ? present.rows[0]?.users : present.rows[0]?.orgs;
    if (!exists) continue;
    const result = await sql.raw<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`).execute(db);
    counts[table] = result.rows[0]?.n ?? 0;
  }
  if (counts.organisations + counts.users > 0)
    throw new DomainError(
      'already_exists',
      `The store already holds ${plural(counts.organisations, 'organisation')} and ${plural(counts.users, 'user')}; restore only into an empty store, or pass --force to wipe it first`,
    );
}

/** Each table of the backup must exist here with every column it carries. */
function matchTables(
  header: BackupHeader,
  catalog: readonly CatalogTable[],
): Map<string, BackupHeader['tables'][number]> {
  const byName = new Map(catalog.map((table) => [table.name, table]));
  const targets = new Map<string, BackupHeader['tables'][number]>();
  for (const table of header.tables) {
    const target = byName.get(table.name);
    if (!target || EXCLUDED_TABLES.includes(table.name))
      throw new DomainError(
        'validation_failed',
        `The backup holds table ${table.name}, which this store does not have`,
      );
    const missing = table.columns.filter((column) => !target.columns.includes(column));
    if (missing.length > 0)
      throw new DomainError(
        'validation_failed',
        `The backup's table ${table.name} has ${missing.length === 1 ? 'a column' : 'columns'} ${missing.join(', ')}, which this store does not have`,
      );
    targets.set(table.name, table);
  }
  return targets;
}

/**
 * Streams the row lines into the tables, a batch per INSERT through `json_populate_recordset`:
 * PostgreSQL reads each value back from its own JSON text, so nothing is rounded on the way.
 */
async function loadRows(
  trx: Db,
  file: string,
  header: BackupHeader,
  targets: Map<string, BackupHeader['tables'][number]>,
  lines: AsyncGenerator<string>,
  options: RestoreOptions,
): Promise<Record<string, number>> {
  const rows: Record<string, number> = Object.fromEntries(header.tables.map((table) => [table.name, 0]));
  let current: string | null = null;
  let batch: string[] = [];
  let chars = 0;
  let trailer: BackupTrailer | null = null;
  const flush = async (): Promise<void> => {
    const table = current === null ? undefined : targets.get(current);
    if (!table || batch.length === 0) return;
    const columns = table.columns.map(quoteIdent).join(', ');
    await sql`${sql.raw(`INSERT INTO ${quoteIdent(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, `)}${`[${batch.join(',')}]`}::json)`.execute(
      trx,
    );
    batch = [];
    chars = 0;
  };
  const finishTable = async (): Promise<void> => {
    await flush();
    if (current !== null) options.onTable?.(current, rows[current] ?? 0);
  };
  let lineNumber = 1;
  for await (const line of { [Symbol.asyncIterator]: () => lines }) {
    lineNumber++;
    if (trailer) throw corrupt(file, `line ${lineNumber} follows the end line`);
    const end = line.startsWith('{"end":') ? parseTrailer(line) : null;
    if (end) {
      await finishTable();
      trailer = end;
      continue;
    }
    const table = /^\{"table":"([^"\\]+)","row":\{/.exec(line)?.[1];
    if (table === undefined || !targets.has(table) || !line.endsWith('}}'))
      throw corrupt(file, `line ${lineNumber} is not a row of a table named in the header`);
    if (table !== current) {
      await finishTable();
      current = table;
    }
    const row = line.slice(rowLinePrefix(table).length, -1);
    batch.push(row);
    chars += row.length;
    rows[table] = (rows[table] ?? 0) + 1;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
  }
  if (!trailer) throw corrupt(file, 'it ends before its end line (cut short?); nothing was restored');
  for (const table of header.tables) {
    const expected = trailer.rows[table.name] ?? 0;
    if (expected !== rows[table.name])
      throw corrupt(
        file,
        `table ${table.name} has ${plural(rows[table.name] ?? 0, 'row')}, its end line says ${String(expected)}`,
      );
    if (expected === 0) options.onTable?.(table.name, 0);
  }
  return rows;
}

/** Sequences continue after the highest restored id. */
async function resetSequences(trx: Db, catalog: readonly CatalogTable[]): Promise<void> {
  for (const table of catalog) {
    for (const { column, sequence } of table.sequences) {
      await sql`SELECT setval(${sequence}, COALESCE((SELECT max(${sql.raw(quoteIdent(column))}) FROM ${sql.raw(quoteIdent(table.name))}), 0) + 1, false)`.execute(
        trx,
      );
    }
  }
}
