/** Orphans: items with no correlation or owner, and OKRs nothing below supports, grouped by reason. */
import type { Orphan } from '../../../contracts';
import { Badge } from '../badge';

export const ORPHAN_LABELS: Record<Orphan['reason'], string> = {
  unsupported_breakthrough: 'Breakthrough nothing supports',
  annual_without_initiative: 'Annual objective without initiative',
  initiative_without_kpi: 'Initiative without KPI',
  initiative_without_owner: 'Initiative without owner',
  kpi_without_owner: 'KPI without owner',
  empty_grid_line: 'Row or column without a mark',
  unaligned_objective: 'Objective aligned to nothing',
  unsupported_parent_objective: 'Objective nothing below supports',
  unsupported_parent_key_result: 'Key result nothing below supports',
};

export function OrphanList({
  orphans,
  unitName,
}: {
  orphans: Orphan[];
  unitName?: (unitId: string) => string;
}) {
  if (orphans.length === 0) return <p className="links-empty">No orphans: every item is linked.</p>;
  return (
    <ul className="links-list" aria-label="Orphans">
      {orphans.map((orphan) => (
        <li
          key={`${orphan.reason}:${orphan.id}:${orphan.grid ?? ''}`}
          className="links-row"
          data-testid={`orphan-${orphan.id}`}
        >
          <Badge tone={orphan.reason === 'empty_grid_line' ? 'neutral' : 'amber'}>
            {ORPHAN_LABELS[orphan.reason]}
          </Badge>
          <span className="links-title">{orphan.title}</span>
          <span className="links-meta">
            {unitName ? `${unitName(orphan.unitId)} · ` : ''}
            {orphan.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
