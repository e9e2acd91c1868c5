/**
 * Audit events in words: "Ada changed target of KR 'MTTD' from 24 to 12". Pure functions over the
 * API's AuditEvent, so the timeline, the item drawer and their tests read the same sentences.
 */
import type { AuditChange, AuditEvent } from '../../../contracts';
import { daysBetween } from '../../../core/calendar';
import { formatLongDay } from '../../format/dates';

/** Shorter names the app already uses for a few kinds. */
const SHORT_KIND: Readonly<Record<string, string>> = { 'key result': 'KR' };

/** The fields a reader recognises, in the app's words; others are split from camelCase. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  ownerId: 'owner',
  personId: 'person',
  unitId: 'unit',
  parentId: 'parent',
  dueDate: 'due date',
  checkInDate: 'date',
  targetHigh: 'upper target',
  unitOfMeasure: 'unit of measure',
  monthlyPlan: 'monthly plan',
  deliveryProbability: 'delivery probability',
  sourceKeyResultId: 'source key result',
  sourceObjectiveId: 'source objective',
  alignedObjectiveId: 'aligned objective',
  alignedKeyResultId: 'aligned key result',
  trueNorth: 'True North',
};

export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export function kindWords(kind: string): string {
  return SHORT_KIND[kind] ?? kind;
}

/** A value as a short text: numbers as written, lists and objects compact, nothing as "—". */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const quoted = (label: string): string => `‘${label}’`;

function listFields(changes: readonly AuditChange[]): string {
  const names = changes.map((change) => fieldWords(change.field));
  if (names.length <= 3) return names.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** What happened, after the actor's name: "changed target of KR ‘MTTD’ from 24 to 12". */
export function describeChange(event: AuditEvent): string {
  const what = `${kindWords(event.entity.kind)} ${quoted(event.entity.label)}`;
  const data = event.after ?? event.before ?? {};
  switch (event.action) {
    case 'insert':
      if (event.entity.table === 'check_ins')
        return `checked in ${valueText(data.value)} on ${quoted(event.entity.label)}`;
      if (event.entity.table === 'correlations')
        return `marked ${valueText(data.strength)} correlation ${quoted(event.entity.label)}`;
      return `added ${what}`;
    case 'delete':
      if (event.entity.table === 'correlations') return `cleared correlation ${quoted(event.entity.label)}`;
      return `deleted ${what}`;
    case 'update': {
      const [only] = event.changes;
      if (event.changes.length === 1 && only)
        return `changed ${fieldWords(only.field)} of ${what} from ${valueText(only.before)} to ${valueText(only.after)}`;
      if (event.changes.length === 0) return `saved ${what} unchanged`;
      return `changed ${listFields(event.changes)} of ${what}`;
    }
    case 'sign_in':
      return 'signed in';
    case 'sign_in_failed':
      return 'failed to sign in';
    case 'sign_out':
      return 'signed out';
  }
}

/** The whole sentence, for screen readers and exports of the view. */
export function describeEvent(event: AuditEvent): string {
  return `${event.actor.name} ${describeChange(event)}`;
}

/** The UTC day of an event (YYYY-MM-DD): the timeline groups by it. */
export const dayOf = (event: AuditEvent): string => event.at.slice(0, 10);

/** "Today", "Yesterday" or "Tuesday 3 March 2026" for a day, relative to `today`. */
export function dayHeading(day: string, today: string): string {
  const diff = daysBetween(day, today);
  if (diff === 0) return 'Today';
  if (diff === 1) return 'Yesterday';
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

export const ACTION_WORDS: Readonly<Record<AuditEvent['action'], string>> = {
  insert: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  sign_out: 'Signed out',
};
