/**
 * Cells as spreadsheets hand them over, and the forgiving readers imports use on them. Readers
 * return either a value or a message saying why the cell could not be read, so callers can report
 * every problem with its row and column instead of stopping at the first.
 */

/** One cell after reading CSV or XLSX: dates already written as `YYYY-MM-DD`. */
export type SheetCell = string | number | boolean | null;

/** A sheet as rows of cells; `rows[0]` is spreadsheet row 1. Missing rows may be empty arrays. */
export type SheetRows = readonly (readonly SheetCell[])[];

export type CellRead<T> = { ok: true; value: T } | { ok: false; message: string };

/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Where a cell is, as far as it is known; every part is optional. */
export interface CellPlace {
  sheet?: string | undefined;
  row?: number | null | undefined;
  column?: string | null | undefined;
  /** The column's header as the sheet writes it (`Target`), or the field it was read as. */
  header?: string | null | undefined;
}

/**
 * Names a place in a sheet the way a spreadsheet user finds it, the one form every import's
 * messages use: `row 4, column C (Target)`, `sheet "How", row 4, column C`, `row 7`; a problem
 * of the whole file is `(file)`.
 */
export function cellLocation(place: CellPlace): string {
  const parts = [
    place.sheet === undefined ? null : `sheet "${place.sheet}"`,
    place.row === null || place.row === undefined ? null : `row ${String(place.row)}`,
    place.column ? `column ${place.column}` : null,
  ].filter((part) => part !== null);
  const where = parts.join(', ');
  const header = place.header ? `(${place.header})` : '';
  return [where, header].filter((part) => part !== '').join(' ') || '(file)';
}

/** The text of a cell, trimmed; numbers and booleans as written. */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

export function isBlankRow(row: readonly SheetCell[] | undefined): boolean {
  return !row || row.every((cell) => cellText(cell) === '');
}

/**
 * Normalises a header or a keyword for forgiving comparison: case, width, spaces, punctuation and
 * anything in brackets are ignored, so "Key_Result", "key result" and "KEY RESULT (text)" all read
 * `keyresult`; letters of every script count ("Schlüsselergebnis", "目標").
 */
export function normaliseLabel(text: string): string {
  return normaliseName(text.replace(/\([^)]*\)|\[[^\]]*\]|（[^）]*）/g, ''));
}

/**
 * Normalises a title or a name for matching: case, width, spaces and punctuation are ignored, but
 * every letter and digit counts, inside brackets too: "Growth (Switzerland)" and "Growth (Germany)"
 * stay two objectives.
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, so text
 * written to a CSV or XLSX gets a leading apostrophe (the OWASP advice against formula
 * injection). {@link restoreFormulaText} undoes it on import, so export → import is unchanged.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function restoreFormulaText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * Looks entries up by any of their labels (id, name, e-mail…), compared with
 * {@link normaliseName}; the first entry to claim a label keeps it.
 */
export function labelIndex<T extends { id: string }>(
  list: readonly T[],
  labels: (entry: T) => readonly (string | null)[],
): Map<string, string> {
  const index = new Map<string, string>();
  for (const entry of list)
    for (const label of labels(entry)) {
      const key = normaliseName(label ?? '');
      if (key !== '' && !index.has(key)) index.set(key, entry.id);
    }
  return index;
}
