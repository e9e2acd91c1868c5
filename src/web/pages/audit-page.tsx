/**
 * A unit's History tab: who changed what and when in the unit (and, on request, the units below),
 * newest first and grouped by day, with filters, "Load more" and CSV/JSON exports of everything
 * the filters match. Filters live in the address (`?who=&what=&action=&from=&to=&q=&below=1`),
 * so a filtered view can be bookmarked or shared.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import type { Unit } from '../../contracts';
import type { AuditParams } from '../api-client';
import { AuditExportButtons } from '../components/audit/audit-export-buttons';
import { AuditFilters, type AuditFilterValues } from '../components/audit/audit-filters';
import { AuditTimeline } from '../components/audit/audit-timeline';
import { useAuditFeed } from '../components/audit/use-audit-feed';
import { paths } from '../paths';

const PARAM_NAMES: Record<Exclude<keyof AuditFilterValues, 'includeBelow'>, string> = {
  actorId: 'who',
  entityTable: 'what',
  action: 'action',
  from: 'from',
  to: 'to',
  q: 'q',
};

function filtersFrom(search: string): AuditFilterValues {
  const query = new URLSearchParams(search);
  const read = (name: string) => query.get(name) ?? '';
  return {
    actorId: read(PARAM_NAMES.actorId),
    entityTable: read(PARAM_NAMES.entityTable),
    action: read(PARAM_NAMES.action),
    from: read(PARAM_NAMES.from),
    to: read(PARAM_NAMES.to),
    q: read(PARAM_NAMES.q),
    includeBelow: query.get('below') === '1',
  };
}

function searchOf(filters: AuditFilterValues): string {
  const query = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAM_NAMES) as [keyof typeof PARAM_NAMES, string][])
    if (filters[field]) query.set(name, filters[field]);
  if (filters.includeBelow) query.set('below', '1');
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function AuditPage({ unit }: { unit: Unit }) {
  const { t } = useTranslation('audit');
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => filtersFrom(search), [search]);
  const params: AuditParams = useMemo(
    () => ({
      unitId: unit.id,
      includeBelow: filters.includeBelow,
      actorId: filters.actorId,
      entityTable: filters.entityTable,
      action: filters.action,
      from: filters.from,
      to: filters.to,
      q: filters.q,
    }),
    [unit.id, filters],
  );
  const feed = useAuditFeed(params);

  // Everyone seen in this unit's history stays in the "Who" list while filters narrow the events.
  const seen = useRef(new Map<string, string>());
  for (const event of feed.events) if (event.actor.id) seen.current.set(event.actor.id, event.actor.name);
  const actors = [...seen.current]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const onChange = useCallback(
    (next: AuditFilterValues) =>
      navigate(paths.history(unit.organisationId, unit.id, searchOf(next)), { replace: true }),
    [unit.organisationId, unit.id, navigate],
  );

  return (
    <section className="audit-page" aria-label={t('page.label', { unit: unit.name })}>
      <div className="audit-toolbar">
        <p className="audit-intro muted">{t('page.intro', { unit: unit.name })}</p>
        <AuditExportButtons params={params} />
      </div>
      <AuditFilters value={filters} actors={actors} onChange={onChange} />
      <AuditTimeline feed={feed} empty={search ? t('page.noMatch') : t('page.empty', { unit: unit.name })} />
    </section>
  );
}
