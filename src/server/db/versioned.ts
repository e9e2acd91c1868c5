import { sql, type Selectable, type Updateable } from 'kysely';
import { DomainError } from '../../core/errors';
import { notFound } from '../errors';
import type { Database } from './schema';
import type { Db } from './store';

/** Tables whose rows carry `id` and `version`. */
export type VersionedTable = Exclude<
  keyof Database,
  | 'schemaMigrations'
  | 'catchballEvents'
  | 'targetHistory'
  | 'sessions'
  | 'setupTokens'
  | 'rateLimitHits'
  | 'auditEvents'
  | 'ssoLogins'
  | 'effectiveCheckIns'
  | 'forecastSnapshots'
  | 'kpiConnectors'
  | 'kpiConnectorRuns'
  | 'jobRuns'
  | 'webhookDeliveries'
  | 'scheduleRuns'
  | 'cycleClosures'
>;
export type Row<T extends VersionedTable> = Selectable<Database[T]>;

/** Human names of the kinds, for error messages. */
export const KIND_NAMES: Record<VersionedTable, string> = {
  organisations: 'organisation',
  units: 'unit',
  people: 'person',
  cycles: 'cycle',
  objectives: 'objective',
  keyResults: 'key result',
  xMatrices: 'X-matrix',
  matrixItems: 'matrix item',
  correlations: 'correlation',
  ownerships: 'ownership',
  checkIns: 'check-in',
  kpiThresholds: 'KPI threshold',
  statusOverrides: 'status override',
  countermeasures: 'countermeasure',
  unitSettings: 'unit setting',
  unitApiTokens: 'API token',
  cycleLocks: 'cycle lock',
  reflections: 'reflection',
  digestSettings: 'digest setting',
  initiativeImpacts: 'initiative impact',
  initiativeEfforts: 'initiative effort',
  catchballProposals: 'catchball proposal',
  whatIfScenarios: 'what-if scenario',
  webhooks: 'webhook',
  sourceSnapshots: 'source snapshot',
  users: 'user',
  roleAssignments: 'role assignment',
};

// Kysely cannot type a table chosen at run time; these helpers narrow to one table for the query
// builder and widen the result back. The casts are confined to this file.
type AnyTable = 'units';

export async function findRow<T extends VersionedTable>(
  db: Db,
  table: T,
  id: string,
): Promise<Row<T> | undefined> {
  const row = await db
    .selectFrom(table as AnyTable)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row as Row<T> | undefined;
}

/** @throws DomainError `not_found` naming the kind and id. */
export async function getRow<T extends VersionedTable>(db: Db, table: T, id: string): Promise<Row<T>> {
  const row = await findRow(db, table, id);
  if (!row) throw notFound(KIND_NAMES[table], id);
  return row;
}

/**
 * Updates one row if its version is still `version`, bumping the version. A stale version changes
 * nothing and throws `version_conflict` with the current state (presented by `present`) in details.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Db,
  table: T,
  id: string,
  version: number,
  values: Updateable<Database[T]>,
  present: (row: Row<T>) => unknown,
): Promise<Row<T>> {
  const row = await db
    .updateTable(table as AnyTable)
    .set({
      ...(values as Updateable<Database[AnyTable]>),
      version: sql<number>`version + 1`,
      updatedAt: sql<string>`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  if (row) return row as Row<T>;
  throw await staleOrMissing(db, table, id, version, present);
}

/** Deletes one row if its version is still `version`; otherwise throws as {@link updateVersioned}. */
export async function deleteVersioned<T extends VersionedTable>(
  db: Db,
  table: T,
  id: string,
  version: number,
  present: (row: Row<T>) => unknown,
): Promise<void> {
  const result = await db
    .deleteFrom(table as AnyTable)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numDeletedRows > 0n) return;
  throw await staleOrMissing(db, table, id, version, present);
}

async function staleOrMissing<T extends VersionedTable>(
  db: Db,
  table: T,
  id: string,
  version: number,
  present: (row: Row<T>) => unknown,
): Promise<DomainError> {
  const current = await findRow(db, table, id);
  if (!current) return notFound(KIND_NAMES[table], id);
  return new DomainError(
    'version_conflict',
    `The ${KIND_NAMES[table]} ${id} was changed by someone else (you sent version ${version}, it is now at ${(current as { version: number }).version}); nothing was changed`,
    { current: present(current) },
  );
}

/** The next position at the end of a list (`max(position) + 1`, or 0 for an empty list). */
export function nextPosition(positions: readonly { position: number }[]): number {
  return positions.reduce((max, row) => Math.max(max, row.position + 1), 0);
}

/** Stores a value in a jsonb column (both drivers take JSON text). */
export const toJson = (value: unknown): string => JSON.stringify(value);
