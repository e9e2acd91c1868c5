/**
 * Grid geometry of the paper X-matrix, as 1-based CSS grid lines.
 * Rows: [How rows][add How][centre band][What rows][add What].
 * Columns: [How Far cols][add How Far][centre][How Much cols][add How Much][Who cols][add Who].
 * Lists read top → bottom and left → right; each ends with its "+" track.
 */
export interface MatrixLayout {
  howRow: (i: number) => number;
  howAddRow: number;
  bandRow: number;
  whatRow: (k: number) => number;
  whatAddRow: number;
  howFarCol: (j: number) => number;
  howFarAddCol: number;
  centreCol: number;
  howMuchCol: (m: number) => number;
  howMuchAddCol: number;
  whoCol: (w: number) => number;
  whoAddCol: number;
  templateRows: string;
  templateColumns: string;
}

export interface PartCounts {
  what: number;
  how_far: number;
  how: number;
  how_much: number;
  who: number;
}

/** Computes the tracks and line numbers for the given item counts. */
export function matrixLayout(n: PartCounts): MatrixLayout {
  const repeat = (count: number, track: string) => Array.from({ length: count }, () => track);
  const rows = [
    ...repeat(n.how, 'minmax(var(--mx-row), auto)'),
    'var(--mx-add-row)',
    'var(--mx-band)',
    ...repeat(n.what, 'minmax(var(--mx-row), auto)'),
    'var(--mx-add-row)',
  ];
  const columns = [
    ...repeat(n.how_far, 'var(--mx-col)'),
    'var(--mx-add-col)',
    'var(--mx-centre-w)',
    ...repeat(n.how_much, 'var(--mx-col-kpi)'),
    'var(--mx-add-col)',
    ...repeat(n.who, 'var(--mx-col)'),
    'var(--mx-add-col)',
  ];
  const bandRow = n.how + 2;
  const centreCol = n.how_far + 2;
  return {
    howRow: (i) => 1 + i,
    howAddRow: n.how + 1,
    bandRow,
    whatRow: (k) => bandRow + 1 + k,
    whatAddRow: bandRow + 1 + n.what,
    howFarCol: (j) => 1 + j,
    howFarAddCol: n.how_far + 1,
    centreCol,
    howMuchCol: (m) => centreCol + 1 + m,
    howMuchAddCol: centreCol + 1 + n.how_much,
    whoCol: (w) => centreCol + 2 + n.how_much + w,
    whoAddCol: centreCol + 2 + n.how_much + n.who,
    templateRows: rows.join(' '),
    templateColumns: columns.join(' '),
  };
}

/** Below this scale the matrix's text gets too small to read: fitting the height stops there. */
export const MIN_HEIGHT_SCALE = 0.72;

/**
 * The scale "Fit to window" draws the matrix at: the whole width always shows, the whole height
 * too unless that needs less than {@link MIN_HEIGHT_SCALE} (then the page scrolls); never above 1.
 */
export function fitScale(
  natural: { width: number; height: number },
  room: { width: number; height: number },
): number {
  if (natural.width <= 0 || natural.height <= 0 || room.width <= 0) return 1;
  const byWidth = room.width / natural.width;
  const byHeight = Math.max(room.height / natural.height, MIN_HEIGHT_SCALE);
  return Math.min(1, byWidth, byHeight);
}
