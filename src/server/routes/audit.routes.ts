import { Readable } from 'node:stream';
import type { AuditEvent, AuditFilter } from '../../contracts';
import { audit as endpoints } from '../../contracts/endpoints';
import { neutraliseFormula } from '../../core/sheet-cells';
import { DomainError } from '../../core/errors';
import type { AccessContext, RouteAccess } from '../auth/authorizer';
import type { Scope } from '../auth/locator';
import { implement, type Route } from '../route';
import type { Services } from '../services';

const CSV_COLUMNS = [
  'id',
  'at',
  'tx',
  'organisationId',
  'unitId',
  'actorKind',
  'actorId',
  'actorName',
  'action',
  'entityKind',
  'entityTable',
  'entityId',
  'label',
  'changes',
  'before',
  'after',
] as const;

/** A CSV cell: formula-looking text neutralised (a spreadsheet would run it), then quoted. */
const csvCell = (value: string): string => {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

function csvRow(event: AuditEvent): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: event.id,
    at: event.at,
    tx: event.tx,
    organisationId: event.organisationId ?? '',
    unitId: event.unitId ?? '',
    actorKind: event.actor.kind,
    actorId: event.actor.id ?? '',
    actorName: event.actor.name,
    action: event.action,
    entityKind: event.entity.kind,
    entityTable: event.entity.table,
    entityId: event.entity.id,
    label: event.entity.label,
    changes: event.changes
      .map((change) => `${change.field}: ${text(change.before)} → ${text(change.after)}`)
      .join('; '),
    before: text(event.before),
    after: text(event.after),
  };
  return `${CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',')}\r\n`;
}

async function* csvLines(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const event of events) yield csvRow(event);
}

async function* jsonLines(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const event of events) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(event)}`;
    first = false;
  }
  yield '\n]\n';
}

/**
 * Who may read which part of the trail: a unit's needs `read` on the unit; one entity's needs
 * `read` where its latest event places it (so a deleted item stays readable, and a 404 when the
 * trail never saw it); a whole organisation's needs `admin` there (checked by {@link requireAdmin},
 * since a route declares one need). Entities outside any organisation (user accounts) locate to
 * no organisation, which only site administrators pass.
 */
function auditAccess(services: Services): RouteAccess<{ query: AuditFilter }> {
  return {
    kind: 'scoped',
    need: 'read',
    scope: async ({ query }, locate): Promise<Scope> => {
      if (query.unitId) return locate.unit(query.unitId);
      if (query.entityId) {
        const found = await services.audit.entityScope(query.entityId, query.entityTable);
        if (!found)
          throw new DomainError('not_found', `No history for ${query.entityId}`, { id: query.entityId });
        return { organisationId: found.organisationId ?? '', unitId: found.unitId };
      }
      return locate.organisation(query.organisationId ?? '');
    },
  };
}

function requireAdmin(query: AuditFilter, access: AccessContext): void {
  if (query.unitId || query.entityId) return;
  const { principal } = access;
  if (principal.kind === 'user' && principal.isSiteAdmin) return;
  if (access.role !== 'admin')
    throw new DomainError(
      'forbidden',
      'You need the admin role on the whole organisation to read its whole history',
      {
        need: 'admin',
        organisationId: query.organisationId,
        unitId: null,
      },
    );
}

/** The audit trail: read a page at a time, or export all of it that matches as CSV or JSON. */
export function auditRoutes(services: Services): Route[] {
  return [
    implement(endpoints.listEvents, {
      access: auditAccess(services),
      handler: ({ query, access }) => {
        requireAdmin(query, access);
        const { cursor, limit, ...filter } = query;
        return services.audit.list(filter, { cursor, limit });
      },
    }),
    implement(endpoints.exportEvents, {
      access: auditAccess(services),
      handler: ({ query, access, reply }) => {
        requireAdmin(query, access);
        const { format, ...filter } = query;
        const events = services.audit.all(filter);
        const scope = query.unitId ?? query.entityId ?? query.organisationId ?? 'all';
        const day = new Date().toISOString().slice(0, 10);
        void reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="audit-${scope}-${day}.${format}"`);
        return Promise.resolve(
          Readable.from(format === 'csv' ? csvLines(events) : jsonLines(events)) as never,
        );
      },
    }),
  ];
}
