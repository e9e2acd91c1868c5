/**
 * The trace of one initiative, KPI, key result or objective: the chain up to the top objective
 * and down to the leaf work, across units, nearest first. Route: `/org/:orgId/trace/:kind/:id`.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { GraphNode, TraceKind } from '../../contracts';
import { queries } from '../api/queries';
import { Badge, type BadgeTone } from '../components/badge';
import { PageError, PageLoading } from '../components/page-state';
import { useOrg } from '../hooks/org-context';
import { paths } from '../paths';

const PART_LABEL = {
  what: 'Breakthrough',
  how_far: 'Annual objective',
  how: 'Initiative',
  how_much: 'KPI',
  who: 'Owner',
} as const;
const PART_TONE: Record<keyof typeof PART_LABEL, BadgeTone> = {
  what: 'brand',
  how_far: 'teal',
  how: 'amber',
  how_much: 'red',
  who: 'neutral',
};

function kindLabel(node: GraphNode): { label: string; tone: BadgeTone } {
  if (node.part) return { label: PART_LABEL[node.part], tone: PART_TONE[node.part] };
  return node.kind === 'key_result'
    ? { label: 'Key result', tone: 'violet' }
    : { label: 'Objective', tone: 'blue' };
}

export function TracePage({ kind, id }: { kind: TraceKind; id: string }) {
  const org = useOrg();
  const trace = useQuery(queries.trace(kind, id));
  if (trace.error) return <PageError title="Could not trace this item" error={trace.error} />;
  if (!trace.data || !org.data) return <PageLoading />;
  const { start, up, down } = trace.data;
  const orgId = org.data.organisation.id;
  const unitName = (unitId: string) => org.data?.unitsById.get(unitId)?.name ?? unitId;
  const href = (node: GraphNode) =>
    node.year !== null ? paths.matrix(orgId, node.unitId, node.year) : paths.okrs(orgId, node.unitId);
  const row = (node: GraphNode, depth: number | null) => {
    const { label, tone } = kindLabel(node);
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
        <h1>Trace: {start.title}</h1>
        <p className="page-lede">
          Up to the objectives it serves, down to the work that delivers it, across units. Nearest links
          first.
        </p>
      </header>
      <section aria-label="Up">
        <h2>Up · serves</h2>
        {up.length === 0 ? (
          <p className="links-empty">Nothing above: this is a top objective, or an orphan.</p>
        ) : (
          <ol className="trace-list">{[...up].reverse().map((step) => row(step.node, step.depth))}</ol>
        )}
      </section>
      <ol className="trace-list">{row(start, null)}</ol>
      <section aria-label="Down">
        <h2>Down · delivered by</h2>
        {down.length === 0 ? (
          <p className="links-empty">Nothing below yet.</p>
        ) : (
          <ol className="trace-list">{down.map((step) => row(step.node, step.depth))}</ol>
        )}
      </section>
    </div>
  );
}
