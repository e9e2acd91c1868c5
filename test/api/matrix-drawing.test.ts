import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XMatrixView } from '../../src/contracts';
import { body, createTestApp, demoPlan, type TestApp } from '../support/test-app';
import * as endpoints from '../../src/contracts/endpoints';

const run = promisify(execFile);
const workDir = mkdtempSync(join(tmpdir(), 'catchball-drawing-'));

describe('X-matrix drawings without a browser', () => {
  let t: TestApp;
  let view: XMatrixView;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.planImport.importPlan(demoPlan());
    view = body<XMatrixView>(await t.call(endpoints.matrices.get, { params: { id: 'cso-2026' } }));
  });
  afterAll(() => t.close());

  it('draws an A3 landscape SVG with every item title and one mark per correlation and owner', async () => {
    const response = await t.call(endpoints.exports.drawings.svg, { params: { id: 'cso-2026' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.headers['content-disposition']).toBe('attachment; filename="cso-2026.svg"');
    const svg = response.body;
    writeFileSync(join(workDir, 'cso.svg'), svg);
    expect(svg).toContain('width="420mm" height="297mm" viewBox="0 0 420 297"');
    const decoded = svg
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
    for (const part of ['what', 'how_far', 'how', 'how_much', 'who'] as const)
      for (const item of view.items[part]) expect(decoded).toContain(item.title);
    for (const name of Object.values(view.organisation.partNames)) expect(decoded).toContain(name);
    expect(svg.match(/class="mark mark-/g)).toHaveLength(view.correlations.length);
    expect(svg.match(/class="owner owner-/g)).toHaveLength(view.ownerships.length);
    expect(svg.match(/class="mark mark-strong"/g)).toHaveLength(
      view.correlations.filter((c) => c.strength === 'strong').length,
    );
  });

  it('draws the same page as PNG', async () => {
    const response = await t.call(endpoints.exports.drawings.png, { params: { id: 'cso-2026' } });
    expect(response.statusCode).toBe(200);
    const png = response.rawPayload;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width / height).toBeCloseTo(420 / 297, 2);
  });

  it('prints a PDF on one A3 landscape page that renders to a non-blank image', async (context) => {
    const response = await t.call(endpoints.exports.drawings.pdf, { params: { id: 'cso-2026' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const pdfPath = join(workDir, 'cso.pdf');
    writeFileSync(pdfPath, response.rawPayload);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    try {
      await run('pdftoppm', ['-v']);
    } catch {
      context.skip('pdftoppm is not installed (apt-get install -y poppler-utils); the PDF was not rendered');
    }
    const { stdout } = await run('pdfinfo', [pdfPath]);
    expect(stdout).toMatch(/Pages:\s+1/);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(stdout);
    expect(Number(size?.[1])).toBeCloseTo((420 * 72) / 25.4, 0);
    expect(Number(size?.[2])).toBeCloseTo((297 * 72) / 25.4, 0);
    await run('pdftoppm', ['-r', '40', '-gray', '-singlefile', pdfPath, join(workDir, 'cso')]);
    const pgm = readFileSync(join(workDir, 'cso.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    const [width, height] = [Number(header?.[1]), Number(header?.[2])];
    expect(width / height).toBeCloseTo(420 / 297, 1);
    const pixels = pgm.subarray(pgm.length - width * height);
    const dark = pixels.filter((value) => value < 128).length;
    expect(dark / pixels.length).toBeGreaterThan(0.01);
  });

  it('answers 404 for a matrix that does not exist', async () => {
    expect((await t.call(endpoints.exports.drawings.pdf, { params: { id: 'nope' } })).statusCode).toBe(404);
  });
});
