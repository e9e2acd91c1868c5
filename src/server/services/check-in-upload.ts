import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { validationError, type Issue } from '../../core/errors';
import type { LocatedRow } from './check-ins.service';

/** The columns an upload may have; `item` (a key result or KPI id), `date` and `value` are required. */
export const UPLOAD_COLUMNS = ['item', 'date', 'value', 'confidence', 'comment', 'author'] as const;
const REQUIRED = ['item', 'date', 'value'] as const;

/** One cell as read: its spreadsheet position (for messages) and its raw value. */
interface Cell {
  column: string;
  value: unknown;
}
interface RawRow {
  rowNumber: number;
  cells: Map<string, Cell>;
}

/** A cell's content as text; anything that is not a string, number or boolean reads as empty. */
function cellText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value).trim()
    : '';
}

const columnLetter = (index: number): string => {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/** Names a cell the way a spreadsheet user finds it: `row 4, column C (value)`. */
export function cellPath(rowNumber: number, column: string, field: string): string {
  return `row ${rowNumber}, column ${column} (${field})`;
}

function toTable(
  header: readonly unknown[],
  body: readonly { rowNumber: number; values: readonly unknown[] }[],
) {
  const names = header.map((name) => cellText(name).toLowerCase());
  const issues: Issue[] = [];
  for (const required of REQUIRED)
    if (!names.includes(required))
      issues.push({
        path: 'row 1',
        message: `the header needs a "${required}" column (columns: ${UPLOAD_COLUMNS.join(', ')})`,
      });
  names.forEach((name, index) => {
    if (name !== '' && !(UPLOAD_COLUMNS as readonly string[]).includes(name))
      issues.push({ path: `row 1, column ${columnLetter(index)}`, message: `unknown column "${name}"` });
  });
  if (issues.length > 0) throw validationError(issues, 'The upload is not valid');
  const rows: RawRow[] = body
    .filter((row) => row.values.some((value) => cellText(value) !== ''))
    .map((row) => ({
      rowNumber: row.rowNumber,
      cells: new Map(
        names.map((name, index) => [name, { column: columnLetter(index), value: row.values[index] }]),
      ),
    }));
  if (rows.length === 0) throw validationError([{ path: 'row 2', message: 'the upload holds no check-ins' }]);
  return rows;
}

function parseCsv(text: string): RawRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw validationError([{ path: 'file', message: `not readable as CSV: ${(error as Error).message}` }]);
  }
  const [header = [], ...body] = records;
  return toTable(
    header,
    body.map((values, index) => ({ rowNumber: index + 2, values })),
  );
}

async function parseXlsx(data: Buffer): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw validationError([{ path: 'file', message: `not readable as XLSX: ${(error as Error).message}` }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw validationError([{ path: 'file', message: 'the workbook has no sheet' }]);
  const rows: { rowNumber: number; values: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // ExcelJS row values are 1-based; cell objects (formulas, rich text) are reduced to their result.
    const values = (row.values as unknown[]).slice(1).map(cellValue);
    rows.push({ rowNumber, values });
  });
  const [header, ...body] = rows;
  return toTable(header?.values ?? [], body);
}

function cellValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value !== null && typeof value === 'object') {
    if ('result' in value) return cellValue(value.result);
    if ('text' in value) return value.text;
    if ('richText' in value && Array.isArray(value.richText))
      return (value.richText as { text: string }[]).map((part) => part.text).join('');
  }
  return value;
}

/**
 * Reads an uploaded CSV or XLSX into check-in rows, each located by spreadsheet row and column.
 * Every bad cell is reported (`row 4, column C (value): expected a number, got "abc"`) before
 * anything is written.
 */
export async function readUpload(data: Buffer | string, contentType: string): Promise<LocatedRow[]> {
  const raw =
    contentType.includes('spreadsheetml') || contentType.includes('excel')
      ? await parseXlsx(typeof data === 'string' ? Buffer.from(data) : data)
      : parseCsv(typeof data === 'string' ? data : data.toString('utf8'));
  const issues: Issue[] = [];
  const rows = raw.map((row) => {
    const cell = (field: string): Cell => row.cells.get(field) ?? { column: '?', value: undefined };
    const text = (field: string): string => cellText(cell(field).value);
    const fail = (field: string, message: string) =>
      issues.push({ path: cellPath(row.rowNumber, cell(field).column, field), message });
    const number = (field: string, required: boolean): number | null => {
      const value = text(field);
      if (value === '') {
        if (required) fail(field, 'is empty; expected a number');
        return null;
      }
      const parsed = Number(value.replace(',', '.'));
      if (!Number.isFinite(parsed)) fail(field, `expected a number, got "${value}"`);
      return parsed;
    };
    const item = text('item');
    if (item === '') fail('item', 'is empty; expected a key result or KPI id');
    const date = text('date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
      fail('date', `expected a date as YYYY-MM-DD, got "${date}"`);
    const value = number('value', true) ?? 0;
    const confidence = number('confidence', false);
    if (confidence !== null && (confidence < 0 || confidence > 1))
      fail('confidence', `must be between 0 and 1, got ${confidence}`);
    const author = text('author');
    return {
      path: `row ${row.rowNumber}`,
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
