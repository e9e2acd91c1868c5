import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/server/db/data-dir-lock';
import { CLI, cleanUpCliStores, workDir } from '../support/cli';

/**
 * One process per embedded data directory, with real processes: a second server, a backup and an
 * export beside a running server are refused naming it, and the directory opens again once it stops
 * or dies. The lock concerns the embedded store only, so these run on a data directory in both runs.
 */
afterAll(cleanUpCliStores);

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function embeddedEnv(): { env: NodeJS.ProcessEnv; dataDir: string } {
  const dataDir = mkdtempSync(join(workDir, 'data-'));
  const env: NodeJS.ProcessEnv = { ...process.env, CATCHBALL_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return { env, dataDir };
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: NodeJS.ProcessEnv, ...args: string[]): Run {
  const child = spawn(process.execPath, [CLI, ...args], { env });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Runs a command to its end (killed after 60 s, so a command that wrongly keeps serving fails). */
async function run(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number | null; output: string }> {
  const started = start(env, ...args);
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 60_000);
  const code = await started.exited;
  clearTimeout(timer);
  return { code, output: started.output() };
}

async function serve(env: NodeJS.ProcessEnv): Promise<Run & { url: string }> {
  const server = start(env, 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /serving at (http:\/\/localhost:\d+)/.exec(server.output());
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    }, 20);
    void server.exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`serve exited (${String(code)}): ${server.output()}`));
    });
  });
  return { ...server, url };
}

async function stop(server: Run, signal: NodeJS.Signals): Promise<void> {
  server.child.kill(signal);
  await server.exited;
}

describe('one process per embedded data directory', () => {
  it('refuses a second server, a backup and an export beside a running server; opens again once it stops', async () => {
    const { env, dataDir } = embeddedEnv();
    const first = await serve(env);
    const pid = first.child.pid ?? 0;
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid });

    const second = await run(env, 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo');
    expect(second.code).toBe(4);
    expect(second.output).toContain('error (store_locked)');
    expect(second.output).toContain(`pid ${pid}`);
    expect(second.output).toContain('serve');

    const file = join(workDir, 'beside.jsonl.gz');
    const backup = await run(env, 'backup', file);
    expect(backup.code).toBe(4);
    expect(backup.output).toContain(`error (store_locked): The embedded store in ${dataDir} is in use`);
    expect(backup.output).toContain(`pid ${pid}`);
    expect(existsSync(file)).toBe(false);

    const exported = await run(env, 'export', '--format', 'json');
    expect(exported.code).toBe(4);
    expect(exported.output).toContain(`pid ${pid}`);

    // The server kept its store through all of it.
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    await stop(first, 'SIGTERM');
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    const after = await run(env, 'backup', file);
    expect(after.output).toContain('Backup written to');
    expect(after.code).toBe(0);
    const again = await serve(env);
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    await stop(again, 'SIGTERM');
  }, 120_000);

  it('takes over the lock of a killed server', async () => {
    const { env, dataDir } = embeddedEnv();
    const killed = await serve(env);
    await stop(killed, 'SIGKILL');
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

    const backup = await run(env, 'backup', join(workDir, 'after-kill.jsonl.gz'));
    expect(backup.output).toContain(`Took over the stale lock of ${dataDir} (pid ${killed.child.pid}`);
    expect(backup.code).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);
});
