import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { StoreConfig } from '../../src/server/db/store';
import { CLI } from './cli';
import { createDatabase, dropDatabase } from './postgres';

/** A real `catchball serve` in a child process, for the tests that kill, restart or race it. */
export interface ChildServer {
  /** Its base URL on 127.0.0.1. */
  url: string;
  child: ChildProcess;
  /** Everything it has printed so far, stdout and stderr. */
  output: () => string;
}

/**
 * Starts `catchball serve` on a free loopback port with `args` and `env` (LOG_LEVEL silent unless
 * `env` sets it); resolves once it says where it serves, rejects with its output if it exits first.
 */
export function startServer(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ChildServer> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    env: { LOG_LEVEL: 'silent', ...env },
  });
  let output = '';
  return new Promise<ChildServer>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1])
        resolve({ url: match[1].replace('localhost', '127.0.0.1'), child, output: () => output });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) =>
      reject(new Error(`serve exited (${String(code ?? signal)}): ${output}`)),
    );
  });
}

/** SIGKILLs `server` (nothing when it has already exited) and waits until it is gone. */
export async function killServer(server: ChildServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

/**
 * A store for child servers, following the run: a data directory in `scratch`, or on PostgreSQL
 * (DATABASE_URL) a new database `catchball_test_<label>_…`, whose drop is pushed onto `cleanups`.
 * Answers the CLI flags that name it and the config the test opens it with.
 */
export async function freshChildStore(
  label: string,
  scratch: string,
  cleanups: (() => Promise<void>)[],
): Promise<{ flags: string[]; config: StoreConfig }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = join(scratch, 'data');
    return { flags: ['--data-dir', dataDir], config: { dataDir } };
  }
  const name = `catchball_test_${label}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(databaseUrl, name);
  cleanups.push(() => dropDatabase(databaseUrl, name));
  return { flags: ['--database-url', url], config: { databaseUrl: url } };
}
