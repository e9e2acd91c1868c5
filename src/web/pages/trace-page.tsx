/**
 * The trace of one initiative, KPI, key result or objective: the chain up to the top objective
 * and down to the leaf work, across units, nearest first. Route: `/org/:orgId/trace/:kind/:id`.
 */
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { GraphNode, TraceKind } from '../../contracts';
import { queries } from '../api/queries';
import { Badge, type BadgeTone } from '../components/badge';
import { PageError, PageLoading } from '../components/page-state';
import { useOrg } from '../hooks/org-context';
import { paths } from '../paths';

const PART_TONE: Record<NonNullable<GraphNode['part']>, BadgeTone> = {
  what: 'brand',
  how_far: 'teal',
  how: 'amber',
  how_much: 'red',
  who: 'neutral',
};

function kindLabel(node: GraphNode, t: TFunction<'map'>): { label: string; tone: BadgeTone } {
  if (node.part) return { label: t(`trace.parts.${node.part}`), tone: PART_TONE[node.part] };
  return node.kind === 'key_result'
    ? { label: t('trace.keyResult'), tone: 'violet' }
    : { label: t('trace.objective'), tone: 'blue' };
}

export function TracePage({ kind, id }: { kind: TraceKind; id: string }) {
  const { t } = useTranslation('map');
  const org = useOrg();
  const trace = useQuery(queries.trace(kind, id));
  if (trace.error) return <PageError title={t('trace.error')} error={trace.error} />;
  if (!trace.data || !org.data) return <PageLoading />;
  const { start, up, down } = trace.data;
  const orgId = org.data.organisation.id;
  const unitName = (unitId: string) => org.data?.unitsById.get(unitId)?.name ?? unitId;
  const href = (node: GraphNode) =>
    node.year !== null ? paths.matrix(orgId, node.unitId, node.year) : paths.okrs(orgId, node.unitId);
  const row = (node: GraphNode, depth: number | null) => {
    const { label, tone } = kindLabel(node, t);
    return (
      <li
        key={node.key}
        className={`trace-node${depth === null ? ' is-start' : ''}`}
        data-testid={`trace-${node.key}`}
      >
        <Badge tone={tone}>{label}</Badge>
        <Link href={href(node)} className="trace-title">
          {node.title}
        </Link>
        <span className="trace-unit">{unitName(node.unitId)}</span>
      </li>
    );
  };
  return (
    <div className="page trace-page">
      <header className="page-header">
        <h1>{t('trace.title', { title: start.title })}</h1>
        <p className="page-lede">{t('trace.lede')}</p>
      </header>
      <section aria-label={t('trace.up')}>
        <h2>{t('trace.upTitle')}</h2>
        {up.length === 0 ? (
          <p className="links-empty">{t('trace.upEmpty')}</p>
        ) : (
          <ol className="trace-list">{[...up].reverse().map((step) => row(step.node, step.depth))}</ol>
        )}
      </section>
      <ol className="trace-list">{row(start, null)}</ol>
      <section aria-label={t('trace.down')}>
        <h2>{t('trace.downTitle')}</h2>
        {down.length === 0 ? (
          <p className="links-empty">{t('trace.downEmpty')}</p>
        ) : (
          <ol className="trace-list">{down.map((step) => row(step.node, step.depth))}</ol>
        )}
      </section>
    </div>
  );
}
