import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixImportPreview, MatrixImportResult, PlanMatrix } from '../../src/contracts';
import * as endpoints from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';

type ErrorJson = { error: { code: string; details: { issues: { path: string; message: string }[] } } };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}
const bytesOf = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** A matrix as the plan document holds it, with titles instead of ids, to compare a copy with its original. */
function byTitle(m: PlanMatrix) {
  const title = new Map<string, string>(
    [...m.what, ...m.howFar, ...m.how, ...m.howMuch].map((item) => [item.id, item.title]),
  );
  for (const who of m.who) title.set(who.id, who.personId ?? who.teamUnitId ?? who.id);
  const name = (id: string) => title.get(id) ?? `?${id}`;
  return {
    trueNorth: m.trueNorth,
    what: m.what.map(({ id: _id, sourceItemId: _s, ...rest }) => rest),
    howFar: m.howFar.map(({ id: _id, sourceItemId: _s, ...rest }) => rest),
    how: m.how.map(({ id: _id, impacts, ...rest }) => ({
      ...rest,
      impacts: impacts.map((i) => ({ ...i, kpi: name(i.kpi) })),
    })),
    howMuch: m.howMuch.map(({ id: _id, ...rest }) => rest),
    who: m.who.map(({ id: _id, ...rest }) => rest),
    correlations: m.correlations.map((c) => `${name(c.from)} > ${name(c.to)} = ${c.strength}`).sort(),
    owners: m.owners.map((o) => `${name(o.initiative)} > ${name(o.who)} = ${o.role}`).sort(),
  };
}

describe('importing a spreadsheet X-matrix: preview, replace and copy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const planMatrix = async (unitId: string, year = 2026) =>
    (await t.services.planExport.exportPlan('acme')).matrices.find(
      (m) => m.unitId === unitId && m.year === year,
    );
  const exportCso = async () =>
    (await t.call(endpoints.exports.workbook, { params: { id: 'cso-2026' } })).rawPayload;
  const send = (
    endpoint: typeof endpoints.imports.previewMatrix | typeof endpoints.imports.importMatrix,
    payload: Buffer,
    query: Record<string, string | number>,
  ) => t.call(endpoint, { query }, { payload, headers: { 'content-type': XLSX_TYPE } });
  const preview = async (payload: Buffer, query: Record<string, string | number>) => {
    const response = await send(endpoints.imports.previewMatrix, payload, query);
    expect(response.statusCode).toBe(200);
    return body<MatrixImportPreview>(response);
  };

  it('writes impacts and monthly effort as sheets of their own, naming initiatives and KPIs by title', async () => {
    const workbook = await workbookOf(await exportCso());
    const how = workbook.getWorksheet('How')!;
    expect(how.getRow(1).values).not.toContain('Impacts');
    const impacts = workbook.getWorksheet('Impacts')!;
    expect(impacts.getRow(1).values).toEqual([
      undefined,
      'Initiative',
      'KPI',
      'Low',
      'Likely',
      'High',
      'Basis',
      'Start month',
      'Ramp months',
      'Initiative ID',
      'KPI ID',
    ]);
    expect(impacts.getCell('A2').value).toBe('AI-assisted L1 alert triage in the SIEM');
    expect(impacts.getCell('G2').value).toBe('Mar');
    const effort = workbook.getWorksheet('Effort')!;
    expect(effort.getRow(2).values).toEqual([
      undefined,
      'AI-assisted L1 alert triage in the SIEM',
      'ML engineering',
      6,
      'Feb',
      'Sep',
      'cso-i1',
    ]);
  });

  it('replaces a matrix from its own export without losing anything, impacts and efforts included', async () => {
    const before = await planMatrix('cso');
    const file = await exportCso();
    const shown = await preview(file, { unitId: 'cso', year: 2026, mode: 'replace', replace: 'true' });
    expect(shown).toMatchObject({
      mode: 'replace',
      matrixId: 'cso-2026',
      replaces: { matrixId: 'cso-2026' },
      warnings: [],
      problems: [],
    });
    expect(shown.counts.impacts).toBe(before!.how.reduce((n, i) => n + i.impacts.length, 0));
    expect(shown.counts.efforts).toBe(before!.how.reduce((n, i) => n + i.effort.length, 0));
    const response = await send(endpoints.imports.importMatrix, file, { mode: 'replace', replace: 'true' });
    expect(response.statusCode).toBe(201);
    expect(await planMatrix('cso')).toEqual(before);
  });

  it('imports the export of one unit into another as a copy: new ids, every item and link kept', async () => {
    const original = (await planMatrix('cso'))!;
    const file = await exportCso();
    const query = { unitId: 'sec-arch', year: 2026, mode: 'copy' };
    const shown = await preview(file, query);
    expect(shown).toMatchObject({
      unit: { id: 'sec-arch', name: 'Security Architecture' },
      source: { unit: 'cso', year: 2026 },
      matrixId: 'sec-arch-2026',
      replaces: null,
      warnings: [],
      problems: [],
      counts: {
        what: original.what.length,
        howFar: original.howFar.length,
        how: original.how.length,
        howMuch: original.howMuch.length,
        who: original.who.length,
        correlations: original.correlations.length,
        owners: original.owners.length,
      },
    });
    expect(await planMatrix('sec-arch')).toBeUndefined();

    const response = await send(endpoints.imports.importMatrix, file, query);
    expect(response.statusCode).toBe(201);
    const result = body<MatrixImportResult>(response);
    expect(result).toMatchObject({ matrixId: 'sec-arch-2026', unitId: 'sec-arch', replaced: false });
    expect(result.counts.impacts).toBeGreaterThan(0);
    const copy = (await planMatrix('sec-arch'))!;
    expect(copy.how.map((i) => i.id)).toEqual(original.how.map((_, n) => `sec-arch-2026-i${n + 1}`));
    expect(byTitle(copy)).toEqual(byTitle(original));
    expect(copy.how[0]?.impacts[0]).toMatchObject({ kpi: 'sec-arch-2026-k1', low: 40, likely: 50, high: 58 });
    expect(copy.how[0]?.effort[1]).toEqual({
      skill: 'LLM ops',
      personDaysPerMonth: 8,
      fromMonth: 2,
      toMonth: 9,
    });
    // The original is untouched.
    expect((await planMatrix('cso'))?.how[0]?.id).toBe('cso-i1');
  });

  it('says once, not per row, that a file of another unit needs the copy mode', async () => {
    const file = await exportCso();
    const shown = await preview(file, { unitId: 'platform', year: 2026, mode: 'replace' });
    expect(shown.problems).toHaveLength(1);
    expect(shown.problems[0]?.path).toBe('sheet "What", row 2, column A');
    expect(shown.problems[0]?.message).toMatch(
      /item IDs of this file belong to the X-matrix of .* for 2026; import the file as a copy/,
    );
  });

  it('in a copy, leaves out what does not resolve and warns by sheet and row; replacing refuses it', async () => {
    const workbook = await workbookOf(await exportCso());
    const who = workbook.getWorksheet('Who')!;
    who.getCell('B2').value = 'Nobody Known';
    who.getCell('C2').value = 'Nobody Known';
    workbook.getWorksheet('Impacts')!.getCell('A3').value = 'An initiative nobody wrote';
    workbook.getWorksheet('Impacts')!.getCell('I3').value = null;
    const file = await bytesOf(workbook);
    const original = (await planMatrix('cso'))!;

    const shown = await preview(file, { unitId: 'platform', year: 2027, mode: 'copy' });
    expect(shown.problems).toEqual([]);
    expect(shown.warnings.map((w) => w.path)).toEqual([
      'sheet "Impacts", row 3, column A (Initiative)',
      'sheet "Who", row 2',
    ]);
    expect(shown.warnings[0]?.message).toBe(
      'names no initiative "An initiative nobody wrote" of the How sheet',
    );
    expect(shown.warnings[1]?.message).toMatch(
      /^"Nobody Known" is no person or unit of Northwind Financial; left out/,
    );
    expect(shown.counts.who).toBe(original.who.length - 1);

    const strict = await preview(file, { unitId: 'cso', year: 2026, mode: 'replace', replace: 'true' });
    expect(strict.problems.map((p) => p.path)).toContain('sheet "Impacts", row 3, column A (Initiative)');
  });

  it('refuses a bad cell with 400 naming sheet, row and column, and writes nothing', async () => {
    const before = await planMatrix('cso');
    const workbook = await workbookOf(await exportCso());
    workbook.getWorksheet('Impacts')!.getCell('C2').value = 'lots';
    workbook.getWorksheet('Effort')!.getCell('D3').value = 'Smarch';
    const file = await bytesOf(workbook);
    const query = { unitId: 'sec-arch', year: 2028, mode: 'copy' };
    const shown = await preview(file, query);
    expect(shown.problems.map((p) => p.path)).toEqual([
      'sheet "Impacts", row 2, column C (Low)',
      'sheet "Effort", row 3, column D (From month)',
    ]);
    const response = await send(endpoints.imports.importMatrix, file, query);
    expect(response.statusCode).toBe(400);
    const issues = body<ErrorJson>(response).error.details.issues;
    expect(issues[0]).toEqual({
      path: 'sheet "Impacts", row 2, column C (Low)',
      message: 'expected a number, found text "lots"',
    });
    expect(await planMatrix('sec-arch', 2028)).toBeUndefined();
    expect(await planMatrix('cso')).toEqual(before);
  });

  it('places a rule broken in the Impacts sheet on its row', async () => {
    const workbook = await workbookOf(await exportCso());
    workbook.getWorksheet('Impacts')!.getCell('C2').value = 99; // low above likely
    const shown = await preview(await bytesOf(workbook), { unitId: 'cso', mode: 'replace', replace: 'true' });
    expect(shown.problems[0]?.path).toMatch(/^sheet "Impacts", row 2/);
  });

  it('still reads files of the older layout, with impacts and effort as JSON in the How sheet', async () => {
    const original = (await planMatrix('cso'))!;
    const workbook = await workbookOf(await exportCso());
    workbook.removeWorksheet(workbook.getWorksheet('Impacts')!.id);
    workbook.removeWorksheet(workbook.getWorksheet('Effort')!.id);
    const how = workbook.getWorksheet('How')!;
    const width = how.getRow(1).cellCount;
    how.getCell(1, width + 1).value = 'Impacts';
    how.getCell(1, width + 2).value = 'Monthly effort';
    original.how.forEach((initiative, index) => {
      how.getCell(index + 2, width + 1).value = JSON.stringify(initiative.impacts);
      how.getCell(index + 2, width + 2).value = JSON.stringify(initiative.effort);
    });
    const file = await bytesOf(workbook);
    const shown = await preview(file, { unitId: 'secops', year: 2026, mode: 'copy' });
    expect(shown).toMatchObject({ problems: [], warnings: [] });
    expect(
      await send(endpoints.imports.importMatrix, file, { unitId: 'secops', year: 2026, mode: 'copy' }),
    ).toMatchObject({
      statusCode: 201,
    });
    expect(byTitle((await planMatrix('secops'))!)).toEqual(byTitle(original));
  });
});
