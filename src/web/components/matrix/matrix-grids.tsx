/**
 * The four corner grids, the Who grid and the Who load row. Each grid is one {@link MatrixGrid};
 * its marks come from {@link gridMarks}, one string per row computed once per view.
 * Test hooks: `cell-<fromId>-<toId>` (stored orientation) with `data-strength`,
 * `owner-<initiativeId>-<whoId>` with `data-role`, `load-<whoId>`.
 */
import type { ReactElement } from 'react';
import type { MatrixPart } from '../../api-client';
import type { XMatrixView } from '../../../contracts';
import { ROLE_SYMBOL } from '../../../core/ownership';
import { MATRIX_PARTS } from '../../../core/x-matrix-parts';
import { i18n } from '../../i18n/i18n';
import { MatrixGrid, markChar } from './matrix-grid';
import type { MatrixLayout } from './matrix-layout';
import type { MatrixIndex } from './matrix-model';

export interface ItemPlace {
  part: MatrixPart;
  /** 0-based position in its part. */
  at: number;
}

/** Each item's part and position, for the grids and their highlight. */
export function placesOf(items: XMatrixView['items']): Map<string, ItemPlace> {
  const where = new Map<string, ItemPlace>();
  for (const part of MATRIX_PARTS) items[part].forEach((item, at) => where.set(item.id, { part, at }));
  return where;
}

type GridName = 'nw' | 'ne' | 'sw' | 'se' | 'who';
export type GridMarks = Record<GridName, string[]>;

interface MatrixGridsProps {
  items: XMatrixView['items'];
  layout: MatrixLayout;
  index: MatrixIndex;
  marks: GridMarks;
  onCycleCell: (fromId: string, toId: string) => void;
  onCycleOwner: (initiativeId: string, whoId: string) => void;
  onHoverCell: (ids: [string, string] | null) => void;
}

/** Heavy load thresholds for the Who block: total marks, primaries. */
const LOAD_WARN = 4;
const LOAD_HIGH = 6;

/**
 * Each grid's rows as strings of mark characters, in one pass over the marks.
 * Rows: How (nw, ne, who) or What (sw, se); columns: How Far, How Much or Who.
 */
export function gridMarks(
  items: XMatrixView['items'],
  index: MatrixIndex,
  where: ReadonlyMap<string, ItemPlace>,
): GridMarks {
  const blank = (rows: number, columns: number) =>
    Array.from({ length: rows }, () => new Array<string>(columns).fill('.'));
  const grids = {
    nw: blank(items.how.length, items.how_far.length),
    ne: blank(items.how.length, items.how_much.length),
    sw: blank(items.what.length, items.how_far.length),
    se: blank(items.what.length, items.how_much.length),
    who: blank(items.how.length, items.who.length),
  };
  const put = (grid: string[][], row: number, column: number, value: string) => {
    const cells = grid[row];
    if (cells && column < cells.length) cells[column] = markChar(value);
  };
  for (const c of index.correlations.values()) {
    const from = where.get(c.fromId);
    const to = where.get(c.toId);
    if (!from || !to) continue;
    const pair = `${from.part}>${to.part}`;
    if (pair === 'how_far>how') put(grids.nw, to.at, from.at, c.strength);
    else if (pair === 'how>how_much') put(grids.ne, from.at, to.at, c.strength);
    else if (pair === 'what>how_far') put(grids.sw, from.at, to.at, c.strength);
    else if (pair === 'how_much>what') put(grids.se, to.at, from.at, c.strength);
  }
  for (const o of index.ownerships.values()) {
    const from = where.get(o.initiativeId);
    const to = where.get(o.whoId);
    if (from?.part === 'how' && to?.part === 'who') put(grids.who, from.at, to.at, o.role);
  }
  const join = (grid: string[][]) => grid.map((cells) => cells.join(''));
  return {
    nw: join(grids.nw),
    ne: join(grids.ne),
    sw: join(grids.sw),
    se: join(grids.se),
    who: join(grids.who),
  };
}

export function MatrixGrids(props: MatrixGridsProps): ReactElement[] {
  const { items, layout: L, index, marks, onCycleCell, onCycleOwner, onHoverCell } = props;
  const howRows = `1 / ${L.howAddRow}`;
  const whatRows = `${L.whatRow(0)} / ${L.whatAddRow}`;
  const howFarCols = `1 / ${L.howFarAddCol}`;
  const howMuchCols = `${L.howMuchCol(0)} / ${L.howMuchAddCol}`;
  const out: ReactElement[] = [
    <MatrixGrid
      key="grid-nw"
      name="nw"
      kind="cell"
      rows={items.how}
      columns={items.how_far}
      rowIsFrom={false}
      marks={marks.nw}
      gridRow={howRows}
      gridColumn={howFarCols}
      pitch="col"
      onCycle={onCycleCell}
      onHover={onHoverCell}
    />,
    <MatrixGrid
      key="grid-ne"
      name="ne"
      kind="cell"
      rows={items.how}
      columns={items.how_much}
      rowIsFrom={true}
      marks={marks.ne}
      gridRow={howRows}
      gridColumn={howMuchCols}
      pitch="kpi"
      onCycle={onCycleCell}
      onHover={onHoverCell}
    />,
    <MatrixGrid
      key="grid-who"
      name="who"
      kind="owner"
      rows={items.how}
      columns={items.who}
      rowIsFrom={true}
      marks={marks.who}
      gridRow={howRows}
      gridColumn={`${L.whoCol(0)} / ${L.whoAddCol}`}
      pitch="col"
      onCycle={onCycleOwner}
      onHover={onHoverCell}
    />,
    <MatrixGrid
      key="grid-sw"
      name="sw"
      kind="cell"
      rows={items.what}
      columns={items.how_far}
      rowIsFrom={true}
      marks={marks.sw}
      gridRow={whatRows}
      gridColumn={howFarCols}
      pitch="col"
      onCycle={onCycleCell}
      onHover={onHoverCell}
    />,
    <MatrixGrid
      key="grid-se"
      name="se"
      kind="cell"
      rows={items.what}
      columns={items.how_much}
      rowIsFrom={false}
      marks={marks.se}
      gridRow={whatRows}
      gridColumn={howMuchCols}
      pitch="kpi"
      onCycle={onCycleCell}
      onHover={onHoverCell}
    />,
  ];

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
        title={i18n.t(level === 'high' || level === 'warn' ? 'matrix:load.titleHeavy' : 'matrix:load.title', {
          who: who.title,
          primary: load.primary,
          secondary: load.secondary,
        })}
      >
        <span className="mx-load-total tabular">{total}</span>
        <span className="mx-load-split tabular">
          <span>
            {ROLE_SYMBOL.primary}
            {load.primary}
          </span>
          <span>
            {ROLE_SYMBOL.secondary}
            {load.secondary}
          </span>
        </span>
      </div>,
    );
  });
  return out;
}
