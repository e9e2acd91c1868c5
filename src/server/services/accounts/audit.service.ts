import type { SelectQueryBuilder, Selectable } from 'kysely';
import type { AuditFilter, AuditPage } from '../../../contracts';
import type { Db } from '../../db/store';
import type { AuditEventTable, Database } from '../../db/schema';
import { bigintText, presentAuditEvent, REFERENCE_FIELDS, rowLabel } from '../../presenters/audit.presenter';
import { unitSubtree } from '../structure/unit-scope';

export type AuditRow = Selectable<AuditEventTable>;

/** Rows per read when an export pages through everything that matches. */
const EXPORT_PAGE = 500;

const nextDay = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
};

/**
 * Reads the audit trail that migration 0007's triggers write. Access is decided by the route
 * (per unit, per entity, whole organisation); this only filters and pages, newest first.
 */
export function createAuditService(db: Db) {
  async function filtered(filter: AuditFilter) {
    let query: SelectQueryBuilder<Database, 'auditEvents', object> = db.selectFrom('auditEvents');
    if (filter.unitId) {
      const units = filter.includeBelow ? [...(await unitSubtree(db, filter.unitId))] : [filter.unitId];
      query = query.where('unitId', 'in', units);
    }
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
    return query;
  }

  /** Titles of the items that label-less rows (check-ins, grid cells) belong to, by id. */
  async function referencedTitles(rows: readonly AuditRow[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const row of rows) {
      const data = row.after ?? row.before;
      if (!data || rowLabel(data) !== null) continue;
      for (const field of REFERENCE_FIELDS) {
        const value = data[field];
        if (typeof value === 'string') ids.add(value);
      }
    }
    if (ids.size === 0) return new Map();
    const wanted = [...ids];
    const [items, keyResults, objectives] = await Promise.all([
      db.selectFrom('matrixItems').select(['id', 'title']).where('id', 'in', wanted).execute(),
      db.selectFrom('keyResults').select(['id', 'title']).where('id', 'in', wanted).execute(),
      db.selectFrom('objectives').select(['id', 'title']).where('id', 'in', wanted).execute(),
    ]);
    return new Map([...items, ...keyResults, ...objectives].map((row) => [row.id, row.title]));
  }

  async function page(filter: AuditFilter, cursor: string | undefined, limit: number): Promise<AuditPage> {
    let query = (await filtered(filter)).selectAll();
    if (cursor) query = query.where('id', '<', cursor);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    const titles = await referencedTitles(shown);
    return {
      events: shown.map((row) => presentAuditEvent(row, titles)),
      nextCursor: rows.length > limit && last ? bigintText(last.id) : null,
    };
  }

  return {
    /** One page of events, newest first; `nextCursor` reads the next (older) page. */
    list(filter: AuditFilter, options: { cursor?: string | undefined; limit: number }): Promise<AuditPage> {
      return page(filter, options.cursor, options.limit);
    },

    /** Every matching event, newest first, read a page at a time so an export never holds them all. */
    async *all(filter: AuditFilter, pageSize = EXPORT_PAGE): AsyncGenerator<AuditPage['events'][number]> {
      let cursor: string | undefined;
      for (;;) {
        const next = await page(filter, cursor, pageSize);
        yield* next.events;
        if (next.nextCursor === null) return;
        cursor = next.nextCursor;
      }
    },

    /**
     * Where an entity lives according to its latest audit event, so a deleted one stays
     * readable by the same people; null when the trail has never seen it.
     */
    async entityScope(
      entityId: string,
      entityTable: string | undefined,
    ): Promise<{ organisationId: string | null; unitId: string | null } | null> {
      let query = db
        .selectFrom('auditEvents')
        .select(['organisationId', 'unitId'])
        .where('entityId', '=', entityId);
      if (entityTable) query = query.where('entityTable', '=', entityTable);
      const row = await query.orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ?? null;
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
