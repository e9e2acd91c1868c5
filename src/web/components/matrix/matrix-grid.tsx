/**
 * One grid of the X-matrix (a corner grid or the Who grid), drawn cheaply enough for 200 × 200 cells.
 *
 * The grid is one element on the matrix's CSS grid (a subgrid, so its rows and columns follow the item
 * labels). Its lines are one element per row (bottom line) and one per column (right line); only the
 * marked cells, the cell under the pointer and the keyboard's active cell are elements — blank cells
 * are drawn by those lines, except in small grids, where every cell is an element so that each one
 * can be addressed by its test id. One click, pointer and key handler serves the whole grid; the
 * keyboard uses a roving focus (arrows move, Enter/Space cycles). In a read-only matrix
 * ({@link useMatrixReadOnly}) clicks and keys only move the focus and the highlight; nothing cycles,
 * and the grid and its cells say `aria-readonly`. Rows are memoised on a string of
 * their marks, so an edit re-renders one row and a hover re-renders none (see {@link highlightCss}).
 *
 * Test hooks: `cell-<fromId>-<toId>` with `data-strength`, or `owner-<initiativeId>-<whoId>` with
 * `data-role`; every cell of a grid of up to {@link ALL_CELLS_UP_TO} cells, marked cells always.
 */
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixItem } from '../../../contracts';
import { STRENGTH_SYMBOL, type CorrelationStrength } from '../../../core/correlation';
import { ROLE_SYMBOL, type OwnershipRole } from '../../../core/ownership';
import { partShort } from './matrix-model';
import { useMatrixReadOnly } from './matrix-read-only';

/** Grids with at most this many cells render every cell as an element (cheap at this size). */
export const ALL_CELLS_UP_TO = 1600;

export type GridKind = 'cell' | 'owner';

/** One character per column of a row: '.' blank, or the first letter of the strength or role. */
type RowMarks = string;
const BLANK = '.';
const VALUE_OF: Record<string, string> = {
  s: 'strong',
  m: 'medium',
  w: 'weak',
  p: 'primary',
  S: 'secondary',
};
/** Mark value → its character in {@link RowMarks} ("secondary" gets 'S' to differ from "strong"). */
export const markChar = (value: string) => (value === 'secondary' ? 'S' : value.charAt(0));

const SYMBOL: Record<string, string> = { ...STRENGTH_SYMBOL, ...ROLE_SYMBOL };

type Mark = CorrelationStrength | OwnershipRole | 'none';
/** A cell's value as the key of its words (`marks.<value>`), `none` when blank. */
const markOf = (value: string | undefined): Mark => (value as Mark | undefined) ?? 'none';

interface MatrixGridProps {
  /** Grid name for classes: nw, ne, sw, se, who. */
  name: string;
  kind: GridKind;
  rows: MatrixItem[];
  columns: MatrixItem[];
  /** True when a row's item is the stored `fromId` (or the initiative), false when the column's is. */
  rowIsFrom: boolean;
  /** The marks of each row (same order as `rows`). */
  marks: RowMarks[];
  /** Placement on the matrix's grid. */
  gridRow: string;
  gridColumn: string;
  /** Column pitch: `kpi` for How Much columns. */
  pitch: 'col' | 'kpi';
  onCycle: (fromId: string, toId: string) => void;
  onHover: (ids: [string, string] | null) => void;
}

interface Pos {
  i: number;
  j: number;
}

export const MatrixGrid = memo(function MatrixGrid(props: MatrixGridProps) {
  const { name, kind, rows, columns, rowIsFrom, marks, gridRow, gridColumn, pitch, onCycle, onHover } = props;
  const { t } = useTranslation('matrix');
  const readOnly = useMatrixReadOnly();
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Pos>({ i: 0, j: 0 });
  const [pointer, setPointer] = useState<Pos | null>(null);
  const focusActive = useRef(false);
  const all = rows.length * columns.length <= ALL_CELLS_UP_TO;
  const shown = useRowsInView(ref, rows, !all);

  const idsAt = useCallback(
    ({ i, j }: Pos): [string, string] | null => {
      const row = rows[i];
      const column = columns[j];
      if (!row || !column) return null;
      return rowIsFrom ? [row.id, column.id] : [column.id, row.id];
    },
    [rows, columns, rowIsFrom],
  );

  /** The cell under a pointer event: from a cell element, else from the row and the x offset. */
  const posOf = (event: MouseEvent): Pos | null => {
    const target = event.target as HTMLElement;
    const rowEl = target.closest<HTMLElement>('[data-i]');
    const root = ref.current;
    if (!rowEl || !root) return null;
    const i = Number(rowEl.dataset.i);
    const cellEl = target.closest<HTMLElement>('[aria-colindex]');
    if (cellEl) return { i, j: Number(cellEl.getAttribute('aria-colindex')) - 1 };
    const rect = root.getBoundingClientRect();
    const j = Math.floor(((event.clientX - rect.left) / rect.width) * columns.length);
    return j >= 0 && j < columns.length ? { i, j } : null;
  };

  const onClick = (event: MouseEvent) => {
    const pos = posOf(event);
    const ids = pos && idsAt(pos);
    if (!pos || !ids) return;
    setActive(pos);
    if (!readOnly) onCycle(ids[0], ids[1]);
  };
  const onMouseMove = (event: MouseEvent) => {
    const pos = posOf(event);
    if (pos?.i === pointer?.i && pos?.j === pointer?.j) return;
    setPointer(pos);
    onHover(pos && idsAt(pos));
  };
  const onMouseLeave = () => {
    setPointer(null);
    onHover(null);
  };
  const onFocus = (event: FocusEvent) => {
    const cellEl = (event.target as HTMLElement).closest<HTMLElement>('[aria-colindex]');
    const rowEl = cellEl?.closest<HTMLElement>('[data-i]');
    if (!cellEl || !rowEl) return;
    const pos = { i: Number(rowEl.dataset.i), j: Number(cellEl.getAttribute('aria-colindex')) - 1 };
    setActive((a) => (a.i === pos.i && a.j === pos.j ? a : pos));
    onHover(idsAt(pos));
  };
  const onBlur = () => onHover(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const move: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const delta = move[event.key];
    if (delta) {
      event.preventDefault();
      const i = Math.min(rows.length - 1, Math.max(0, active.i + delta[0]));
      const j = Math.min(columns.length - 1, Math.max(0, active.j + delta[1]));
      focusActive.current = true;
      setActive({ i, j });
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusActive.current = true;
      setActive({ i: active.i, j: event.key === 'Home' ? 0 : columns.length - 1 });
    } else if ((event.key === 'Enter' || event.key === ' ') && !readOnly) {
      event.preventDefault();
      const ids = idsAt(active);
      if (ids) onCycle(ids[0], ids[1]);
    }
  };

  // Keep the active cell inside the grid when items go away.
  const activeI = Math.min(active.i, rows.length - 1);
  const activeJ = Math.min(active.j, columns.length - 1);
  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    ref.current
      ?.querySelector<HTMLElement>(`[data-i="${activeI}"] [aria-colindex="${activeJ + 1}"]`)
      ?.focus({ preventScroll: false });
  }, [activeI, activeJ]);

  const labels = useMemo(
    () => columns.map((c) => t('grid.item', { part: partShort(c.part), title: c.title })),
    [columns, t],
  );
  if (rows.length === 0 || columns.length === 0) return null;

  const style = { gridRow, gridColumn } as CSSProperties;
  return (
    <div
      ref={ref}
      className={`mx-grid grid-${name} pitch-${pitch}${readOnly ? ' is-readonly' : ''}`}
      style={style}
      role="grid"
      aria-readonly={readOnly || undefined}
      aria-rowcount={rows.length}
      aria-colcount={columns.length}
      onClick={onClick}
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
      onFocus={onFocus}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    >
      {columns.map((column, j) => (
        <div
          key={column.id}
          className={j === columns.length - 1 ? 'mx-gcol is-last' : 'mx-gcol'}
          data-line={column.id}
          style={{ gridColumn: j + 1 }}
          aria-hidden="true"
        />
      ))}
      {rows.map((row, i) => (
        <GridRow
          key={row.id}
          kind={kind}
          row={row}
          i={i}
          columns={columns}
          labels={labels}
          rowIsFrom={rowIsFrom}
          marks={marks[i] ?? ''}
          all={all}
          inView={all || shown.has(i)}
          activeJ={i === activeI ? activeJ : -1}
          pointerJ={pointer?.i === i ? pointer.j : -1}
          readOnly={readOnly}
        />
      ))}
    </div>
  );
});

const NO_ROWS: ReadonlySet<number> = new Set();

/**
 * Indices of the rows on screen or within a screen of it, kept up to date by one
 * IntersectionObserver per grid (only when `enabled`: large grids).
 */
function useRowsInView(
  ref: RefObject<HTMLDivElement | null>,
  rows: MatrixItem[],
  enabled: boolean,
): ReadonlySet<number> {
  const [shown, setShown] = useState(NO_ROWS);
  useEffect(() => {
    const root = ref.current;
    if (!enabled || !root) return;
    const current = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const i = Number((entry.target as HTMLElement).dataset.i);
          if (entry.isIntersecting) current.add(i);
          else current.delete(i);
        }
        setShown(new Set(current));
      },
      { rootMargin: '100% 50%', scrollMargin: '100% 50%' },
    );
    root.querySelectorAll('.mx-grow').forEach((row) => observer.observe(row));
    return () => observer.disconnect();
  }, [ref, rows, enabled]);
  return enabled ? shown : NO_ROWS;
}

interface GridRowProps {
  kind: GridKind;
  row: MatrixItem;
  i: number;
  columns: MatrixItem[];
  labels: string[];
  rowIsFrom: boolean;
  marks: RowMarks;
  /** Render every cell, blank ones too. */
  all: boolean;
  /** The row is on screen (or near it): render its marks. */
  inView: boolean;
  /** Column of the roving-focus cell in this row, or -1. */
  activeJ: number;
  /** Column of the cell under the pointer in this row, or -1. */
  pointerJ: number;
  /** The cells only read (focusable, not editable). */
  readOnly: boolean;
}

const GridRow = memo(function GridRow(props: GridRowProps) {
  const { kind, row, i, columns, labels, rowIsFrom, marks, all, inView, activeJ, pointerJ, readOnly } = props;
  const { t } = useTranslation('matrix');
  const rowLabel = t('grid.item', { part: partShort(row.part), title: row.title });
  const cells = [];
  for (let j = 0; j < columns.length; j++) {
    const char = inView ? marks.charAt(j) || BLANK : BLANK;
    if (!all && char === BLANK && j !== activeJ && j !== pointerJ) continue;
    const column = columns[j];
    if (!column) continue;
    const [fromId, toId] = rowIsFrom ? [row.id, column.id] : [column.id, row.id];
    const value = VALUE_OF[char];
    const label = labels[j] ?? '';
    const [first, second] = rowIsFrom ? [rowLabel, label] : [label, rowLabel];
    const attrs =
      kind === 'cell'
        ? { 'data-testid': `cell-${fromId}-${toId}`, 'data-strength': value ?? '' }
        : { 'data-testid': `owner-${fromId}-${toId}`, 'data-role': value ?? '' };
    cells.push(
      <span
        key={column.id}
        className={`mx-cell${kind === 'owner' ? ' mx-owner' : ''}${value ? ` has-${value}` : ''}`}
        style={{ '--j': j } as CSSProperties}
        role="gridcell"
        tabIndex={j === activeJ ? 0 : -1}
        aria-colindex={j + 1}
        aria-label={t('grid.cell', { first, second, mark: t(`marks.${markOf(value)}`) })}
        aria-readonly={readOnly || undefined}
        {...attrs}
      >
        {value ? SYMBOL[value] : ''}
      </span>,
    );
  }
  return (
    <div
      className="mx-grow"
      role="row"
      aria-rowindex={i + 1}
      data-i={i}
      data-line={row.id}
      style={{ gridRow: i + 1 }}
    >
      {cells}
    </div>
  );
});

/** The grids in which an item of each part is a row or a column. */
const ROW_IN: Partial<Record<MatrixItem['part'], boolean>> = { how: true, what: true };
const COLUMN_GRIDS: Partial<Record<MatrixItem['part'], string[]>> = {
  how_far: ['nw', 'sw'],
  how_much: ['ne', 'se'],
  who: ['who'],
};

/**
 * The stylesheet that lights the rows and columns of `lines` in every grid and, when dimming, marks
 * the cells in them as hot: one small rule set per hover instead of re-rendering the grids.
 * `where` gives each item's part and position in it.
 */
export function highlightCss(
  lines: ReadonlySet<string>,
  dims: boolean,
  where: ReadonlyMap<string, { part: MatrixItem['part']; at: number }>,
): string {
  if (lines.size === 0) return '';
  const lineSel = [...lines].map((id) => `.mx.mx .mx-grid [data-line="${CSS.escape(id)}"]`).join(',');
  let css = `${lineSel}{background:var(--mx-lit);border-color:var(--mx-line)}`;
  if (!dims) return css;
  const cellSel: string[] = [];
  for (const id of lines) {
    const at = where.get(id);
    if (!at) continue;
    if (ROW_IN[at.part]) cellSel.push(`.mx.mx .mx-grow[data-line="${CSS.escape(id)}"]>.mx-cell`);
    for (const grid of COLUMN_GRIDS[at.part] ?? [])
      cellSel.push(`.mx.mx .grid-${grid} .mx-cell[aria-colindex="${at.at + 1}"]`);
  }
  if (cellSel.length === 0) return css;
  css += `${cellSel.join(',')}{opacity:1}`;
  const hot = cellSel.map(
    (sel) => `${sel}:is(.has-strong,.has-medium,.has-weak,.has-primary,.has-secondary)`,
  );
  css += `${hot.join(',')}{background:var(--brand-100);color:var(--brand-700);font-weight:var(--weight-bold)}`;
  return css;
}
