import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN_PATH } from '../../src/server/demo';
import { cleanUpCliStores, cli, freshStoreEnv, workDir } from '../support/cli';
import { generateOkrSheet, toCsv, toXlsx } from '../support/okr-sheet-fixture';

afterAll(cleanUpCliStores);

describe('catchball import and export of spreadsheets and drawings', () => {
  it('imports OKRs from CSV (dry run first) and XLSX, with progress on stderr and the summary on stdout', async () => {
    const env = await freshStoreEnv();
    expect((await cli(env, 'import', DEMO_PLAN_PATH.pathname)).code).toBe(0);
    const csv = join(workDir, 'okrs.csv');
    writeFileSync(csv, toCsv(generateOkrSheet().rows));
    const dry = await cli(env, 'import', csv, '--org', 'acme', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('Dry run: would import 60 objectives, 180 key results and 4 new people\n');
    expect(dry.stderr).toContain('checking: done (181)');
    const real = await cli(env, 'import', csv, '--org', 'acme');
    expect(real.stdout).toBe('Imported 60 objectives, 180 key results and 4 new people into acme\n');
    expect(real.stderr).toContain('writing: done (244)');

    const rows = [
      ['Objective', 'Key result', 'Target'],
      ['Fewer incidents', 'Incidents down', 'twelve'],
    ];
    const bad = join(workDir, 'bad.xlsx');
    writeFileSync(bad, await toXlsx(rows));
    const refused = await cli(env, 'import', bad, '--unit', 'cso', '--cycle', 'fy2026');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('  - row 2, column C (Target): expected a number, found text "twelve"');
  }, 120_000);

  it('exports an X-matrix as PDF, PNG, SVG and XLSX, and the XLSX imports back', async () => {
    const env = await freshStoreEnv();
    await cli(env, 'import', DEMO_PLAN_PATH.pathname);
    for (const format of ['pdf', 'png', 'svg', 'xlsx']) {
      const file = join(workDir, `cso.${format}`);
      const result = await cli(
        env,
        'export',
        '--format',
        format,
        '--unit',
        'cso',
        '--year',
        '2026',
        '-o',
        file,
      );
      expect(result.code).toBe(0);
      expect(readFileSync(file).length).toBeGreaterThan(1000);
    }
    expect(readFileSync(join(workDir, 'cso.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const again = await cli(env, 'import', join(workDir, 'cso.xlsx'), '--replace');
    expect(again.stdout).toMatch(
      /^Replaced X-matrix cso-2026 \(cso, 2026\): 27 items, \d+ correlations, \d+ owners/,
    );
    const copy = join(workDir, 'cso.xlsx');
    const dry = await cli(env, 'import', copy, '--unit', 'platform', '--copy', '--dry-run');
    expect(dry.stdout).toMatch(/^Would import X-matrix platform-2026 \(platform, 2026\): 27 items/);
    const copied = await cli(env, 'import', copy, '--unit', 'sec-arch', '--copy');
    expect(copied.stdout).toMatch(
      /^Imported X-matrix sec-arch-2026 \(sec-arch, 2026\): 27 items, .* \d+ impacts/,
    );
    const missing = await cli(env, 'export', '--format', 'pdf', '--unit', 'platform');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('Unit platform has no X-matrix');
  }, 120_000);
});
