/**
 * Audit events in words: "Ada changed target of KR 'MTTD' from 24 to 12". Pure functions over the
 * API's AuditEvent, so the timeline, the item drawer and their tests read the same sentences.
 */
import type { AuditChange, AuditEvent } from '../../../contracts';
import { daysBetween } from '../../../core/calendar';
import { formatLongDay } from '../../format/dates';
import { i18n } from '../../i18n/i18n';

/** The kinds of row the audit trail names in the reader's language (the rest as the server names them). */
const ENTITY_TABLES = [
  'organisations',
  'units',
  'people',
  'cycles',
  'objectives',
  'key_results',
  'x_matrices',
  'matrix_items',
  'correlations',
  'ownerships',
  'initiative_impacts',
  'initiative_efforts',
  'catchball_proposals',
  'catchball_events',
  'target_history',
  'webhooks',
  'check_ins',
  'kpi_thresholds',
  'status_overrides',
  'countermeasures',
  'unit_settings',
  'unit_api_tokens',
  'cycle_locks',
  'digest_settings',
  'source_snapshots',
  'users',
  'role_assignments',
] as const;
type EntityTable = (typeof ENTITY_TABLES)[number];
const isEntityTable = (table: string): table is EntityTable =>
  (ENTITY_TABLES as readonly string[]).includes(table);

/** The fields a reader recognises, in the app's words; others are split from camelCase. */
const FIELDS = [
  'ownerId',
  'personId',
  'unitId',
  'parentId',
  'dueDate',
  'checkInDate',
  'targetHigh',
  'unitOfMeasure',
  'monthlyPlan',
  'deliveryProbability',
  'sourceKeyResultId',
  'sourceObjectiveId',
  'alignedObjectiveId',
  'alignedKeyResultId',
  'trueNorth',
  'title',
  'name',
  'description',
  'target',
  'baseline',
  'current',
  'value',
  'status',
  'strength',
  'comment',
  'confidence',
  'weight',
  'position',
  'role',
  'email',
  'kind',
  'year',
] as const;
type Field = (typeof FIELDS)[number];
const isField = (field: string): field is Field => (FIELDS as readonly string[]).includes(field);

export function fieldWords(field: string): string {
  return isField(field)
    ? i18n.t(`audit:field.${field}`)
    : field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A table's rows in the reader's words ("key result"), as the filters list them. */
export function entityWords(table: string, fallback: string): string {
  return isEntityTable(table) ? i18n.t(`audit:entity.${table}`) : fallback;
}

/** The kind of an event's row as a sentence names it: shorter where the app already is ("KR"). */
export function kindWords(table: string, kind: string): string {
  return table === 'key_results' ? i18n.t('audit:entityShort.key_results') : entityWords(table, kind);
}

/** A value as a short text: numbers as written, lists and objects compact, nothing as "—". */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (typeof value === 'boolean') return i18n.t(value ? 'audit:value.true' : 'audit:value.false');
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function listFields(changes: readonly AuditChange[]): string {
  const names = changes.map((change) => fieldWords(change.field));
  const separator = i18n.t('audit:event.separator');
  if (names.length <= 3) {
    const last = names.pop() ?? '';
    return names.length === 0
      ? last
      : i18n.t('audit:event.fieldList', { fields: names.join(separator), last });
  }
  return i18n.t('audit:event.fieldsAndMore', {
    fields: names.slice(0, 3).join(separator),
    count: names.length - 3,
  });
}

/** What happened, after the actor's name: "changed target of KR ‘MTTD’ from 24 to 12". */
export function describeChange(event: AuditEvent): string {
  const label = event.entity.label;
  const what = i18n.t('audit:event.what', { kind: kindWords(event.entity.table, event.entity.kind), label });
  const data = event.after ?? event.before ?? {};
  switch (event.action) {
    case 'insert':
      if (event.entity.table === 'check_ins')
        return i18n.t('audit:event.checkedIn', { value: valueText(data.value), label });
      if (event.entity.table === 'correlations')
        return i18n.t('audit:event.marked', { strength: valueText(data.strength), label });
      return i18n.t('audit:event.added', { what });
    case 'delete':
      if (event.entity.table === 'correlations') return i18n.t('audit:event.cleared', { label });
      return i18n.t('audit:event.deleted', { what });
    case 'update': {
      const [only] = event.changes;
      if (event.changes.length === 1 && only)
        return i18n.t('audit:event.changedOne', {
          field: fieldWords(only.field),
          what,
          before: valueText(only.before),
          after: valueText(only.after),
        });
      if (event.changes.length === 0) return i18n.t('audit:event.unchanged', { what });
      return i18n.t('audit:event.changedMany', { fields: listFields(event.changes), what });
    }
    case 'sign_in':
      return i18n.t('audit:event.signedIn');
    case 'sign_in_failed':
      return i18n.t('audit:event.signInFailed');
    case 'sign_out':
      return i18n.t('audit:event.signedOut');
  }
}

/** The whole sentence, for screen readers and exports of the view. */
export function describeEvent(event: AuditEvent): string {
  return i18n.t('audit:event.plain', { name: event.actor.name, change: describeChange(event) });
}

/** The UTC day of an event (YYYY-MM-DD): the timeline groups by it. */
export const dayOf = (event: AuditEvent): string => event.at.slice(0, 10);

/** "Today", "Yesterday" or "Tuesday 3 March 2026" for a day, relative to `today`. */
export function dayHeading(day: string, today: string): string {
  const diff = daysBetween(day, today);
  if (diff === 0) return i18n.t('audit:today');
  if (diff === 1) return i18n.t('audit:yesterday');
  return formatLongDay(day);
}

/** Events grouped by day, newest day first (events arrive newest first). */
export function groupByDay(events: readonly AuditEvent[]): { day: string; events: AuditEvent[] }[] {
  const groups: { day: string; events: AuditEvent[] }[] = [];
  for (const event of events) {
    const day = dayOf(event);
    const last = groups.at(-1);
    if (last?.day === day) last.events.push(event);
    else groups.push({ day, events: [event] });
  }
  return groups;
}

/** "14:05" in UTC, matching the day headings. */
export const timeOf = (event: AuditEvent): string => event.at.slice(11, 16);

const ACTIONS: readonly AuditEvent['action'][] = [
  'insert',
  'update',
  'delete',
  'sign_in',
  'sign_in_failed',
  'sign_out',
];

/** Each action's name in the reader's language (read when shown, so it follows a change of language). */
export const ACTION_WORDS = Object.defineProperties(
  {},
  Object.fromEntries(
    ACTIONS.map((action) => [action, { enumerable: true, get: () => i18n.t(`audit:action.${action}`) }]),
  ),
) as Readonly<Record<AuditEvent['action'], string>>;
