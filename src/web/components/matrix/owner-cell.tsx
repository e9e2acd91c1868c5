/** One cell of the Who grid: ● primary, ○ secondary or blank; pressing cycles the role. */
import { memo } from 'react';
import type { OwnershipRole } from '../../api-client';
import { ROLE_SYMBOL } from './matrix-model';

interface OwnerCellProps {
  initiativeId: string;
  whoId: string;
  role: OwnershipRole | undefined;
  /** "How 'X' × Who 'Y'" — completed with ": primary" etc. */
  labelBase: string;
  row: number;
  column: number;
  tone: 'lit' | 'hot' | 'dim' | undefined;
  className: string;
  onCycle: (initiativeId: string, whoId: string) => void;
  onHover: (ids: [string, string] | null) => void;
}

export const OwnerCell = memo(function OwnerCell(props: OwnerCellProps) {
  const { initiativeId, whoId, role, labelBase, row, column, tone, className, onCycle, onHover } = props;
  return (
    <button
      type="button"
      className={`mx-cell mx-owner ${className}${tone ? ` is-${tone}` : ''}${role ? ` has-${role}` : ''}`}
      style={{ gridRow: row, gridColumn: column }}
      data-testid={`owner-${initiativeId}-${whoId}`}
      data-role={role ?? ''}
      aria-label={`${labelBase}: ${role ?? 'none'}`}
      onClick={() => onCycle(initiativeId, whoId)}
      onMouseEnter={() => onHover([initiativeId, whoId])}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover([initiativeId, whoId])}
      onBlur={() => onHover(null)}
    >
      <span aria-hidden="true">{role ? ROLE_SYMBOL[role] : ''}</span>
    </button>
  );
});
