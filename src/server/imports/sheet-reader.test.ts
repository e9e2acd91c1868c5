import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zip, zipBomb } from '../../../test/support/zip';
import { IMPORT_MAX_BYTES } from '../../contracts';
import type { DomainError } from '../../core/errors';
import { cellLocation } from '../../core/sheet-cells';
import { checkSheetSize, loadWorkbook, readSheetRows, SHEET_MAX_UNPACKED_BYTES } from './sheet-reader';

const text = (csv: string) => new TextEncoder().encode(csv);

async function xlsx(rows: ExcelJS.CellValue[][], sheetName = 'Sheet1'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row, index) => {
    sheet.getRow(index + 1).values = row;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What a refusal says: its issues, and the summary before them. */
async function refusal(reading: Promise<unknown>) {
  const error = (await reading.then(
    () => null,
    (thrown: unknown) => thrown,
  )) as DomainError | null;
  expect(error?.code).toBe('validation_failed');
  const { issues } = error?.details as { issues: { path: string; message: string }[] };
  return { summary: error?.message.split(':')[0], issues };
}

describe('readSheetRows', () => {
  it('reads CSV with any of the three separators, a byte-order mark, quotes and blank lines kept', async () => {
    const expected = [['Objective', 'Target'], ['Fewer incidents, faster', '12'], [''], ['B', '3']];
    expect(
      await readSheetRows(text('\ufeffObjective,Target\n"Fewer incidents, faster",12\n\nB,3\n')),
    ).toEqual(expected);
    expect(await readSheetRows(text('Objective;Target\n"Fewer incidents, faster";12\n\nB;3'))).toEqual(
      expected,
    );
    expect(
      await readSheetRows(text('Objective\tTarget\r\n"Fewer incidents, faster"\t12\r\n\r\nB\t3')),
    ).toEqual(expected);
    expect(await readSheetRows(text('a, "b, c" ,d'))).toEqual([['a', 'b, c', 'd']]);
  });

  it('reads XLSX cells as plain values at their spreadsheet rows: dates as days, formulas as results', async () => {
    const bytes = await xlsx([
      ['item', 'date', 'value'],
      [],
      ['k1', new Date(Date.UTC(2026, 2, 31)), { formula: 'A1', result: 59.5 }],
      [{ richText: [{ text: 'rich ' }, { text: 'text' }] }, { text: 'link', hyperlink: 'https://x' }, true],
    ]);
    expect(await readSheetRows(bytes)).toEqual([
      ['item', 'date', 'value'],
      [],
      ['k1', '2026-03-31', 59.5],
      ['rich text', 'link', true],
    ]);
  });

  it('reads the named sheet when the workbook has it, else the first', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['notes']);
    workbook.addWorksheet('OKRs').addRow(['okrs']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readSheetRows(bytes, { sheet: 'OKRs' })).toEqual([['okrs']]);
    expect(await readSheetRows(bytes, { sheet: 'Elsewhere' })).toEqual([['notes']]);
  });

  it('refuses malformed CSV at its row, broken and mistyped files at (file), with one summary each', async () => {
    expect(await refusal(readSheetRows(text('a,b\nc,"unterminated\n')))).toMatchObject({
      summary: 'The file cannot be read',
      issues: [{ path: 'row 2', message: expect.stringMatching(/^not a readable CSV file: /) as string }],
    });
    const broken = (await xlsx([['a']])).subarray(0, 300);
    expect(await refusal(readSheetRows(broken))).toMatchObject({
      summary: 'The file cannot be read',
      issues: [{ path: '(file)', message: expect.stringMatching(/^not a readable XLSX file: /) as string }],
    });
    const junk = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook') }]);
    expect((await refusal(readSheetRows(junk))).summary).toBe('The file cannot be read');

    expect(await refusal(readSheetRows(new Uint8Array([0, 1, 2, 3, 0])))).toEqual({
      summary: 'The file is not a spreadsheet of the right type',
      issues: [{ path: '(file)', message: 'this is neither a CSV nor an XLSX file' }],
    });
    expect(await refusal(readSheetRows(await xlsx([['a']]), { format: 'csv' }))).toEqual({
      summary: 'The file is not a spreadsheet of the right type',
      issues: [{ path: '(file)', message: 'this is an XLSX workbook, but it was sent as a CSV file' }],
    });
    expect((await refusal(readSheetRows(text('a,b'), { format: 'xlsx' }))).issues[0]?.message).toBe(
      'this is a CSV file, but it was sent as an XLSX workbook',
    );
  });

  it('refuses a file over the size limit, and a workbook that unpacks too large (a zip bomb)', async () => {
    expect(() => checkSheetSize(IMPORT_MAX_BYTES)).not.toThrow();
    expect(
      await refusal(Promise.resolve().then(() => checkSheetSize(IMPORT_MAX_BYTES * 2, 'big.csv'))),
    ).toEqual({
      summary: 'The file is too large',
      issues: [{ path: '(file)', message: 'big.csv is 40 MB; spreadsheets are limited to 20 MB' }],
    });
    const bomb = zipBomb(SHEET_MAX_UNPACKED_BYTES / 1024 / 1024 + 1);
    expect(bomb.length).toBeLessThan(IMPORT_MAX_BYTES);
    expect(await refusal(loadWorkbook(bomb))).toEqual({
      summary: 'The file is too large',
      issues: [
        { path: '(file)', message: 'the workbook unpacks to more than 100 MB, the limit for spreadsheets' },
      ],
    });
  });

  it('refuses a workbook entry that inflates past the size it declares', async () => {
    const honest = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024, 'A') }]);
    const lying = Buffer.from(honest);
    // The declared size sits at byte 22 of the local header and byte 24 of the directory entry.
    lying.writeUInt32LE(10, 22);
    lying.writeUInt32LE(10, lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    expect((await refusal(loadWorkbook(lying))).summary).toBe('The file is too large');
  });
});

describe('cellLocation', () => {
  it('names a place the way a spreadsheet user finds it', () => {
    expect(cellLocation({ row: 4, column: 'C', header: 'Target' })).toBe('row 4, column C (Target)');
    expect(cellLocation({ sheet: 'How', row: 4, column: 'C' })).toBe('sheet "How", row 4, column C');
    expect(cellLocation({ sheet: 'How', row: 4, header: 'endDate' })).toBe('sheet "How", row 4 (endDate)');
    expect(cellLocation({ row: 7 })).toBe('row 7');
    expect(cellLocation({ row: null, column: null })).toBe('(file)');
  });
});
