import type { AuditFilter, AuditPage } from '../../../contracts';
import {
  auditEventsPage,
  latestAuditScope,
  titlesOf,
  type AuditRow,
} from '../../db/repositories/audit.repository';
import type { Db } from '../../db/store';
import { bigintText, presentAuditEvent, REFERENCE_FIELDS, rowLabel } from '../../presenters/audit.presenter';
import { unitSubtree } from '../structure/unit-scope';

/** Rows per read when an export pages through everything that matches. */
const EXPORT_PAGE = 500;

/**
 * Reads the audit trail that migration 0007's triggers write. Access is decided by the route
 * (per unit, per entity, whole organisation); this only filters and pages, newest first.
 */
export function createAuditService(db: Db) {
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
    return titlesOf(db, [...ids]);
  }

  async function page(filter: AuditFilter, cursor: string | undefined, limit: number): Promise<AuditPage> {
    const { unitId, includeBelow, ...rest } = filter;
    const unitIds = unitId ? (includeBelow ? [...(await unitSubtree(db, unitId))] : [unitId]) : undefined;
    const rows = await auditEventsPage(db, { ...rest, unitIds }, cursor, limit + 1);
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
      const row = await latestAuditScope(db, entityId, entityTable);
      return row ?? null;
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
