import type { Selectable } from 'kysely';
import type { Database } from '../schema';
import type { Db } from '../store';

type Table = keyof Database;
type Column<T extends Table> = keyof Selectable<Database[T]> & string;

// Kysely cannot type a table chosen at run time; this narrows to one table for the query builder
// and widens the result back, as versioned.ts does. The casts are confined to this file.
type AnyTable = 'units';

/**
 * The rows of `table` whose `column` is one of `values`, ordered by `orderBy` (column by column):
 * the shape of most named queries ("the key results of these objectives"). None for no values,
 * without a query.
 */
export async function rowsWhereIn<T extends Table>(
  db: Db,
  table: T,
  column: Column<T>,
  values: readonly string[],
  orderBy: readonly Column<T>[] = [],
): Promise<Selectable<Database[T]>[]> {
  if (values.length === 0) return [];
  let query = db
    .selectFrom(table as AnyTable)
    .selectAll()
    .where(column as 'id', 'in', [...values]);
  for (const order of orderBy) query = query.orderBy(order as 'id');
  return (await query.execute()) as Selectable<Database[T]>[];
}
