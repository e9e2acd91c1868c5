import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiToken, BulkCheckInRow } from '../../src/contracts';
import { endpointUrl } from '../../src/contracts/endpoint';
import { checkIns as endpoints } from '../../src/contracts/endpoints';
import { body, createTestApp, demoPlan, type ErrorResponse, type TestApp } from '../support/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('bulk check-ins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ services: { clock: () => '2026-11-20' } });
    await t.services.planImport.importPlan(demoPlan());
  });
  afterAll(() => t.close());

  const count = async (item: string) =>
    (await t.call(endpoints.listHistory, { query: { kpiId: item } })).result.length;
  // The body is the file itself, sent with its content type.
  const upload = (unit: string, payload: string | Buffer, contentType = 'text/csv') =>
    t.call(
      endpoints.uploadCheckIns,
      { params: { id: unit }, query: {}, body: payload },
      { headers: { 'content-type': contentType } },
    );

  it('takes a CSV upload for the unit, all rows at once', async () => {
    const csv = [
      'item,date,value,confidence,comment',
      'cso-k1,2026-01-31,5.2,,',
      'cso-k1,2026-02-28,6.4,,"steady, as planned"',
      'cso-kr1-1,2026-02-28,6.4,0.6,',
    ].join('\n');
    const response = await upload('cso', csv);
    expect(response.statusCode).toBe(201);
    expect(response.result.created).toBe(3);
    expect(response.result.checkIns[1]).toMatchObject({
      comment: 'steady, as planned',
      source: 'upload',
    });
    expect(await count('cso-k1')).toBe(2);
  });

  it('refuses the whole file when a row is bad, naming each row and column, and writes nothing', async () => {
    const csv = [
      'item,date,value,confidence',
      'cso-k2,2026-03-31,21,',
      'cso-k2,2026-04-30,twenty,',
      'cso-k2,30.02.2026,19,',
      'cso-k2,2026-06-30,18,1.5',
      'cso-k2,2027-01-31,17,',
    ].join('\n');
    const response = await upload('cso', csv);
    expect(response.statusCode).toBe(400);
    const paths = body<ErrorResponse>(response).error.details!.issues!.map((issue) => issue.path);
    expect(paths).toEqual([
      'row 3, column C (value)',
      'row 4, column B (date)',
      'row 5, column D (confidence)',
    ]);
    expect(body<ErrorResponse>(response).error.message).toContain('expected a number, found text "twenty"');
    expect(await count('cso-k2')).toBe(0);

    const outside = await upload('cso', 'item,date,value\ncso-k2,2026-03-31,21\ncso-k2,2027-01-31,17\n');
    expect(outside.statusCode).toBe(400);
    expect(body<ErrorResponse>(outside).error.details!.issues![0]).toMatchObject({
      path: 'row 3, column B (date)',
    });
    expect(await count('cso-k2')).toBe(0);
  });

  it('refuses a file without the required columns or with unknown ones', async () => {
    const response = await upload('cso', 'kpi,when,value\ncso-k2,2026-03-31,21\n');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('needs a \\"item\\" column');
    expect(response.body).toContain('unknown column \\"kpi\\"');
  });

  it('names rows as the file numbers them, blank lines included, and refuses a file of the wrong type', async () => {
    const gap = await upload('cso', 'item,date,value\n\ncso-k2,2026-03-31,many\n');
    expect(body<ErrorResponse>(gap).error.details!.issues![0]!.path).toBe('row 3, column C (value)');
    const empty = await upload('cso', '\n\n');
    expect(body<ErrorResponse>(empty).error.details!.issues).toEqual([
      { path: '(file)', message: 'the sheet is empty' },
    ]);
    const mistyped = await upload('cso', 'item,date,value\ncso-k2,2026-03-31,21\n', XLSX);
    expect(mistyped.statusCode).toBe(400);
    expect(body<ErrorResponse>(mistyped).error.details!.issues).toEqual([
      { path: '(file)', message: 'this is a CSV file, but it was sent as an XLSX workbook' },
    ]);
    expect(await count('cso-k2')).toBe(0);
  });

  it('refuses items outside the unit it is uploaded to', async () => {
    const response = await upload('sec-arch', 'item,date,value\ncso-k3,2026-03-31,60\n');
    expect(response.statusCode).toBe(403);
    expect(await count('cso-k3')).toBe(0);
  });

  it('takes an XLSX upload', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Check-ins');
    sheet.addRow(['item', 'date', 'value', 'comment']);
    sheet.addRow(['cso-k3', new Date(Date.UTC(2026, 2, 31)), 59.5, 'from the SOAR report']);
    sheet.addRow(['cso-k3', '2026-04-30', 54]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload('cso', buffer, XLSX);
    expect(response.statusCode).toBe(201);
    expect(response.result.checkIns.map((c) => c.date)).toEqual(['2026-03-31', '2026-04-30']);

    const bad = new ExcelJS.Workbook();
    const badSheet = bad.addWorksheet('x');
    badSheet.addRow(['item', 'date', 'value']);
    badSheet.addRow(['cso-k3', '2026-05-31', 'n/a']);
    const refused = await upload('cso', Buffer.from(await bad.xlsx.writeBuffer()), XLSX);
    expect(refused.statusCode).toBe(400);
    expect(body<ErrorResponse>(refused).error.details!.issues![0]!.path).toBe('row 2, column C (value)');
    expect(await count('cso-k3')).toBe(2);
  });

  describe('by API with a unit token', () => {
    let token: ApiToken;
    beforeAll(async () => {
      token = (
        await t.call(endpoints.createApiToken, { params: { id: 'cso' }, body: { name: 'SIEM exporter' } })
      ).result;
    });
    const asToken = (secret: string | undefined) =>
      secret ? { headers: { authorization: `Bearer ${secret}` } } : { anonymous: true };
    const bulk = (unit: string, checkIns: BulkCheckInRow[], secret = token.token) =>
      t.call(endpoints.bulkCheckIns, { params: { id: unit }, body: { checkIns } }, asToken(secret));
    /** Rows the contract refuses (a wrong type), sent as they are. */
    const malformedBulk = (unit: string, checkIns: unknown[], secret = token.token) =>
      t.request({
        method: 'POST',
        url: endpointUrl(endpoints.bulkCheckIns, { params: { id: unit } }),
        payload: { checkIns },
        ...asToken(secret),
      });

    it('shows the token once and stores only its hash', async () => {
      expect(token.token).toMatch(/^cbt_/);
      const { result: listed } = await t.call(endpoints.listApiTokens, { params: { id: 'cso' } });
      expect(listed).toHaveLength(1);
      expect(listed[0]!.token).toBeUndefined();
      const stored = await t.store.db
        .selectFrom('unitApiTokens')
        .select('tokenHash')
        .executeTakeFirstOrThrow();
      expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.tokenHash).not.toContain(token.token!);
    });

    it('writes check-ins for the unit and the units below it', async () => {
      const response = await bulk('cso', [
        { item: 'cso-k6', date: '2026-01-31', value: 10 },
        { item: 'cso-k6', date: '2026-02-28', value: 12.5, comment: 'LMS export' },
      ]);
      expect(response.statusCode).toBe(201);
      expect(response.result.checkIns.every((c) => c.source === 'api')).toBe(true);
      expect(await count('cso-k6')).toBe(2);
    });

    it('refuses a value of the wrong type, naming the row, and writes nothing', async () => {
      const response = await malformedBulk('cso', [
        { item: 'cso-k6', date: '2026-03-31', value: 18 },
        { item: 'cso-k6', date: '2026-04-30', value: '25%' },
      ]);
      expect(response.statusCode).toBe(400);
      expect(body<ErrorResponse>(response).error.details!.issues![0]!.path).toBe('body.checkIns[1].value');
      expect(await count('cso-k6')).toBe(2);
    });

    it('refuses a token for another unit with 403, a missing or revoked token with 401', async () => {
      const { result: other } = await t.call(endpoints.createApiToken, {
        params: { id: 'platform' },
        body: { name: 'Platform' },
      });
      const wrongUnit = await bulk('cso', [{ item: 'cso-k6', date: '2026-03-31', value: 18 }], other.token);
      expect(wrongUnit.statusCode).toBe(403);
      expect(body<ErrorResponse>(wrongUnit).error.message).toContain(
        'You need the contributor role on Security (CSO)',
      );
      const upward = await bulk('cso', [{ item: 'cio-k1', date: '2026-03-31', value: 1 }]);
      expect(upward.statusCode).toBe(403);
      expect((await bulk('cso', [{ item: 'cso-k6', date: '2026-03-31', value: 18 }], '')).statusCode).toBe(
        401,
      );
      expect((await t.call(endpoints.revokeApiToken, { params: { id: token.id } })).statusCode).toBe(204);
      const revoked = await bulk('cso', [{ item: 'cso-k6', date: '2026-03-31', value: 18 }]);
      expect(revoked.statusCode).toBe(401);
      expect(await count('cso-k6')).toBe(2);
    });
  });
});
