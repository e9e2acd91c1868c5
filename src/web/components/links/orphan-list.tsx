/** Orphans: items with no correlation or owner, and OKRs nothing below supports, grouped by reason. */
import { useTranslation } from 'react-i18next';
import type { Orphan } from '../../../contracts';
import { i18n } from '../../i18n/i18n';
import { CORNER_GRIDS } from '../../../core/correlation';
import { Badge } from '../badge';

/** A reason in the reader's language. */
function orphanLabel(reason: Orphan['reason']): string {
  return i18n.t(`common:links.orphanReason.${reason}`);
}

export function OrphanList({
  orphans,
  unitName,
}: {
  orphans: Orphan[];
  unitName?: (unitId: string) => string;
}) {
  const { t } = useTranslation();
  if (orphans.length === 0) return <p className="links-empty">{t('links.noOrphans')}</p>;
  return (
    <ul className="links-list" aria-label={t('links.orphans')}>
      {orphans.map((orphan) => (
        <li
          key={`${orphan.reason}:${orphan.id}:${orphan.grid ?? ''}`}
          className="links-row"
          data-testid={`orphan-${orphan.id}`}
        >
          <Badge tone={orphan.reason === 'empty_grid_line' ? 'neutral' : 'amber'}>
            {orphanLabel(orphan.reason)}
          </Badge>
          <span className="links-title">{orphan.title}</span>
          <span className="links-meta">
            {unitName ? `${unitName(orphan.unitId)} · ` : ''}
            {orphanMessage(orphan)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Why an item is an orphan, in the reader's language: core's English `message` says the same from
 * the reason and, for an empty grid line, the grid (its corner and its two parts' default names).
 */
export function orphanMessage(orphan: Orphan): string {
  const grid = CORNER_GRIDS.find((candidate) => candidate.id === orphan.grid);
  const parts = grid ? grid.parts.map((part) => i18n.t(`common:parts.${part}`)).join(' × ') : '';
  return i18n.t(`common:links.orphanMessage.${orphan.reason}`, { grid: orphan.grid ?? '', parts });
}
