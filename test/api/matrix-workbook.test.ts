import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XMatrixView } from '../../src/contracts';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

type ErrorJson = { error: { code: string; details: { issues: { path: string; message: string }[] } } };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The matrix without what changes on every write (versions, correlation and ownership row ids). */
function comparable(view: XMatrixView) {
  const strip = <T extends { version: number }>({ version: _v, ...rest }: T) => rest;
  return {
    matrix: strip(view.matrix),
    items: Object.fromEntries(Object.entries(view.items).map(([part, items]) => [part, items.map(strip)])),
    correlations: view.correlations.map((c) => `${c.grid}:${c.fromId}>${c.toId}=${c.strength}`).sort(),
    ownerships: view.ownerships.map((o) => `${o.initiativeId}>${o.whoId}=${o.role}`).sort(),
  };
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('the spreadsheet X-matrix', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const view = async (id = 'cso-2026') =>
    body<XMatrixView>(await t.call(endpoints.matrices.get, { params: { id } }));
  const exportXlsx = async (id = 'cso-2026') => {
    const response = await t.call(endpoints.exports.workbook, { params: { id } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(XLSX_TYPE);
    return response.rawPayload;
  };
  const importXlsx = (payload: Buffer, query: { replace?: 'true' } = {}) =>
    t.call(endpoints.imports.importMatrix, { query }, { payload, headers: { 'content-type': XLSX_TYPE } });

  it('exports the five lists, the four grids and the owners, and imports back to the same matrix', async () => {
    const before = await view();
    const file = await exportXlsx();
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Matrix',
      'What',
      'How Far',
      'How',
      'How Much',
      'Who',
      'What x How Far',
      'How Far x How',
      'How x How Much',
      'How Much x What',
      'Owners',
      'Impacts',
      'Effort',
    ]);
    const marks = ['What x How Far', 'How Far x How', 'How x How Much', 'How Much x What'].flatMap((name) => {
      const values: string[] = [];
      workbook.getWorksheet(name)?.eachRow((row, n) => {
        if (n > 2) row.eachCell((cell, c) => c > 2 && values.push(cell.text));
      });
      return values;
    });
    expect(marks).toHaveLength(before.correlations.length);

    const refused = await importXlsx(file);
    expect(refused.statusCode).toBe(409);
    const response = await importXlsx(file, { replace: 'true' });
    expect(response.statusCode).toBe(201);
    expect(response.data).toMatchObject({ matrixId: 'cso-2026', replaced: true });
    expect(comparable(await view())).toEqual(comparable(before));
  });

  it('neutralises formulas on export and restores the text on import', async () => {
    const cso = await view();
    const first = cso.items.how[0]!;
    await t.call(endpoints.matrices.updateItem, {
      params: { id: first.id },
      body: { version: first.version, title: '=HYPERLINK("http://evil")' },
    });
    const file = await exportXlsx();
    const cell = (await workbookOf(file)).getWorksheet('How')?.getCell('B2').value;
    expect(cell).toBe(`'=HYPERLINK("http://evil")`);
    await importXlsx(file, { replace: 'true' });
    expect((await view()).items.how[0]?.title).toBe('=HYPERLINK("http://evil")');
  });

  it('offers a blank template that, filled in by hand with letters and names, imports as a new matrix', async () => {
    const response = await t.call(endpoints.exports.template, { query: { year: 2027 } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('x-matrix-template.xlsx');
    const workbook = await workbookOf(response.rawPayload);
    workbook.getWorksheet('Matrix')!.getCell('B2').value = 'Security Operations (SOC)';
    workbook.getWorksheet('What')!.addRow([null, 'Calm, fast SOC']);
    workbook.getWorksheet('How Far')!.addRow([null, 'MTTD under 4 h']);
    workbook
      .getWorksheet('How')!
      .addRow([null, 'Alert triage copilot', '', '2027-01-01', '2027-06-30', 40, 'LLM ops; SIEM', 'planned']);
    workbook.getWorksheet('How Much')!.addRow([null, 'MTTD', '', 'h', 'decrease', 24, 4]);
    workbook.getWorksheet('Who')!.addRow([null, 'Aisha Bello']);
    const grid = (name: string, columnTitle: string, rowTitle: string, mark: string) => {
      const sheet = workbook.getWorksheet(name)!;
      sheet.getCell('C2').value = columnTitle;
      sheet.getCell('B3').value = rowTitle;
      sheet.getCell('C3').value = mark;
    };
    grid('What x How Far', 'MTTD under 4 h', 'Calm, fast SOC', 'S');
    grid('How Far x How', 'Alert triage copilot', 'MTTD under 4 h', 'M');
    grid('How x How Much', 'MTTD', 'Alert triage copilot', 'W');
    grid('How Much x What', 'Calm, fast SOC', 'MTTD', '●');
    grid('Owners', 'Aisha Bello', 'Alert triage copilot', 'P');
    const imported = await importXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(imported.body).toContain('secops');
    expect(imported.statusCode).toBe(201);
    expect(imported.data).toMatchObject({
      unitId: 'secops',
      year: 2027,
      counts: { items: 5, correlations: 4, owners: 1 },
    });
    const soc = body<XMatrixView>(
      await t.call(endpoints.matrices.getUnitMatrix, { params: { unitId: 'secops', year: 2027 } }),
    );
    expect(soc.items.who[0]).toMatchObject({ personId: 'aisha-bello', title: 'Aisha Bello' });
    expect(soc.items.how[0]).toMatchObject({ requiredSkills: ['LLM ops', 'SIEM'], effortPersonDays: 40 });
    expect(soc.correlations.map((c) => c.strength).sort()).toEqual(['medium', 'strong', 'strong', 'weak']);
  });

  it('refuses a workbook with unknown marks, text in numbers and two primary owners, by sheet, row and column', async () => {
    const workbook = await workbookOf(await exportXlsx());
    workbook.getWorksheet('How Far x How')!.getCell('C3').value = 'maybe';
    workbook.getWorksheet('How Much')!.getCell('F2').value = 'twenty';
    const owners = workbook.getWorksheet('Owners')!;
    owners.getRow(3).eachCell((cell, column) => {
      if (column > 2) cell.value = '●';
    });
    const before = await view();
    const response = await importXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), { replace: 'true' });
    expect(response.statusCode).toBe(400);
    const paths = body<ErrorJson>(response).error.details.issues.map((i) => i.path);
    expect(paths).toContain('sheet "How Much", row 2, column F');
    expect(paths).toContain('sheet "How Far x How", row 3, column C');
    const second = await workbookOf(await exportXlsx());
    const secondOwners = second.getWorksheet('Owners')!;
    secondOwners.getRow(3).eachCell((cell, column) => {
      if (column > 2) cell.value = '●';
    });
    const rule = await importXlsx(Buffer.from(await second.xlsx.writeBuffer()), { replace: 'true' });
    expect(rule.statusCode).toBe(400);
    expect(body<ErrorJson>(rule).error.details.issues[0]?.path).toMatch(
      /^sheet "Owners", row 3, column [D-Z]$/,
    );
    expect(comparable(await view())).toEqual(comparable(before));
  });
});
