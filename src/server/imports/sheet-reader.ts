import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { validationError, type DomainError } from '../../core/errors';
import { cellLocation, type SheetCell } from '../../core/sheet-cells';
import { IMPORT_MAX_BYTES } from '../../contracts';
import { checkZipBudget } from './zip-budget';

/**
 * The one reader of uploaded spreadsheets: every importer (OKR sheets, check-in uploads, the
 * spreadsheet X-matrix, the CLI) turns bytes into cells here, so a broken, mistyped or oversized
 * file is refused with the same words everywhere. What the cells mean is each importer's business.
 */

export type SheetFormat = 'csv' | 'xlsx';

/**
 * Most bytes the parts of one XLSX may unpack to. XML compresses about tenfold, so this leaves room
 * for any workbook within {@link IMPORT_MAX_BYTES} a person keeps, and refuses "zip bombs".
 */
export const SHEET_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

const FORMAT_NAMES: Record<SheetFormat, string> = { csv: 'a CSV file', xlsx: 'an XLSX workbook' };
const MB = 1024 * 1024;

/** XLSX files are ZIP archives: they start with "PK\x03\x04". */
export function detectSheetFormat(bytes: Uint8Array): SheetFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

/** The format a Content-Type names: the XLSX (or an Excel) type, else CSV. */
export function formatOfContentType(contentType: string): SheetFormat {
  return contentType.includes('spreadsheetml') || contentType.includes('excel') ? 'xlsx' : 'csv';
}

/**
 * The one size rule for spreadsheets: at most {@link IMPORT_MAX_BYTES}. The CLI calls it with a
 * file's size before reading the file; the readers call it on the bytes they are given.
 * @throws `validation_failed` naming the size and the limit.
 */
export function checkSheetSize(byteLength: number, name = 'the file'): void {
  if (byteLength > IMPORT_MAX_BYTES)
    throw tooLarge(
      `${name} is ${String(Math.round(byteLength / MB))} MB; spreadsheets are limited to ${String(IMPORT_MAX_BYTES / MB)} MB`,
    );
}

export interface ReadSheetOptions {
  /** The XLSX sheet to read when the workbook has one of that name; else the first sheet. */
  sheet?: string | undefined;
  /** The format the sender declared; a file of the other format is refused as the wrong type. */
  format?: SheetFormat | undefined;
}

/**
 * Reads the rows of a CSV (comma, semicolon or tab separated, detected from the first line, with
 * or without a byte-order mark) or of an XLSX sheet as plain cells; dates become `YYYY-MM-DD`.
 * `rows[i]` is spreadsheet row i + 1, blank rows included, so problems keep the user's row numbers.
 * @throws `validation_failed` for a file too large, of the wrong type or unreadable.
 */
export async function readSheetRows(
  bytes: Uint8Array,
  options: ReadSheetOptions = {},
): Promise<SheetCell[][]> {
  return (await readSheet(bytes, options)).rows;
}

/** CSV separators as previews name them. */
export type CsvSeparator = ',' | ';' | 'tab';

/** The rows of a sheet and how the file was read, for previews to say. */
export interface ReadSheet {
  rows: SheetCell[][];
  format: SheetFormat;
  /** The CSV separator detected from the first line; null for a workbook. */
  separator: CsvSeparator | null;
}

/** {@link readSheetRows}, also telling the format and the CSV separator it found. */
export async function readSheet(bytes: Uint8Array, options: ReadSheetOptions = {}): Promise<ReadSheet> {
  checkSheetSize(bytes.byteLength);
  const found = detectSheetFormat(bytes);
  if (options.format && options.format !== found) throw wrongType(found, options.format);
  if (found === 'csv') {
    const { rows, delimiter } = readCsvRows(bytes);
    return { rows, format: 'csv', separator: delimiter === '\t' ? 'tab' : (delimiter as ',' | ';') };
  }
  const workbook = await loadWorkbook(bytes);
  const sheet = (options.sheet ? workbook.getWorksheet(options.sheet) : undefined) ?? workbook.worksheets[0];
  return { rows: sheet ? worksheetRows(sheet) : [], format: 'xlsx', separator: null };
}

function readCsvRows(bytes: Uint8Array): { rows: SheetCell[][]; delimiter: string } {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\u0000')) throw wrongType(null);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = [',', ';', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  try {
    const rows: string[][] = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      // Spaces around a separator are not part of the cell: `a, "b, c"` is two cells.
      trim: true,
    });
    return { rows, delimiter };
  } catch (error) {
    const { lines } = error as { lines?: number };
    throw unreadable('CSV', (error as Error).message, lines);
  }
}

/**
 * Loads an XLSX workbook for importers that read several sheets (the spreadsheet X-matrix),
 * after the size and zip-bomb checks.
 * @throws `validation_failed` when the bytes are too large, unpack too large or are no workbook.
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  checkSheetSize(bytes.byteLength);
  const refusal = checkZipBudget(bytes, SHEET_MAX_UNPACKED_BYTES);
  if (refusal?.reason === 'too_large')
    throw tooLarge(
      `the workbook unpacks to more than ${String(SHEET_MAX_UNPACKED_BYTES / MB)} MB, the limit for spreadsheets`,
    );
  if (refusal) throw unreadable('XLSX', refusal.detail);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable('XLSX', (error as Error).message);
  }
  return workbook;
}

/** The cells of one worksheet, row i + 1 at index i. */
export function worksheetRows(sheet: ExcelJS.Worksheet): SheetCell[][] {
  const rows: SheetCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = plainCell(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (cell) => cell ?? null);
  });
  return Array.from(rows, (row) => row ?? []);
}

/** Formulas give their result, rich text its plain text, hyperlinks their text, dates an ISO day. */
function plainCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return plainCell(value.result);
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  return null;
}

/** A file that is not the spreadsheet it should be: binary junk, or CSV sent as XLSX and back. */
function wrongType(found: SheetFormat | null, declared?: SheetFormat): DomainError {
  const message =
    found && declared
      ? `this is ${FORMAT_NAMES[found]}, but it was sent as ${FORMAT_NAMES[declared]}`
      : 'this is neither a CSV nor an XLSX file';
  return validationError(
    [{ path: cellLocation({}), message }],
    'The file is not a spreadsheet of the right type',
  );
}

/** A file of the right type that its parser cannot read; `row` when the parser says where. */
function unreadable(format: 'CSV' | 'XLSX', detail: string, row?: number): DomainError {
  return validationError(
    [{ path: cellLocation({ row }), message: `not a readable ${format} file: ${detail}` }],
    'The file cannot be read',
  );
}

function tooLarge(message: string): DomainError {
  return validationError([{ path: cellLocation({}), message }], 'The file is too large');
}
