/**
 * The cells of the four corner grids, the Who grid, the Who load row and the gutter cells of the
 * "+" tracks. Test hooks: `cell-<fromId>-<toId>` (stored orientation) with `data-strength`,
 * `owner-<initiativeId>-<whoId>` with `data-role`, `load-<whoId>`.
 */
import type { ReactElement } from 'react';
import type { MatrixItem, XMatrixView } from '../../../contracts';
import { CornerCell } from './corner-cell';
import type { MatrixLayout } from './matrix-layout';
import { cellKey, cellTone, PART_SHORT, type Highlight, type MatrixIndex } from './matrix-model';
import { OwnerCell } from './owner-cell';

interface MatrixGridsProps {
  items: XMatrixView['items'];
  layout: MatrixLayout;
  index: MatrixIndex;
  highlight: Highlight;
  onCycleCell: (fromId: string, toId: string) => void;
  onCycleOwner: (initiativeId: string, whoId: string) => void;
  onHoverCell: (ids: [string, string] | null) => void;
}

/** Heavy load thresholds for the Who block: total marks, primaries. */
const LOAD_WARN = 4;
const LOAD_HIGH = 6;

export function MatrixGrids(props: MatrixGridsProps): ReactElement[] {
  const { items, layout: L, index, highlight, onCycleCell, onCycleOwner, onHoverCell } = props;
  const out: ReactElement[] = [];
  const label = (from: MatrixItem, to: MatrixItem) =>
    `${PART_SHORT[from.part]} '${from.title}' × ${PART_SHORT[to.part]} '${to.title}'`;

  const corner = (
    from: MatrixItem,
    to: MatrixItem,
    row: number,
    column: number,
    grid: string,
    edge: string,
  ) => {
    const strength = index.correlations.get(cellKey(from.id, to.id))?.strength;
    out.push(
      <CornerCell
        key={`c-${from.id}-${to.id}`}
        fromId={from.id}
        toId={to.id}
        strength={strength}
        labelBase={label(from, to)}
        row={row}
        column={column}
        tone={cellTone(highlight, from.id, to.id, strength !== undefined)}
        className={`grid-${grid}${edge}`}
        onCycle={onCycleCell}
        onHover={onHoverCell}
      />,
    );
  };
  const edges = (i: number, n: number, j: number, m: number) =>
    `${i === 0 ? ' edge-top' : ''}${i === n - 1 ? ' edge-bottom' : ''}${j === 0 ? ' edge-left' : ''}${j === m - 1 ? ' edge-right' : ''}`;

  items.how.forEach((how, i) => {
    items.how_far.forEach((far, j) =>
      corner(
        far,
        how,
        L.howRow(i),
        L.howFarCol(j),
        'nw',
        edges(i, items.how.length, j, items.how_far.length),
      ),
    );
    items.how_much.forEach((kpi, m) =>
      corner(
        how,
        kpi,
        L.howRow(i),
        L.howMuchCol(m),
        'ne',
        edges(i, items.how.length, m, items.how_much.length),
      ),
    );
    items.who.forEach((who, w) => {
      const role = index.ownerships.get(cellKey(how.id, who.id))?.role;
      out.push(
        <OwnerCell
          key={`o-${how.id}-${who.id}`}
          initiativeId={how.id}
          whoId={who.id}
          role={role}
          labelBase={label(how, who)}
          row={L.howRow(i)}
          column={L.whoCol(w)}
          tone={cellTone(highlight, how.id, who.id, role !== undefined)}
          className={`grid-who${edges(i, items.how.length, w, items.who.length)}`}
          onCycle={onCycleOwner}
          onHover={onHoverCell}
        />,
      );
    });
  });
  items.what.forEach((what, k) => {
    items.how_far.forEach((far, j) =>
      corner(
        what,
        far,
        L.whatRow(k),
        L.howFarCol(j),
        'sw',
        edges(k, items.what.length, j, items.how_far.length),
      ),
    );
    items.how_much.forEach((kpi, m) =>
      corner(
        kpi,
        what,
        L.whatRow(k),
        L.howMuchCol(m),
        'se',
        edges(k, items.what.length, m, items.how_much.length),
      ),
    );
  });

  items.who.forEach((who, w) => {
    const load = index.loadOf.get(who.id) ?? { primary: 0, secondary: 0 };
    const total = load.primary + load.secondary;
    const level = total >= LOAD_HIGH ? 'high' : total >= LOAD_WARN ? 'warn' : total === 0 ? 'none' : 'ok';
    out.push(
      <div
        key={`load-${who.id}`}
        className={`mx-load load-${level}`}
        style={{ gridRow: `${L.whatRow(0)} / span ${items.what.length + 1}`, gridColumn: L.whoCol(w) }}
        data-testid={`load-${who.id}`}
        title={`${who.title}: ${load.primary} primary, ${load.secondary} secondary${level === 'high' || level === 'warn' ? ' — heavy load' : ''}`}
      >
        <span className="mx-load-total tabular">{total}</span>
        <span className="mx-load-split tabular">
          <span>●{load.primary}</span>
          <span>○{load.secondary}</span>
        </span>
      </div>,
    );
  });
  return out;
}
