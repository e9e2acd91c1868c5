/**
 * The History page's filters: who, what kind, action, a date range and free text on the item's
 * title. Selects apply at once; the text applies after a short pause in typing.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ENTITY_NAMES } from '../../../contracts';
import { ACTION_WORDS, entityWords } from './audit-format';

export interface AuditFilterValues {
  actorId: string;
  entityTable: string;
  action: string;
  from: string;
  to: string;
  q: string;
  includeBelow: boolean;
}

export const NO_FILTERS: AuditFilterValues = {
  actorId: '',
  entityTable: '',
  action: '',
  from: '',
  to: '',
  q: '',
  includeBelow: false,
};

/** The kinds people look for first; the rest follow alphabetically. */
const COMMON_TABLES = [
  'matrix_items',
  'key_results',
  'objectives',
  'check_ins',
  'correlations',
  'ownerships',
];
const TABLE_OPTIONS = [
  ...COMMON_TABLES,
  ...Object.keys(AUDIT_ENTITY_NAMES)
    .filter((table) => !COMMON_TABLES.includes(table))
    .sort(),
];

const ACTIONS = ['insert', 'update', 'delete'] as const;

export function AuditFilters({
  value,
  actors,
  onChange,
}: {
  value: AuditFilterValues;
  /** People and tokens seen so far, for the "Who" list. */
  actors: readonly { id: string; name: string }[];
  onChange: (next: AuditFilterValues) => void;
}) {
  const { t } = useTranslation('audit');
  const [text, setText] = useState(value.q);
  useEffect(() => setText(value.q), [value.q]);
  useEffect(() => {
    if (text === value.q) return;
    const timer = setTimeout(() => onChange({ ...value, q: text }), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  const active = JSON.stringify({ ...value, q: text }) !== JSON.stringify(NO_FILTERS);

  return (
    <form
      className="audit-filters"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="audit-filter audit-filter-text">
        <span>{t('filters.search')}</span>
        <input
          type="search"
          value={text}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <label className="audit-filter">
        <span>{t('filters.who')}</span>
        <select value={value.actorId} onChange={(event) => set({ actorId: event.target.value })}>
          <option value="">{t('filters.anyone')}</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        <span>{t('filters.what')}</span>
        <select value={value.entityTable} onChange={(event) => set({ entityTable: event.target.value })}>
          <option value="">{t('filters.everything')}</option>
          {TABLE_OPTIONS.map((table) => (
            <option key={table} value={table}>
              {entityWords(table, AUDIT_ENTITY_NAMES[table] ?? table)}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        <span>{t('filters.action')}</span>
        <select value={value.action} onChange={(event) => set({ action: event.target.value })}>
          <option value="">{t('filters.any')}</option>
          {ACTIONS.map((action) => (
            <option key={action} value={action}>
              {ACTION_WORDS[action]}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filter">
        <span>{t('filters.from')}</span>
        <input
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(event) => set({ from: event.target.value })}
        />
      </label>
      <label className="audit-filter">
        <span>{t('filters.to')}</span>
        <input
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(event) => set({ to: event.target.value })}
        />
      </label>
      <label className="audit-filter audit-filter-check">
        <input
          type="checkbox"
          checked={value.includeBelow}
          onChange={(event) => set({ includeBelow: event.target.checked })}
        />
        <span>{t('filters.includeBelow')}</span>
      </label>
      {active && (
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() => {
            setText('');
            onChange(NO_FILTERS);
          }}
        >
          {t('filters.clear')}
        </button>
      )}
    </form>
  );
}
