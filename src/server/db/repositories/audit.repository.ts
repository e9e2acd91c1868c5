import type { SelectQueryBuilder, Selectable } from 'kysely';
import type { AuditFilter } from '../../../contracts';
import type { AuditEventTable, Database } from '../schema';
import type { Db } from '../store';

/**
 * Named queries of the audit trail (audit_events, written by migration 0007's triggers). Each
 * takes the handle or transaction to run on.
 */

export type AuditRow = Selectable<AuditEventTable>;

const nextDay = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
};

/**
 * Audit events matching a filter, newest first, `limit` of them from before `cursor` (an event id)
 * when given. `unitIds` stands for the filter's unit (and the units below it when asked): the
 * caller resolves the subtree.
 */
export async function auditEventsPage(
  db: Db,
  filter: Omit<AuditFilter, 'unitId' | 'includeBelow'> & { unitIds?: readonly string[] | undefined },
  cursor: string | undefined,
  limit: number,
): Promise<AuditRow[]> {
  let query: SelectQueryBuilder<Database, 'auditEvents', object> = db.selectFrom('auditEvents');
  if (filter.unitIds) query = query.where('unitId', 'in', [...filter.unitIds]);
  if (filter.organisationId) query = query.where('organisationId', '=', filter.organisationId);
  if (filter.entityId) query = query.where('entityId', '=', filter.entityId);
  if (filter.entityTable) query = query.where('entityTable', '=', filter.entityTable);
  if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to) query = query.where('at', '<', new Date(nextDay(filter.to)));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or(
        ['title', 'name'].flatMap((key) =>
          (['before', 'after'] as const).map((side) => eb(eb.ref(side, '->>').key(key), 'ilike', pattern)),
        ),
      ),
    );
  }
  return query
    .selectAll()
    .$if(cursor !== undefined, (q) => q.where('id', '<', cursor ?? ''))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Where an entity lived according to its latest audit event; undefined when the trail never saw it. */
export async function latestAuditScope(
  db: Db,
  entityId: string,
  entityTable: string | undefined,
): Promise<{ organisationId: string | null; unitId: string | null } | undefined> {
  return db
    .selectFrom('auditEvents')
    .select(['organisationId', 'unitId'])
    .where('entityId', '=', entityId)
    .$if(entityTable !== undefined, (q) => q.where('entityTable', '=', entityTable ?? ''))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Titles of matrix items, key results and objectives with these ids, by id (ids are unique across them). */
export async function titlesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const wanted = [...ids];
  const [items, keyResults, objectives] = await Promise.all([
    db.selectFrom('matrixItems').select(['id', 'title']).where('id', 'in', wanted).execute(),
    db.selectFrom('keyResults').select(['id', 'title']).where('id', 'in', wanted).execute(),
    db.selectFrom('objectives').select(['id', 'title']).where('id', 'in', wanted).execute(),
  ]);
  return new Map([...items, ...keyResults, ...objectives].map((row) => [row.id, row.title]));
}
