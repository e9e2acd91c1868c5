import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN_PATH } from '../../src/server/demo';
import { cleanUpCliStores, cli, freshStoreEnv } from '../support/cli';

afterAll(cleanUpCliStores);

describe('catchball translate', () => {
  it("translates the CIO's OKRs into the SOC's X-matrix and prints what it created", async () => {
    const env = await freshStoreEnv();
    expect((await cli(env, 'import', DEMO_PLAN_PATH.pathname)).code).toBe(0);
    const result = await cli(env, 'translate', '--from', 'cio', '--to', 'secops', '--cycle', 'fy2026');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Created X-matrix xm_\w+ of Security Operations \(SOC\) \(secops\) for 2026/,
    );
    expect(result.stdout).toContain('3 breakthrough objectives, 8 annual objectives, 0 initiatives, 8 KPIs');
    expect(result.stdout).toContain('← cio-kr2-1');

    const exported = await cli(env, 'export', '--unit', 'secops', '--format', 'json');
    const plan = JSON.parse(exported.stdout) as { matrices: { unitId: string; howFar: unknown[] }[] };
    expect(plan.matrices.find((m) => m.unitId === 'secops')?.howFar).toHaveLength(8);

    const again = await cli(
      env,
      'translate',
      '--from',
      'cio',
      '--to',
      'secops',
      '--cycle',
      'fy2026',
      '--year',
      '2027',
    );
    expect(again.stdout).toMatch(/^Created X-matrix \w+ of Security Operations \(SOC\) \(secops\) for 2027/);
  }, 120_000);

  it('refuses a child that is not below the parent, naming the field, with exit code 2', async () => {
    const env = await freshStoreEnv();
    await cli(env, 'import', DEMO_PLAN_PATH.pathname);
    const result = await cli(env, 'translate', '--from', 'secops', '--to', 'cio', '--cycle', 'fy2026');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'toUnitId: Office of the CIO (cio) is not below Security Operations (SOC)',
    );
    const missing = await cli(env, 'translate', '--from', 'nowhere', '--to', 'cio', '--cycle', 'fy2026');
    expect(missing.code).toBe(3);
  }, 120_000);
});
