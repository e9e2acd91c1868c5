// Exports and e-mails in the reader's language: a Japanese A3 PDF embeds the CJK face Catchball
// ships and renders its labels as real glyphs (not the empty boxes of a Latin face), a German
// export's fixed labels are German, and a mail to a Japanese-speaking owner has a Japanese subject.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as endpoints from '../../src/contracts/endpoints';
import { findCjkFont } from '../../src/server/render/fonts';
import type { Scene } from '../../src/server/render/scene';
import { sceneToPdf } from '../../src/server/render/scene-pdf';
import { svgToPng } from '../../src/server/render/scene-png';
import { sceneToSvg } from '../../src/server/render/scene-svg';
import { signInWithRole } from '../support/builders';
import { startSmtp, type Mail } from '../support/smtp-server';
import { createTestApp, demoPlan, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const workDir = mkdtempSync(join(tmpdir(), 'catchball-languages-'));

async function hasPoppler(): Promise<boolean> {
  try {
    await run('pdftoppm', ['-v']);
    return true;
  } catch {
    return false;
  }
}

/** A PDF page rendered to grey pixels (0 black … 255 white) by pdftoppm. */
async function renderPdf(pdf: Buffer, name: string, dpi = 100): Promise<Uint8Array> {
  const path = join(workDir, `${name}.pdf`);
  writeFileSync(path, pdf);
  await run('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', path, join(workDir, name)]);
  const pgm = readFileSync(join(workDir, `${name}.pgm`));
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  const pixels = Number(header?.[1]) * Number(header?.[2]);
  return pgm.subarray(pgm.length - pixels);
}

/** A small page with one label, as the X-matrix's writers paint it. */
const labelScene = (text: string, language: Scene['language'] = 'ja'): Scene => ({
  width: 80,
  height: 20,
  title: text,
  language,
  shapes: [{ type: 'text', x: 4, y: 13, text, size: 8, anchor: 'start', fill: '#000000' }],
});

/** A subject as its reader sees it: RFC 2047 encoded words (base64 or quoted-printable) decoded. */
function subjectOf(mail: Mail): string {
  const [head = ''] = mail.data.split(/\r?\n\r?\n/);
  const raw = /^Subject: (.*)$/im.exec(head.replace(/\r?\n[ \t]+/g, ' '))?.[1] ?? '';
  return raw
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?(.*?)\?=/gi, (_m, encoding: string, word: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(word, 'base64').toString('utf8')
        : Buffer.from(
            word
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

describe('exports and e-mails in the reader’s language', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let japanese: Record<string, string>;
  let german: Record<string, string>;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      services: {
        clock: () => '2026-06-15',
        smtp: { host: '127.0.0.1', port: smtp.port, from: 'catchball@test.example' },
      },
    });
    await t.services.planImport.importPlan(demoPlan());
    japanese = await signInWithRole(t, 'usr-grace', { role: 'editor', unitId: 'cso' });
    german = await signInWithRole(t, 'usr-hans', { role: 'viewer', unitId: 'cso' });
    await t.store.db.updateTable('users').set({ language: 'ja' }).where('id', '=', 'usr-grace').execute();
    await t.store.db.updateTable('users').set({ language: 'de' }).where('id', '=', 'usr-hans').execute();
    await t.store.db
      .updateTable('people')
      .set({ userId: 'usr-grace' })
      .where('id', '=', 'grace-okafor')
      .execute();
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('ships a CJK face', () => {
    expect(findCjkFont()).toMatchObject({ family: 'BIZ UDPGothic' });
  });

  it('prints a Japanese A3 PDF with the CJK face embedded and its Japanese labels extractable', async (context) => {
    const response = await t.call(
      endpoints.exports.drawings.pdf,
      { params: { id: 'cso-2026' } },
      { headers: japanese },
    );
    expect(response.statusCode).toBe(200);
    const pdf = response.rawPayload;
    // A subset of the glyphs used, not the whole 4.5 MB face.
    expect(pdf.length).toBeLessThan(1_000_000);
    if (!(await hasPoppler())) return context.skip('poppler-utils is not installed');
    const path = join(workDir, 'cso-ja.pdf');
    writeFileSync(path, pdf);
    const fonts = (await run('pdffonts', [path])).stdout;
    expect(fonts).toMatch(/\+BIZUDPGothic-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const text = (await run('pdftotext', [path, '-'])).stdout;
    for (const label of [
      'Xマトリックス',
      '重点施策',
      '長期目標（ブレークスルー目標）',
      '相関：',
      '強',
      '責任者：',
      '主担当',
    ])
      expect(text).toContain(label);
    const pixels = await renderPdf(pdf, 'cso-ja', 40);
    expect(pixels.filter((value) => value < 128).length / pixels.length).toBeGreaterThan(0.01);
  });

  it('renders Japanese labels as glyphs: not blank, and two labels look different', async (context) => {
    if (!(await hasPoppler())) return context.skip('poppler-utils is not installed');
    const [first, second, empty] = await Promise.all([
      sceneToPdf(labelScene('年度目標')).then((pdf) => renderPdf(pdf, 'label-1')),
      sceneToPdf(labelScene('重点施策')).then((pdf) => renderPdf(pdf, 'label-2')),
      sceneToPdf(labelScene('')).then((pdf) => renderPdf(pdf, 'label-0')),
    ]);
    const ink = (pixels: Uint8Array) => pixels.filter((value) => value < 128).length;
    expect(ink(empty)).toBe(0);
    expect(ink(first)).toBeGreaterThan(200);
    expect(ink(second)).toBeGreaterThan(200);
    // Empty boxes (tofu) would be the same four rectangles for both strings.
    let differing = 0;
    for (let i = 0; i < first.length; i++) if (Math.abs((first[i] ?? 0) - (second[i] ?? 0)) > 64) differing++;
    expect(differing).toBeGreaterThan(100);
    // Kanji in an English drawing (an organisation's own title) print in the CJK face too.
    const english = await renderPdf(await sceneToPdf(labelScene('年度目標', 'en')), 'label-en');
    expect(ink(english)).toBeGreaterThan(200);
  });

  it('names the CJK face in the SVG and paints it in the PNG', async () => {
    const svg = (
      await t.call(endpoints.exports.drawings.svg, { params: { id: 'cso-2026' } }, { headers: japanese })
    ).body;
    expect(svg).toContain("font-family=\"'BIZ UDPGothic'");
    expect(svg).toContain('重点施策');
    expect(svg).toContain('>相関：<');
    const [first, second] = [
      svgToPng(sceneToSvg(labelScene('年度目標')), 80),
      svgToPng(sceneToSvg(labelScene('重点施策')), 80),
    ];
    const blank = svgToPng(sceneToSvg(labelScene('')), 80);
    expect(first.equals(second)).toBe(false);
    expect(first.equals(blank)).toBe(false);
    // A Latin drawing with one Japanese title names the CJK face on that text alone.
    const mixed = sceneToSvg({ ...labelScene('年度目標', 'en') });
    expect(mixed).toContain("font-family=\"'DejaVu Sans'");
    expect(mixed).toMatch(/<text [^>]*font-family="'BIZ UDPGothic'/);
  });

  it('writes a German export’s labels in German, by the account or by Accept-Language', async () => {
    const svg = (
      await t.call(endpoints.exports.drawings.svg, { params: { id: 'cso-2026' } }, { headers: german })
    ).body;
    for (const label of [
      'X-Matrix 2026',
      'Korrelation:',
      '>stark<',
      '>schwach<',
      'Verantwortlich:',
      'Verbesserungsschwerpunkte',
    ])
      expect(svg).toContain(label);
    expect(svg).not.toContain('Correlation:');
    const byBrowser = await t.call(
      endpoints.exports.drawings.svg,
      { params: { id: 'cso-2026' } },
      { headers: { 'accept-language': 'fr-CH, de;q=0.8, en;q=0.5' } },
    );
    expect(byBrowser.body).toContain('Korrelation:');
    const english = await t.call(endpoints.exports.drawings.svg, { params: { id: 'cso-2026' } });
    expect(english.body).toContain('Correlation:');
    expect(english.body).toContain('Improvement priorities');

    const workbook = new ExcelJS.Workbook();
    const xlsx = await t.call(
      endpoints.exports.workbook,
      { params: { id: 'cso-2026' } },
      { headers: german },
    );
    expect(xlsx.statusCode).toBe(200);
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const matrix = workbook.getWorksheet('Matrix')!;
    const labels = matrix.getColumn(1).values.filter((value): value is string => typeof value === 'string');
    expect(labels).toEqual(
      expect.arrayContaining(['Unit', 'Year', 'Korrelationszeichen', 'Verantwortungszeichen']),
    );
    expect(workbook.getWorksheet('How')!.getCell('A1').note).toBe('Verbesserungsschwerpunkte');
    // Sheet names and headers stay English, so the German file imports back as it is.
    const preview = await t.services.matrixWorkbook.previewXlsx(xlsx.rawPayload, { replace: true });
    expect(preview.problems).toEqual([]);
  });

  it('e-mails a countermeasure’s owner whose language is Japanese in Japanese', async () => {
    const created = await t.call(endpoints.bowling.countermeasures.create, {
      body: {
        kpiId: 'cso-k5',
        year: 2026,
        month: 5,
        problem: 'Phishing reports fell behind',
        ownerId: 'grace-okafor',
        dueDate: '2026-06-01',
      },
    });
    expect(created.statusCode).toBe(201);
    const mail = smtp.mails.filter((m) => m.to.includes('grace.okafor@example.com')).at(-1);
    expect(mail).toBeDefined();
    expect(subjectOf(mail!)).toBe(
      'Catchball：「Incident types with automated containment」の対策の責任者になりました（期限 2026/06/01）',
    );
  });

  it('sends the check-in digest to each owner in their language', async () => {
    const before = smtp.mails.length;
    const response = await t.call(endpoints.dashboard.sendDigest, { params: { id: 'acme' }, query: {} });
    expect(response.statusCode).toBe(200);
    const sent = smtp.mails.slice(before);
    const toGrace = sent.find((m) => m.to.includes('grace.okafor@example.com'));
    const toAisha = sent.find((m) => m.to.includes('aisha.bello@example.com'));
    expect(subjectOf(toGrace!)).toMatch(/^Catchball：\d+件のチェックインが必要です$/);
    expect(subjectOf(toAisha!)).toMatch(/^Catchball: (1 item needs|\d+ items need) a check-in$/);
  });
});
