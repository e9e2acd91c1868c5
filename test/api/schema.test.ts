import { CamelCasePlugin, sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/db/store';
import { openTestStore } from '../support/test-app';

/**
 * Holds src/server/db/schema.ts (the Kysely types every query is checked against) to the migrated
 * database: every table and column the types declare exists, every one the migrations create is
 * declared, and a column the types read as non-null is NOT NULL in the database (and the other
 * way round). Runs on the test run's store: PGlite, or PostgreSQL when DATABASE_URL is set.
 */

const SCHEMA_FILE = new URL('../../src/server/db/schema.ts', import.meta.url).pathname;

/** The store's own camelCase → snake_case rule, so the test maps names exactly as queries do. */
class SnakeCase extends CamelCasePlugin {
  name(camel: string): string {
    return this.snakeCase(camel);
  }
}
const snake = new SnakeCase();

/** One declared or migrated relation: its columns, each with whether it may hold null. */
type Relations = Map<string, Map<string, { isNullable: boolean }>>;

/** Reads the `Database` interface of schema.ts with the compiler: tables, columns, select-type nullability. */
function declaredRelations(): Relations {
  const program = ts.createProgram([SCHEMA_FILE], { strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE);
  if (!source) throw new Error(`cannot read ${SCHEMA_FILE}`);
  const database = source.statements.find(
    (node): node is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(node) && node.name.text === 'Database',
  );
  if (!database) throw new Error('schema.ts declares no Database interface');
  const relations: Relations = new Map();
  for (const table of checker.getTypeAtLocation(database).getProperties()) {
    const columns = new Map<string, { isNullable: boolean }>();
    for (const column of checker.getTypeOfSymbolAtLocation(table, database).getProperties()) {
      let type = checker.getTypeOfSymbolAtLocation(column, database);
      // ColumnType<Select, Insert, Update> (and Generated, Json) carry the read type in __select__.
      const select = type.getProperty('__select__');
      if (select) type = checker.getTypeOfSymbolAtLocation(select, database);
      const parts = type.isUnion() ? type.types : [type];
      // `unknown` (a jsonb column of any shape) admits null too.
      const admitsNull = ts.TypeFlags.Null | ts.TypeFlags.Unknown | ts.TypeFlags.Any;
      columns.set(snake.name(column.name), {
        isNullable: parts.some((part) => (part.flags & admitsNull) !== 0),
      });
    }
    relations.set(snake.name(table.name), columns);
  }
  return relations;
}

/** Tables and views of the migrated schema, from information_schema. */
async function migratedRelations(store: Store): Promise<{ relations: Relations; views: Set<string> }> {
  const rows = await sql<{ tbl: string; col: string; nullable: string; kind: string }>`
    SELECT c.table_name AS tbl, c.column_name AS col, c.is_nullable AS nullable, t.table_type AS kind
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema()
    ORDER BY c.table_name, c.ordinal_position`.execute(store.db);
  const relations: Relations = new Map();
  const views = new Set<string>();
  for (const row of rows.rows) {
    const columns = relations.get(row.tbl) ?? new Map<string, { isNullable: boolean }>();
    columns.set(row.col, { isNullable: row.nullable === 'YES' });
    relations.set(row.tbl, columns);
    if (row.kind === 'VIEW') views.add(row.tbl);
  }
  return { relations, views };
}

describe('db/schema.ts against the migrated database', () => {
  let store: Store;
  let drop: () => Promise<void>;
  let declared: Relations;
  let migrated: Relations;
  let views: Set<string>;

  beforeAll(async () => {
    ({ store, drop } = await openTestStore());
    declared = declaredRelations();
    ({ relations: migrated, views } = await migratedRelations(store));
  });
  afterAll(() => drop());

  it('declares exactly the tables and views the migrations create', () => {
    expect([...declared.keys()].sort()).toEqual([...migrated.keys()].sort());
  });

  it('declares exactly the columns of each table and view', () => {
    const differences: string[] = [];
    for (const [table, columns] of declared) {
      const actual = migrated.get(table);
      if (!actual) continue;
      for (const column of columns.keys())
        if (!actual.has(column)) differences.push(`${table}.${column} is declared but not in the database`);
      for (const column of actual.keys())
        if (!columns.has(column)) differences.push(`${table}.${column} is in the database but not declared`);
    }
    expect(differences).toEqual([]);
  });

  it('reads a column as nullable exactly when the database lets it hold null', () => {
    const differences: string[] = [];
    for (const [table, columns] of declared) {
      const actual = migrated.get(table);
      // A view reports every column nullable; its columns' nullability is the base table's.
      if (!actual || views.has(table)) continue;
      for (const [column, { isNullable }] of columns) {
        const real = actual.get(column);
        if (real && real.isNullable !== isNullable)
          differences.push(
            `${table}.${column} is ${isNullable ? 'nullable' : 'non-null'} in schema.ts but ${real.isNullable ? 'nullable' : 'NOT NULL'} in the database`,
          );
      }
    }
    expect(differences).toEqual([]);
  });

  it('knows the view effective_check_ins has the columns of check_ins', () => {
    expect(views.has('effective_check_ins')).toBe(true);
    expect([...(migrated.get('effective_check_ins')?.keys() ?? [])]).toEqual([
      ...(migrated.get('check_ins')?.keys() ?? []),
    ]);
  });
});
