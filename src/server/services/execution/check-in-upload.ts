import {
  CHECK_IN_SHEET_FIELDS,
  checkInFieldOf,
  REQUIRED_CHECK_IN_FIELDS,
  type CheckInSheetField,
} from '../../../core/check-in-sheet-columns';
import { validationError, type Issue } from '../../../core/errors';
import { cellLocation, cellText, columnLetter, isBlankRow, type SheetCell } from '../../../core/sheet-cells';
import {
  detectSheetLocale,
  readLocaleDate,
  readLocaleNumber,
  type LocaleChoice,
  type SheetLocale,
} from '../../../core/sheet-locale';
import { formatOfContentType, readSheet, type CsvSeparator } from '../../imports/sheet-reader';
import type { LocatedRow } from './check-ins.service';

/** One cell as read: its spreadsheet column (for messages) and its value. */
interface Cell {
  column: string;
  value: SheetCell | undefined;
}
interface RawRow {
  rowNumber: number;
  cells: Map<string, Cell>;
}

const SEPARATOR_NAMES: Record<CsvSeparator, string> = { ',': 'commas', ';': 'semicolons', tab: 'tabs' };

/**
 * The first non-blank row is the header; the rows below it that hold anything are check-ins.
 * Headers are read in English, German, French or Japanese; a header that is missing says how the
 * file was split, since a wrong separator is the usual reason.
 */
function toTable(rows: readonly (readonly SheetCell[])[], separator: CsvSeparator | null): RawRow[] {
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  if (headerIndex < 0)
    throw validationError(
      [{ path: cellLocation({}), message: 'the sheet is empty' }],
      'The upload is not valid',
    );
  const headerRow = headerIndex + 1;
  const headers = (rows[headerIndex] ?? []).map((name) => cellText(name));
  const names = headers.map((header) => checkInFieldOf(header) ?? '');
  const issues: Issue[] = [];
  const splitBy = separator
    ? `; the file was read as cells separated by ${SEPARATOR_NAMES[separator]}, and its header row has ${String(headers.filter((h) => h !== '').length)} of them`
    : '';
  for (const required of REQUIRED_CHECK_IN_FIELDS)
    if (!names.includes(required))
      issues.push({
        path: cellLocation({ row: headerRow }),
        message: `the header needs a "${required}" column (columns: ${CHECK_IN_SHEET_FIELDS.join(', ')})${splitBy}`,
      });
  headers.forEach((header, index) => {
    if (header !== '' && names[index] === '')
      issues.push({
        path: cellLocation({ row: headerRow, column: columnLetter(index) }),
        message: `unknown column "${header}"`,
      });
  });
  if (issues.length > 0) throw validationError(issues, 'The upload is not valid');
  const table: RawRow[] = [];
  rows.forEach((values, index) => {
    if (index <= headerIndex || isBlankRow(values)) return;
    table.push({
      rowNumber: index + 1,
      cells: new Map(
        names.flatMap((name, column) =>
          name === '' ? [] : [[name, { column: columnLetter(column), value: values[column] }] as const],
        ),
      ),
    });
  });
  if (table.length === 0)
    throw validationError([
      { path: cellLocation({ row: headerRow + 1 }), message: 'the upload holds no check-ins' },
    ]);
  return table;
}

/** How an upload was read, for its preview: the CSV separator and the number and date format. */
export interface UploadReading {
  rows: LocatedRow[];
  separator: CsvSeparator | null;
  locale: SheetLocale;
}

/**
 * Reads an uploaded CSV or XLSX into check-in rows, each located by spreadsheet row and column,
 * in file order (same-day check-ins keep it). Numbers and dates are read the way the file writes
 * them (see core/sheet-locale.ts), decided once for the file or as the person chose. Every bad
 * cell is reported (`row 4, column C (value): expected a number, found text "abc"`) before
 * anything is written.
 */
export async function readUpload(
  data: Buffer | string,
  contentType: string,
  choice: LocaleChoice = {},
): Promise<UploadReading> {
  const { issues, ...reading } = await readUploadCells(data, contentType, choice);
  if (issues.length > 0) throw validationError(issues, 'Nothing was checked in');
  return reading;
}

/**
 * {@link readUpload} for a preview: the rows, how the file was read and every bad cell, so a
 * preview that refuses cells still says how it read the file.
 * @throws `validation_failed` only for a file whose table cannot be found at all.
 */
export async function readUploadCells(
  data: Buffer | string,
  contentType: string,
  choice: LocaleChoice = {},
): Promise<UploadReading & { issues: Issue[] }> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const sheet = await readSheet(bytes, { format: formatOfContentType(contentType) });
  const raw = toTable(sheet.rows, sheet.separator);
  const located = (field: CheckInSheetField) =>
    raw.flatMap((row) => {
      const cell = row.cells.get(field);
      return cell ? [{ cell: cell.value, row: row.rowNumber, column: cell.column, header: field }] : [];
    });
  const detected = detectSheetLocale(
    [...located('value'), ...located('confidence')],
    located('date'),
    choice,
  );
  const { locale } = detected;
  const issues: Issue[] = detected.problems.map(({ path, message }) => ({ path, message }));
  const rows = raw.map((row) => {
    const cell = (field: string): Cell => row.cells.get(field) ?? { column: '?', value: undefined };
    const text = (field: string): string => cellText(cell(field).value);
    const fail = (field: string, message: string) =>
      issues.push({
        path: cellLocation({ row: row.rowNumber, column: cell(field).column, header: field }),
        message,
      });
    const number = (field: string, required: boolean): number | null => {
      if (text(field) === '') {
        if (required) fail(field, 'is empty; expected a number');
        return null;
      }
      const read = readLocaleNumber(cell(field).value, locale);
      if (!read.ok) fail(field, read.message);
      return read.ok ? read.value : null;
    };
    const item = text('item');
    if (item === '') fail('item', 'is empty; expected a key result or KPI id');
    const dateRead = readLocaleDate(cell('date').value, locale);
    if (!dateRead.ok) fail('date', dateRead.message);
    else if (dateRead.value === null) fail('date', 'is empty; expected a date such as 2026-06-30');
    const date = dateRead.ok ? (dateRead.value ?? '') : text('date');
    const value = number('value', true) ?? 0;
    const confidence = number('confidence', false);
    if (confidence !== null && (confidence < 0 || confidence > 1))
      fail('confidence', `must be between 0 and 1, got ${confidence}`);
    const author = text('author');
    return {
      path: cellLocation({ row: row.rowNumber }),
      columns: Object.fromEntries([...row.cells].map(([name, c]) => [name, c.column])),
      item,
      date,
      value,
      confidence,
      comment: text('comment'),
      authorId: author === '' ? null : author,
    };
  });
  return { rows, separator: sheet.separator, locale, issues };
}
