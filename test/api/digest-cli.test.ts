import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN_PATH } from '../../src/server/demo';
import { startSmtp } from '../support/smtp-server';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../../bin/catchball.mjs');
const workDir = mkdtempSync(join(tmpdir(), 'catchball-digest-'));

/** Runs the CLI on an embedded store (the digest's delivery is the same on both stores; the API tests cover PostgreSQL). */
async function cli(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('catchball digest', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    smtp = await startSmtp();
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = { ...rest, CATCHBALL_DATA_DIR: join(workDir, 'data') };
    expect((await cli(env, 'import', DEMO_PLAN_PATH.pathname)).code).toBe(0);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    rmSync(workDir, { recursive: true, force: true });
  });

  it('e-mails the owners of items without a check-in over SMTP from the environment', async () => {
    const result = await cli(
      {
        ...env,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_FROM: 'reminders@northwind.example',
      },
      'digest',
      '--as-of',
      '2026-03-15',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Digest for acme as of 2026-03-15: \d+ items? needs? a check-in/);
    expect(result.stdout).toContain('webhook: not sent — no webhook URL is set');
    expect(result.stdout).toMatch(/e-mail: sent to .*aisha\.bello@example\.com/);
    expect(smtp.mails.length).toBeGreaterThan(3);
    expect(smtp.mails.every((mail) => mail.from === 'reminders@northwind.example')).toBe(true);
  });

  it('exits non-zero when items are due and no channel could take the digest', async () => {
    const result = await cli(env, 'digest', '--as-of', '2026-03-15');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('e-mail: not sent — SMTP is not configured');
  });
});
