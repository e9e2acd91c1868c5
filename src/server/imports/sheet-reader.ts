import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { validationError } from '../../core/errors';
import type { SheetCell } from '../../core/sheet-cells';

export type SheetFormat = 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** XLSX files are ZIP archives: they start with "PK\x03\x04". */
export function detectSheetFormat(bytes: Uint8Array): SheetFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

/**
 * Reads the rows of a CSV (comma, semicolon or tab separated, with or without a byte-order mark)
 * or of an XLSX sheet (the one named `preferredSheet`, else the first) as plain cells; dates
 * become `YYYY-MM-DD`. `rows[i]` is spreadsheet row i + 1, so problems keep the user's row numbers.
 * @throws `validation_failed` when the bytes are neither.
 */
export async function readSheetRows(bytes: Uint8Array, preferredSheet?: string): Promise<SheetCell[][]> {
  return detectSheetFormat(bytes) === 'xlsx' ? readXlsxRows(bytes, preferredSheet) : readCsvRows(bytes);
}

function readCsvRows(bytes: Uint8Array): SheetCell[][] {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\u0000'))
    throw validationError(
      [{ path: '(file)', message: 'this is neither a CSV nor an XLSX file' }],
      'The file cannot be read',
    );
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
    });
    return rows;
  } catch (error) {
    const { lines } = error as { lines?: number };
    throw validationError(
      [{ path: lines ? `row ${lines}` : '(file)', message: `malformed CSV: ${(error as Error).message}` }],
      'The file is not valid CSV',
    );
  }
}

/** Loads an XLSX workbook, refusing a file that is not one with a clear message. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw validationError(
      [{ path: '(file)', message: `not a readable XLSX workbook: ${(error as Error).message}` }],
      'The file cannot be read',
    );
  }
  return workbook;
}

async function readXlsxRows(bytes: Uint8Array, preferredSheet?: string): Promise<SheetCell[][]> {
  const workbook = await loadWorkbook(bytes);
  const sheet =
    (preferredSheet ? workbook.getWorksheet(preferredSheet) : undefined) ?? workbook.worksheets[0];
  return sheet ? worksheetRows(sheet) : [];
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
  if ('error' in value) return null;
  return null;
}
