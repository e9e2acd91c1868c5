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

const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a number the way people type one: `45`, `45 %`, `1,200`, `€3.5`, `-2`. An empty cell is
 * null. Anything else (`n/a`, `about 40`) is refused, quoting the text.
 */
export function readNumber(cell: SheetCell | undefined): CellRead<number | null> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : notANumber(cell);
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  let cleaned = text
    .replace(/^[$€£¥]\s*/, '')
    .replace(/\s*%$/, '')
    .replace(/\s+/g, '');
  if (THOUSANDS.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  const value = Number(cleaned);
  return cleaned !== '' && Number.isFinite(value) ? { ok: true, value } : notANumber(text);
}

function notANumber(text: unknown): CellRead<never> {
  return { ok: false, message: `expected a number, found text "${String(text)}"` };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const DAY_FIRST = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

/**
 * Reads a calendar date: `2026-06-30` (a time after it is ignored) or day-first `30/06/2026`,
 * `30.06.2026`. An empty cell is null.
 */
export function readDate(cell: SheetCell | undefined): CellRead<string | null> {
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  const iso = ISO_DATE.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  const parts = iso
    ? { y: iso[1], m: iso[2], d: iso[3] }
    : dayFirst
      ? { y: dayFirst[3], m: dayFirst[2]?.padStart(2, '0'), d: dayFirst[1]?.padStart(2, '0') }
      : null;
  if (parts) {
    const value = `${parts.y ?? ''}-${parts.m ?? ''}-${parts.d ?? ''}`;
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return { ok: true, value };
  }
  return { ok: false, message: `expected a date such as 2026-06-30, found "${text}"` };
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
