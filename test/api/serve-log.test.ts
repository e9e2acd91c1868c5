import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../bin/catchball.mjs', import.meta.url));

describe('catchball serve writing to a pipe (a container, systemd)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'catchball-log-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes one JSON object a line, its start-up lines and request logs alike', async () => {
    const { LOG_LEVEL: _level, LOG_FORMAT: _format, ...env } = process.env;
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-demo', '--data-dir', dataDir], {
      env,
    });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /serving at (http:\/\/localhost:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${String(code)}: ${output}`)));
      });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      // The first-admin setup link comes after the address; give the process a moment to write it.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    const entries = lines.map((line) => {
      try {
        return JSON.parse(line) as { msg?: string; startup?: boolean; req?: unknown };
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
    expect(entries.some((entry) => entry.startup && entry.msg?.startsWith('Catchball is serving at'))).toBe(
      true,
    );
    expect(entries.some((entry) => entry.startup && entry.msg?.includes('setup?token='))).toBe(true);
    expect(entries.some((entry) => entry.req !== undefined)).toBe(true);
  }, 60_000);
});
