/** Orphans: items with no correlation or owner, and OKRs nothing below supports, grouped by reason. */
import { useTranslation } from 'react-i18next';
import type { Orphan } from '../../../contracts';
import { i18n } from '../../i18n/i18n';
import { Badge } from '../badge';

const ORPHAN_REASONS: readonly Orphan['reason'][] = [
  'unsupported_breakthrough',
  'annual_without_initiative',
  'initiative_without_kpi',
  'initiative_without_owner',
  'kpi_without_owner',
  'empty_grid_line',
  'unaligned_objective',
  'unsupported_parent_objective',
  'unsupported_parent_key_result',
];

/** Each reason in the reader's language (read when shown, so it follows a change of language). */
export const ORPHAN_LABELS = Object.defineProperties(
  {},
  Object.fromEntries(
    ORPHAN_REASONS.map((reason) => [
      reason,
      { enumerable: true, get: () => i18n.t(`common:links.orphanReason.${reason}`) },
    ]),
  ),
) as Readonly<Record<Orphan['reason'], string>>;

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
