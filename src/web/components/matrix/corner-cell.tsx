/** One cell of a corner grid: a button showing ● / ○ / △ that cycles its strength when pressed. */
import { memo } from 'react';
import type { CorrelationStrength } from '../../api-client';
import { STRENGTH_SYMBOL } from './matrix-model';

interface CornerCellProps {
  fromId: string;
  toId: string;
  strength: CorrelationStrength | undefined;
  /** "What 'X' × How Far 'Y'" — completed with ": strong" or ": none". */
  labelBase: string;
  row: number;
  column: number;
  tone: 'lit' | 'hot' | 'dim' | undefined;
  /** Extra classes: grid name and edge markers. */
  className: string;
  onCycle: (fromId: string, toId: string) => void;
  onHover: (ids: [string, string] | null) => void;
}

export const CornerCell = memo(function CornerCell(props: CornerCellProps) {
  const { fromId, toId, strength, labelBase, row, column, tone, className, onCycle, onHover } = props;
  return (
    <button
      type="button"
      className={`mx-cell ${className}${tone ? ` is-${tone}` : ''}${strength ? ` has-${strength}` : ''}`}
      style={{ gridRow: row, gridColumn: column }}
      data-testid={`cell-${fromId}-${toId}`}
      data-strength={strength ?? ''}
      aria-label={`${labelBase}: ${strength ?? 'none'}`}
      onClick={() => onCycle(fromId, toId)}
      onMouseEnter={() => onHover([fromId, toId])}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover([fromId, toId])}
      onBlur={() => onHover(null)}
    >
      <span aria-hidden="true">{strength ? STRENGTH_SYMBOL[strength] : ''}</span>
    </button>
  );
});
