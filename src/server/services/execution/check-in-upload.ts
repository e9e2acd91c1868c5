import { validationError, type Issue } from '../../../core/errors';
import { cellLocation, cellText, columnLetter, isBlankRow, type SheetCell } from '../../../core/sheet-cells';
import { formatOfContentType, readSheetRows } from '../../imports/sheet-reader';
import type { LocatedRow } from './check-ins.service';

/** The columns an upload may have; `item` (a key result or KPI id), `date` and `value` are required. */
export const UPLOAD_COLUMNS = ['item', 'date', 'value', 'confidence', 'comment', 'author'] as const;
const REQUIRED = ['item', 'date', 'value'] as const;

/** One cell as read: its spreadsheet column (for messages) and its value. */
interface Cell {
  column: string;
  value: SheetCell | undefined;
}
interface RawRow {
  rowNumber: number;
  cells: Map<string, Cell>;
}

/** The first non-blank row is the header; the rows below it that hold anything are check-ins. */
function toTable(rows: readonly (readonly SheetCell[])[]): RawRow[] {
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  if (headerIndex < 0)
    throw validationError(
      [{ path: cellLocation({}), message: 'the sheet is empty' }],
      'The upload is not valid',
    );
  const headerRow = headerIndex + 1;
  const names = (rows[headerIndex] ?? []).map((name) => cellText(name).toLowerCase());
  const issues: Issue[] = [];
  for (const required of REQUIRED)
    if (!names.includes(required))
      issues.push({
        path: cellLocation({ row: headerRow }),
        message: `the header needs a "${required}" column (columns: ${UPLOAD_COLUMNS.join(', ')})`,
      });
  names.forEach((name, index) => {
    if (name !== '' && !(UPLOAD_COLUMNS as readonly string[]).includes(name))
      issues.push({
        path: cellLocation({ row: headerRow, column: columnLetter(index) }),
        message: `unknown column "${name}"`,
      });
  });
  if (issues.length > 0) throw validationError(issues, 'The upload is not valid');
  const table: RawRow[] = [];
  rows.forEach((values, index) => {
    if (index <= headerIndex || isBlankRow(values)) return;
    table.push({
      rowNumber: index + 1,
      cells: new Map(
        names.map((name, column) => [name, { column: columnLetter(column), value: values[column] }]),
      ),
    });
  });
  if (table.length === 0)
    throw validationError([
      { path: cellLocation({ row: headerRow + 1 }), message: 'the upload holds no check-ins' },
    ]);
  return table;
}

/**
 * Reads an uploaded CSV or XLSX into check-in rows, each located by spreadsheet row and column.
 * Every bad cell is reported (`row 4, column C (value): expected a number, got "abc"`) before
 * anything is written.
 */
export async function readUpload(data: Buffer | string, contentType: string): Promise<LocatedRow[]> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const raw = toTable(await readSheetRows(bytes, { format: formatOfContentType(contentType) }));
  const issues: Issue[] = [];
  const rows = raw.map((row) => {
    const cell = (field: string): Cell => row.cells.get(field) ?? { column: '?', value: undefined };
    const text = (field: string): string => cellText(cell(field).value);
    const fail = (field: string, message: string) =>
      issues.push({
        path: cellLocation({ row: row.rowNumber, column: cell(field).column, header: field }),
        message,
      });
    const number = (field: string, required: boolean): number | null => {
      const value = text(field);
      if (value === '') {
        if (required) fail(field, 'is empty; expected a number');
        return null;
      }
      const parsed = Number(value.replace(',', '.'));
      if (!Number.isFinite(parsed)) fail(field, `expected a number, found text "${value}"`);
      return parsed;
    };
    const item = text('item');
    if (item === '') fail('item', 'is empty; expected a key result or KPI id');
    const date = text('date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
      fail('date', `expected a date as YYYY-MM-DD, found "${date}"`);
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
  if (issues.length > 0) throw validationError(issues, 'Nothing was checked in');
  return rows;
}
