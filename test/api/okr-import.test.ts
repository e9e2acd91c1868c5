import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OkrImportPreview, SheetProblemJson } from '../../src/contracts';
import { signInWithRole } from '../support/builders';
import type { EndpointRequest } from '../../src/contracts/endpoint';
import { generateOkrSheet, OKR_SHEET_HEADER, toCsv, toXlsx } from '../support/okr-sheet-fixture';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

type ErrorJson = {
  error: { code: string; message: string; details: { issues: { path: string; message: string }[] } };
};

const csvHeaders = { 'content-type': 'text/csv' };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('OKR import from CSV and XLSX', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const countOkrs = async () => {
    const objectives = await t.store.db
      .selectFrom('objectives')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const krs = await t.store.db
      .selectFrom('keyResults')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return { objectives: Number(objectives.n), keyResults: Number(krs.n) };
  };
  type ImportQuery = EndpointRequest<typeof endpoints.imports.previewOkrs>['query'];
  const preview = (
    payload: string | Buffer,
    query: ImportQuery = { organisationId: 'acme' },
    headers = csvHeaders,
  ) => t.call(endpoints.imports.previewOkrs, { query }, { payload, headers });
  const problemsOf = async (rows: string[][], query?: ImportQuery) =>
    body<OkrImportPreview>(await preview(toCsv(rows), query)).problems;

  it('previews the generated 60-objective sheet: mapping, summary, three levels of parents, no writes', async () => {
    const sheet = generateOkrSheet();
    expect(sheet.objectives).toBeGreaterThanOrEqual(50);
    expect(sheet.keyResults).toBeGreaterThanOrEqual(150);
    const before = await countOkrs();
    const response = await preview(toCsv(sheet.rows));
    expect(response.statusCode).toBe(200);
    const result = body<OkrImportPreview>(response);
    expect(result.problems).toEqual([]);
    expect(result.summary).toMatchObject({ objectives: 60, keyResults: 180 });
    expect(result.summary.people).toBeGreaterThan(0);
    expect(result.mapping.find((m) => m.header === 'Key Result')).toMatchObject({
      column: 'E',
      field: 'keyResult',
    });
    expect(result.mapping.find((m) => m.header === 'Baseline')).toMatchObject({ field: 'baseline' });
    expect(result.objectives.filter((o) => o.parent !== null)).toHaveLength(54);
    expect(await countOkrs()).toEqual(before);
  });

  it('confirms the XLSX version in one go and the OKRs are there, aligned across three levels', async () => {
    const sheet = generateOkrSheet();
    const before = await countOkrs();
    const response = await t.call(
      endpoints.imports.confirmOkrs,
      { query: { organisationId: 'acme' } },
      { payload: await toXlsx(sheet.rows), headers: { 'content-type': XLSX_TYPE } },
    );
    expect(response.statusCode).toBe(201);
    expect(response.data).toMatchObject({
      organisationId: 'acme',
      created: { objectives: 60, keyResults: 180 },
    });
    expect(await countOkrs()).toEqual({
      objectives: before.objectives + 60,
      keyResults: before.keyResults + 180,
    });
    const leaf = await t.services.okrs.getObjective('imp-l3-o1');
    expect(leaf.alignedKeyResultId).toMatch(/^imp-l2-o1-kr/);
    const middle = await t.services.okrs.getObjective('imp-l2-o2');
    expect(middle.alignedObjectiveId).toBe('imp-l1-o2');
    expect(middle.keyResults).toHaveLength(3);
    const owners = await t.store.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('name', '=', 'Ana López')
      .execute();
    expect(owners.length).toBeLessThanOrEqual(1);
  });

  it('imports a hand-kept sheet with other header names, a default unit and cycle, and percent cells', async () => {
    const rows = [
      ['OBJECTIVE', 'kr', 'Responsible', 'UoM', 'From', 'To', 'Deadline', 'aligned_to'],
      ['Make the SOC calmer', 'Cut alert noise', 'Aisha Bello', '%', '80 %', '40%', '30/06/2026', 'cio-o1'],
      ['Make the SOC calmer', 'Publish the runbook', 'aisha.bello@example.com', '', '', '', '', ''],
    ];
    const result = body<OkrImportPreview>(
      await preview(toCsv(rows), { unitId: 'secops', cycleId: 'fy2026' }),
    );
    expect(result.problems).toEqual([]);
    expect(result.objectives).toEqual([
      expect.objectContaining({
        title: 'Make the SOC calmer',
        unitId: 'secops',
        parent: 'cio-o1',
        keyResults: [
          expect.objectContaining({
            kind: 'decrease',
            baseline: 80,
            target: 40,
            owner: 'Aisha Bello',
            dueDate: '2026-06-30',
          }),
          expect.objectContaining({ kind: 'binary', owner: 'Aisha Bello' }),
        ],
      }),
    ]);
  });

  it('refuses missing and unknown columns, by row and column', async () => {
    expect(
      await problemsOf(
        [
          ['Objective', 'Colour', 'Target'],
          ['A', 'red', '3'],
        ],
        { unitId: 'cio', cycleId: 'fy2026' },
      ),
    ).toEqual([
      { row: 1, column: 'B', message: expect.stringContaining('unknown column "Colour"') as string },
      { row: 1, column: null, message: 'missing column "Key result"' },
    ]);
    const noUnit = await problemsOf([
      ['Objective', 'Key result'],
      ['A', 'B'],
    ]);
    expect(noUnit.map((p) => p.message)).toEqual([
      'missing column "Team / Unit" (or choose a unit for the whole file)',
      'missing column "Cycle" (or choose a cycle for the whole file)',
    ]);
  });

  it('refuses text in a numeric cell, duplicate keys and an unknown unit with their row and column', async () => {
    const rows = [
      OKR_SHEET_HEADER,
      ['x-o1', 'Faster', '', 'x-kr1', 'MTTD down', '', 'h', '24', 'about six', '', '', 'cso', 'FY2026'],
      ['x-o1', 'Faster', '', 'x-kr1', 'MTTD down again', '', 'h', '24', '6', '', '', 'cso', 'FY2026'],
      ['x-o2', 'Safer', '', 'x-kr3', 'Patch', '', '', '1', '2', '2026-13-01', '', 'nowhere', 'FY2026'],
    ];
    const problems: SheetProblemJson[] = await problemsOf(rows);
    expect(problems).toEqual([
      { row: 2, column: 'I', message: 'expected a number, found text "about six"' },
      { row: 3, column: 'D', message: 'duplicate key result id x-kr1 (also row 2)' },
      {
        row: 4,
        column: 'J',
        message: 'expected a date such as 2026-06-30 or 30.06.2026, found "2026-13-01"',
      },
      { row: 4, column: 'L', message: 'no unit "nowhere"' },
    ]);
  });

  it('refuses a cycle of parent links, naming every row in it', async () => {
    const rows = [
      OKR_SHEET_HEADER,
      ['c-o1', 'One', '', 'c-kr1', 'k1', '', '', '1', '2', '', 'c-kr2', 'cso', 'FY2026'],
      ['c-o2', 'Two', '', 'c-kr2', 'k2', '', '', '1', '2', '', 'c-o3', 'cso', 'FY2026'],
      ['c-o3', 'Three', '', 'c-kr3', 'k3', '', '', '1', '2', '', 'c-o1', 'cso', 'FY2026'],
    ];
    const problems = await problemsOf(rows);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'K'],
      [3, 'K'],
      [4, 'K'],
    ]);
    expect(problems[0]?.message).toMatch(
      /cycle: .*One.*Two.*Three|cycle: .*Two.*Three.*One|cycle: .*Three.*One.*Two/,
    );
  });

  it('refuses an empty sheet, and confirm writes nothing while any problem remains', async () => {
    expect(await problemsOf([])).toEqual([{ row: null, column: null, message: 'the sheet is empty' }]);
    expect(await problemsOf([OKR_SHEET_HEADER])).toEqual([
      { row: null, column: null, message: 'the sheet has headers but no key result rows' },
    ]);
    const before = await countOkrs();
    const rows = generateOkrSheet(7).rows.map((row) => row.map((cell) => cell.replace(/^imp-/, 'bad-')));
    rows[100] = rows[100]!.map((cell, index) => (index === 8 ? 'lots' : cell));
    const response = await t.call(
      endpoints.imports.confirmOkrs,
      { query: { organisationId: 'acme' } },
      { payload: toCsv(rows), headers: csvHeaders },
    );
    expect(response.statusCode).toBe(400);
    expect(body<ErrorJson>(response).error.details.issues).toEqual([
      { path: 'row 101, column I (Target)', message: 'expected a number, found text "lots"' },
    ]);
    expect(await countOkrs()).toEqual(before);
  });

  it('refuses a row for a unit the uploader does not edit, naming the row, and writes nothing', async () => {
    const editor = await signInWithRole(t, 'usr-cso-editor', { role: 'editor', unitId: 'cso' });
    const row = (id: string, unit: string) => [
      id,
      `Objective for ${unit}`,
      'Committed',
      `${id}-kr1`,
      'Raise coverage from 10 to 20 %',
      '',
      '%',
      '10',
      '20',
      '2026-12-31',
      '',
      unit,
      'FY2026',
    ];
    const before = await countOkrs();
    const confirm = (rows: string[][]) =>
      t.call(
        endpoints.imports.confirmOkrs,
        { query: { unitId: 'cso' } },
        { payload: toCsv([OKR_SHEET_HEADER, ...rows]), headers: { ...csvHeaders, ...editor } },
      );
    const refused = await confirm([row('imp-own', 'cso'), row('imp-other', 'platform')]);
    expect(refused.statusCode).toBe(403);
    expect(body<ErrorJson>(refused).error.message).toBe(
      'Row 3: you need the editor role on Platform Engineering',
    );
    expect(await countOkrs()).toEqual(before);
    expect((await confirm([row('imp-own', 'cso')])).statusCode).toBe(201);
  });

  it('refuses a 50 MB file with a clear 413 before reading it', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 'a,b\n');
    const response = await preview(huge);
    expect(response.statusCode).toBe(413);
    expect(body<ErrorJson>(response).error).toMatchObject({
      code: 'payload_too_large',
      message: 'The request body is too large: POST /api/imports/okrs/preview accepts at most 20 MB',
    });
  });

  it('asks for a file and a place to put it', async () => {
    const empty = await t.call(
      endpoints.imports.previewOkrs,
      { query: { unitId: 'cio' } },
      { headers: csvHeaders },
    );
    expect(empty.statusCode).toBe(400);
    const nowhere = await preview('Objective,KR\nA,B\n', { cycleId: 'fy2026' });
    expect(body<ErrorJson>(nowhere).error.details.issues[0]).toMatchObject({ path: 'query.organisationId' });
  });
});
