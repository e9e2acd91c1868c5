import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDatabase, dropDatabase } from './postgres';

const run = promisify(execFile);
export const CLI = join(import.meta.dirname, '../../bin/catchball.mjs');
/** A scratch directory for the CLI tests of one file: data directories and written plans. */
export const workDir = mkdtempSync(join(tmpdir(), 'catchball-cli-'));
const databases: string[] = [];

/**
 * A fresh store for the CLI, chosen the way a user would: a data directory, or on PostgreSQL
 * runs a new database named by DATABASE_URL in the child's environment.
 */
export async function freshStoreEnv(): Promise<NodeJS.ProcessEnv> {
  const { DATABASE_URL: databaseUrl, ...rest } = process.env;
  if (!databaseUrl) return { ...rest, CATCHBALL_DATA_DIR: mkdtempSync(join(workDir, 'data-')) };
  const name = `catchball_test_cli_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(databaseUrl, name);
  databases.push(name);
  return { ...rest, DATABASE_URL: url };
}

/** Runs `catchball …args` in a child process; resolves with its exit code and output, never rejects. */
export async function cli(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Removes the scratch directory and the PostgreSQL databases made by {@link freshStoreEnv}; call in afterAll. */
export async function cleanUpCliStores(): Promise<void> {
  rmSync(workDir, { recursive: true, force: true });
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) for (const name of databases) await dropDatabase(databaseUrl, name);
}
