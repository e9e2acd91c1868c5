import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { PlanDocument } from '../../src/contracts';
import { DEMO_PLAN_PATH } from '../../src/server/demo';
import { cli } from '../support/cli';
import { demoPlan } from '../support/test-app';

const workDir = mkdtempSync(join(tmpdir(), 'catchball-check-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The demo plan, changed by `change`, written to a file for the CLI. */
function planFile(name: string, change: (plan: PlanDocument) => void): string {
  const plan = structuredClone(demoPlan()) as PlanDocument;
  change(plan);
  const file = join(workDir, name);
  writeFileSync(file, stringify(plan));
  return file;
}

interface CheckJson {
  passed: boolean;
  matrices: {
    matrixId: string;
    passed: boolean;
    findings: { code: string }[];
    pressureTest: { targets: { targetId: string; kind: string; probability: number }[] };
  }[];
}

describe('catchball check', () => {
  it('reports the demo: the unreachable CIO key result, the resource gap, and fails the gate (exit 7)', async () => {
    const result = await cli(process.env, 'check', DEMO_PLAN_PATH.pathname, '--trials', '4000');
    expect(result.code).toBe(7);
    expect(result.stdout).toContain('X-matrix cso-2026: Security (CSO), 2026');
    expect(result.stdout).toMatch(
      /Reduce mean time to detect \(MTTD\) from 24 h to 4 h \(key result of cio\)\n\s+target 4: reached in 0\.\d %/,
    );
    expect(result.stdout).toContain('✗ LLM ops: nobody holds it; 106 person-days needed in months 2-11');
    expect(result.stdout).toContain('Failed: a publish gate failed in cso-2026.');
  }, 60_000);

  it('prints JSON with the same numbers for the same seed', async () => {
    const run = async () =>
      (await cli(process.env, 'check', DEMO_PLAN_PATH.pathname, '--json', '--trials', '2000', '--seed', '9'))
        .stdout;
    const first = await run();
    expect(await run()).toBe(first);
    const report = JSON.parse(first) as CheckJson;
    const cso = report.matrices.find((m) => m.matrixId === 'cso-2026')!;
    const mttd = cso.pressureTest.targets.find((t) => t.targetId === 'cio-kr2-1' && t.kind === 'key_result')!;
    expect(mttd.probability).toBeLessThan(0.05);
    expect(cso.findings.map((f) => f.code)).toContain('skill_gap');
  }, 60_000);

  it('passes (exit 0) once the gaps are closed, and fails again with --min-probability', async () => {
    const file = planFile('fixed.yaml', (plan) => {
      // The resources a recalibration would ask for: an LLM ops engineer and a second ML engineer.
      const hire = (id: string, name: string, skill: string) =>
        plan.people.push({ id, name, email: null, unitId: 'platform', skills: [skill], monthlyCapacity: 18 });
      hire('lin-zhou', 'Lin Zhou', 'LLM ops');
      hire('omar-haddad', 'Omar Haddad', 'ML engineering');
    });
    const passed = await cli(process.env, 'check', file, '--matrix', 'cso-2026', '--trials', '1000');
    expect(passed.stdout).toContain('✓ every skill the initiatives need is covered');
    expect(passed.code).toBe(0);
    const strict = await cli(
      process.env,
      'check',
      file,
      '--matrix',
      'cso-2026',
      '--trials',
      '1000',
      '--min-probability',
      '0.5',
    );
    expect(strict.code).toBe(7);
  }, 60_000);

  it('refuses an invalid plan with each problem and its path (exit 2)', async () => {
    const file = planFile('broken.yaml', (plan) => {
      const how = plan.matrices[0]!.how[0]!;
      how.impacts[0] = { ...how.impacts[0]!, low: 70 };
      how.impacts.push({ ...how.impacts[0], kpi: 'cio-k2' });
      how.effort[0] = { ...how.effort[0]!, personDaysPerMonth: -1 };
      how.deliveryProbability = 1.2;
    });
    const result = await cli(process.env, 'check', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('matrices[0].how[0].effort[0].personDaysPerMonth: must not be negative');
    expect(result.stderr).toContain('matrices[0].how[0].deliveryProbability: must be between 0 and 1');
    const afterTypes = planFile('broken-refs.yaml', (plan) => {
      const how = plan.matrices[0]!.how[0]!;
      how.impacts[0] = { ...how.impacts[0]!, low: 70 };
      how.impacts.push({ ...how.impacts[1]!, kpi: 'cio-k2' });
    });
    const refs = await cli(process.env, 'check', afterTypes);
    expect(refs.code).toBe(2);
    expect(refs.stderr).toContain('matrices[0].how[0].impacts[0].likely: must not be below low (70), got 50');
    expect(refs.stderr).toContain(
      'matrices[0].how[0].impacts[3].kpi: no KPI (howMuch item) cio-k2 in this matrix',
    );
  }, 60_000);
});
