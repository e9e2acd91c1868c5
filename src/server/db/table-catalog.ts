import { sql } from 'kysely';
import type { Db } from './store';

/** One table of the schema as a backup sees it. */
export interface CatalogTable {
  name: string;
  /** Columns a backup carries, in table order (generated columns are computed again, so left out). */
  columns: string[];
  /** Primary-key columns, the stable order rows are read in (all columns when a table has none). */
  orderBy: string[];
  /** Columns filled from a sequence (bigserial, identity), reset after a restore. */
  sequences: { column: string; sequence: string }[];
}

/**
 * Tables never carried by a backup: the migration ledger (the restoring build rewrites it), and
 * state that only matters while a server runs: sign-in sessions and rate-limit counters.
 */
export const EXCLUDED_TABLES: readonly string[] = ['schema_migrations', 'sessions', 'rate_limit_hits'];

/** Quotes an SQL identifier; names come from the catalog, this keeps odd ones intact. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Reads every base table of the current schema from information_schema, so tables added by later
 * migrations are covered without a list to keep up to date. Sorted by name: a stable order.
 */
export async function readCatalog(db: Db): Promise<CatalogTable[]> {
  const columns = await sql<{
    tbl: string;
    col: string;
    generated: string;
    dflt: string | null;
    ident: string;
  }>`
    SELECT c.table_name AS tbl, c.column_name AS col, c.is_generated AS generated,
           c.column_default AS dflt, c.is_identity AS ident
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ tbl: string; col: string }>`
    SELECT k.table_name AS tbl, k.column_name AS col
    FROM information_schema.table_constraints c
    JOIN information_schema.key_column_usage k
      ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
     AND k.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND c.constraint_type = 'PRIMARY KEY'
    ORDER BY k.table_name, k.ordinal_position`.execute(db);
  const tables = new Map<string, CatalogTable>();
  for (const row of columns.rows) {
    let table = tables.get(row.tbl);
    if (!table) {
      table = { name: row.tbl, columns: [], orderBy: [], sequences: [] };
      tables.set(row.tbl, table);
    }
    if (row.generated === 'ALWAYS') continue;
    table.columns.push(row.col);
    if (row.ident === 'YES' || (row.dflt ?? '').startsWith('nextval('))
      table.sequences.push({ column: row.col, sequence: '' });
  }
  for (const key of keys.rows) tables.get(key.tbl)?.orderBy.push(key.col);
  for (const table of tables.values()) {
    if (table.orderBy.length === 0) table.orderBy = [...table.columns];
    for (const entry of table.sequences) {
      const found = await sql<{ seq: string | null }>`
        SELECT pg_get_serial_sequence(${quoteIdent(table.name)}, ${entry.column}) AS seq`.execute(db);
      entry.sequence = found.rows[0]?.seq ?? '';
    }
    table.sequences = table.sequences.filter((entry) => entry.sequence !== '');
  }
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The tables a backup carries: all but {@link EXCLUDED_TABLES}. */
export async function backedUpTables(db: Db): Promise<CatalogTable[]> {
  return (await readCatalog(db)).filter((table) => !EXCLUDED_TABLES.includes(table.name));
}
