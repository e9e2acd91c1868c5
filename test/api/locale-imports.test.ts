import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, CheckInUploadPreview, OkrImportPreview } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type ErrorResponse, type TestApp } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The silent reinterpretations a Swiss company's German OKR export found (issue 15), as
 * regressions: every importer reads a file's numbers and dates the same way, decided once per
 * file, and refuses what it cannot decide, naming the cells.
 */
describe('locale-aware imports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-11-20' } });
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const previewOkrs = (csv: string, query: Record<string, string> = {}) =>
    t.call(
      endpoints.imports.previewOkrs,
      { query: { unitId: 'secops', cycleId: 'fy2026', ...query } },
      { payload: csv, headers: { 'content-type': 'text/csv' } },
    );
  const previewCheckIns = (payload: string | Buffer, query = {}, contentType = 'text/csv') =>
    t.call(
      endpoints.checkIns.previewCheckInUpload,
      { params: { id: 'cso' }, query, body: payload },
      { headers: { 'content-type': contentType } },
    );
  const uploadCheckIns = (csv: string) =>
    t.call(
      endpoints.checkIns.uploadCheckIns,
      { params: { id: 'cso' }, query: {}, body: csv },
      { headers: { 'content-type': 'text/csv' } },
    );

  it('reads "1,125" as 1125 beside "2.5", as 1.125 beside "2,5", and refuses it alone naming the cell', async () => {
    const sheet = (a: string, b: string) =>
      ['Objective,Key result,Baseline,Target', `Grow,KR one,${a},3000`, `Grow,KR two,${b},9`].join('\n');
    const point = body<OkrImportPreview>(await previewOkrs(sheet('"1,125"', '2.5')));
    expect(point.problems).toEqual([]);
    expect(point.objectives[0]!.keyResults.map((kr) => kr.baseline)).toEqual([1125, 2.5]);
    expect(point.locale).toMatchObject({ decimal: 'point', grouping: [','], decimalFrom: 'cells' });
    expect(point.locale.description).toBe('decimal point, thousands separated by ","');

    const semicolons = [
      'Ziel;Schlüsselergebnis;Ausgangswert;Zielwert',
      'Wachsen;KR eins;1,125;3',
      'Wachsen;KR zwei;2,5;9',
    ];
    const comma = body<OkrImportPreview>(await previewOkrs(semicolons.join('\n')));
    expect(comma.problems).toEqual([]);
    expect(comma.separator).toBe(';');
    expect(comma.objectives[0]!.keyResults.map((kr) => kr.baseline)).toEqual([1.125, 2.5]);
    expect(comma.mapping.map((m) => m.field)).toEqual(['objective', 'keyResult', 'baseline', 'target']);

    const alone = body<OkrImportPreview>(
      await previewOkrs(['Objective,Key result,Baseline,Target', 'Grow,KR one,"1,125",3000'].join('\n')),
    );
    expect(alone.problems).toEqual([
      { row: 2, column: 'C', message: expect.stringContaining('"1,125" could be 1125 or 1.125') as string },
    ]);
    const chosen = body<OkrImportPreview>(
      await previewOkrs(['Objective,Key result,Baseline,Target', 'Grow,KR one,"1,125",3000'].join('\n'), {
        decimal: 'point',
      }),
    );
    expect(chosen.objectives[0]!.keyResults[0]!.baseline).toBe(1125);
    expect(chosen.locale.decimalFrom).toBe('chosen');
  });

  it('reads the check-in upload the same way: ";", "%", "1.360,5" and 03.08.2026 dates', async () => {
    const csv = ['item;date;value', 'cso-k1;03.08.2026;1.360,5', 'cso-k3;31.08.2026;45 %'].join('\n');
    const preview = body<CheckInUploadPreview>(await previewCheckIns(csv));
    expect(preview.problems).toEqual([]);
    expect(preview.separator).toBe(';');
    expect(preview.rows.map((r) => [r.date, r.value])).toEqual([
      ['2026-08-03', 1360.5],
      ['2026-08-31', 45],
    ]);
    expect(preview.locale?.description).toContain('decimal comma');
    expect(preview.locale?.description).toContain('percent signs dropped');
  });

  it('says how it read a check-in file whose cells it refuses, and reads it as chosen', async () => {
    const csv = ['item,date,value', 'cso-k1,2026-08-03,"1,125"'].join('\n');
    const refused = body<CheckInUploadPreview>(await previewCheckIns(csv));
    expect(refused.rows).toEqual([]);
    expect(refused.problems).toEqual([
      {
        path: 'row 2, column C (value)',
        message: expect.stringContaining('"1,125" could be 1125') as string,
      },
    ]);
    expect(refused.separator).toBe(',');
    expect(refused.locale).toMatchObject({ decimal: 'point', decimalFrom: 'default' });
    const chosen = body<CheckInUploadPreview>(await previewCheckIns(csv, { decimal: 'point' }));
    expect(chosen.problems).toEqual([]);
    expect(chosen.rows.map((r) => r.value)).toEqual([1125]);
  });

  it('detects the locale of an OKR sheet whose columns still need a choice', async () => {
    const csv = ['Ziel;Schlüsselergebnis;Einheit;Ausgangswert;Zielwert', 'Wachsen;KR eins;%;1.250,5;9'].join(
      '\n',
    );
    const preview = body<OkrImportPreview>(await previewOkrs(csv));
    expect(preview.mapping[2]).toMatchObject({ from: 'ambiguous' });
    expect(preview.locale).toMatchObject({ decimal: 'comma', grouping: ['.'], decimalFrom: 'cells' });
  });

  it('says how it split the file when the header is not found', async () => {
    const response = await uploadCheckIns(['item|date|value', 'cso-k1|2026-08-03|4'].join('\n'));
    expect(response.statusCode).toBe(400);
    const messages = body<ErrorResponse>(response).error.details!.issues!.map((i) => i.message);
    expect(messages[0]).toContain('the file was read as cells separated by commas');
  });

  it('keeps file order for same-day check-ins: the last row is the latest', async () => {
    const csv = ['item,date,value', 'cso-k4,2026-09-15,5', 'cso-k4,2026-09-15,7', 'cso-k4,2026-09-15,6'].join(
      '\n',
    );
    expect((await uploadCheckIns(csv)).statusCode).toBe(201);
    const history = body<CheckIn[]>(
      await t.call(endpoints.checkIns.listHistory, { query: { kpiId: 'cso-k4' } }),
    );
    expect(history.filter((c) => c.date === '2026-09-15').map((c) => c.value)).toEqual([6, 7, 5]);
  });

  it('keeps objectives apart whose titles differ only inside brackets', async () => {
    const csv = [
      'Objective,Key result,Baseline,Target',
      'Growth (Switzerland),Revenue,10,20',
      'Growth (Germany),Revenue,10,20',
    ].join('\n');
    const preview = body<OkrImportPreview>(await previewOkrs(csv));
    expect(preview.problems).toEqual([]);
    expect(preview.objectives.map((o) => o.title)).toEqual(['Growth (Switzerland)', 'Growth (Germany)']);
  });

  it('keeps "Unit of measure" and the team apart, and lets the preview say what a column holds', async () => {
    const csv = ['Objective,Key result,Unit,Baseline,Target', 'Grow,Uptime,%,99,99.9'].join('\n');
    const ambiguous = body<OkrImportPreview>(await previewOkrs(csv));
    expect(ambiguous.mapping[2]).toMatchObject({
      header: 'Unit',
      field: null,
      from: 'ambiguous',
      candidates: ['unit', 'unitOfMeasure'],
    });
    expect(ambiguous.problems[0]!.message).toContain('could be the team (write "Team / Unit")');
    const chosen = body<OkrImportPreview>(await previewOkrs(csv, { columns: 'C=unitOfMeasure' }));
    expect(chosen.problems).toEqual([]);
    expect(chosen.mapping[2]).toMatchObject({ field: 'unitOfMeasure', from: 'chosen' });
    expect(chosen.objectives[0]!.keyResults[0]!.unitOfMeasure).toBe('%');
    const badChoice = await previewOkrs(csv, { columns: 'C=colour' });
    expect(badChoice.statusCode).toBe(400);
    expect(JSON.stringify(badChoice.data)).toContain('query.columns');
  });

  it('suggests the band kind for a target equal to its baseline', async () => {
    const csv = ['Objective,Key result,Baseline,Target', 'Keep,Uptime,99.9,99.9'].join('\n');
    const preview = body<OkrImportPreview>(await previewOkrs(csv));
    expect(preview.problems[0]!.message).toContain('make it a "keep within a band" key result');
  });

  /**
   * Property: a value written in any supported format — CSV with "," or ";", or XLSX as a number
   * or as text — reads back exactly, or the file is refused naming a cell; never another number.
   */
  it('reads every written value back exactly, or refuses naming the cell', async () => {
    const value = fc
      .tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: 0, max: 2 }))
      .map(([n, places]) => n / 10 ** places);
    const style = fc.constantFrom(
      { separator: ',', decimal: '.', group: '' },
      { separator: ',', decimal: '.', group: ',' },
      { separator: ';', decimal: ',', group: '.' },
      { separator: ';', decimal: ',', group: '' },
      { separator: ';', decimal: '.', group: "'" },
      { separator: 'xlsx', decimal: '.', group: '' },
    );
    const write = (v: number, decimal: string, group: string) => {
      const [whole = '0', fraction] = Math.abs(v).toString().split('.');
      const grouped = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
      return `${v < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `${decimal}${fraction}`}`;
    };
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 5 }), style, async (values, format) => {
        const items = values.map((v, i) => ({ date: `2026-0${String((i % 9) + 1)}-10`, v }));
        let payload: string | Buffer;
        let contentType = 'text/csv';
        if (format.separator === 'xlsx') {
          const workbook = new ExcelJS.Workbook();
          const sheet = workbook.addWorksheet('Check-ins');
          sheet.addRow(['item', 'date', 'value']);
          items.forEach(({ date, v }, i) => sheet.addRow(['cso-k1', date, i % 2 === 0 ? v : String(v)]));
          payload = Buffer.from(await workbook.xlsx.writeBuffer());
          contentType = XLSX;
        } else {
          const quote = (cell: string) => (cell.includes(format.separator) ? `"${cell}"` : cell);
          payload = [
            ['item', 'date', 'value'].join(format.separator),
            ...items.map(({ date, v }) =>
              ['cso-k1', date, quote(write(v, format.decimal, format.group))].join(format.separator),
            ),
          ].join('\n');
        }
        const preview = body<CheckInUploadPreview>(await previewCheckIns(payload, {}, contentType));
        if (preview.problems.length > 0) {
          for (const problem of preview.problems) expect(problem.path).toMatch(/^row \d+, column C/);
          return;
        }
        expect(preview.rows.map((r) => r.value)).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });
});
