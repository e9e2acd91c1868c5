import { auditEntityName, type AuditChange, type AuditEvent } from '../../contracts';
import type { AuditEventTable } from '../db/schema';
import type { Selectable } from 'kysely';

type Data = Record<string, unknown>;

/** bigint columns (id, tx) come back as numbers from PGlite and as strings from node-postgres. */
export const bigintText = (value: string | number): string => String(value);

/** Bookkeeping that changes with every write and says nothing about what changed. */
const BOOKKEEPING = new Set(['version', 'updated_at', 'created_at', 'last_used_at', 'last_sign_in_at']);

/** Columns that name what a label-less row (a check-in, a grid cell) belongs to, in the order tried. */
export const REFERENCE_FIELDS = [
  'key_result_id',
  'kpi_item_id',
  'initiative_id',
  'from_id',
  'to_id',
  'who_id',
  'kpi_id',
  'objective_id',
] as const;

const camel = (key: string): string => key.replace(/_([a-z0-9])/g, (_match, c: string) => c.toUpperCase());

const camelKeys = (data: Data | null): Data | null =>
  data === null ? null : Object.fromEntries(Object.entries(data).map(([key, value]) => [camel(key), value]));

/** The row's own title or name, if it has one. */
export function rowLabel(data: Data): string | null {
  for (const key of ['title', 'name', 'email']) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

function label(data: Data | null, entityId: string, titles: ReadonlyMap<string, string>): string {
  if (data === null) return entityId;
  const own = rowLabel(data);
  if (own !== null) return own;
  const named = REFERENCE_FIELDS.map((field) => data[field])
    .filter((value): value is string => typeof value === 'string')
    .map((id) => titles.get(id) ?? id);
  // A grid cell joins its two items; anything else belongs to its first reference.
  if (typeof data.from_id === 'string' && typeof data.to_id === 'string')
    return named.slice(0, 2).join(' ↔ ');
  if (typeof data.initiative_id === 'string' && typeof data.who_id === 'string')
    return named.slice(0, 2).join(' ↔ ');
  return named[0] ?? entityId;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ (updates) or every field (inserts, deletes), bookkeeping left out. */
export function changesOf(before: Data | null, after: Data | null): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const key of keys) {
    if (BOOKKEEPING.has(key)) continue;
    const was = before?.[key] ?? null;
    const now = after?.[key] ?? null;
    if (before !== null && after !== null && same(was, now)) continue;
    changes.push({ field: camel(key), before: was, after: now });
  }
  return changes;
}

/** An audit row as the API shows it: field names in camelCase, the table in words, a label. */
export function presentAuditEvent(
  row: Selectable<AuditEventTable>,
  titles: ReadonlyMap<string, string> = new Map(),
): AuditEvent {
  const before = row.before;
  const after = row.after;
  return {
    id: bigintText(row.id),
    at: new Date(row.at).toISOString(),
    tx: bigintText(row.tx),
    organisationId: row.organisationId,
    unitId: row.unitId,
    actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
    action: row.action,
    entity: {
      table: row.entityTable,
      kind: auditEntityName(row.entityTable),
      id: row.entityId,
      label: label(after ?? before, row.entityId, titles),
    },
    changes: changesOf(before, after),
    before: camelKeys(before),
    after: camelKeys(after),
  };
}
