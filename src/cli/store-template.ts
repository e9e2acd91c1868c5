import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  rmdirSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR, migrationNames } from '../server/db/migrate';
import { PGLITE_OPTIONS } from '../server/db/store';

/**
 * What a new embedded data directory starts as: this build's migrated schema, or that plus the demo
 * organisation (`catchball serve` without `--no-demo`).
 */
export type StoreTemplate = 'migrated' | 'demo';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILDER = fileURLToPath(new URL('./store-template-build.ts', import.meta.url));

/**
 * Where built templates are kept: CATCHBALL_STORE_TEMPLATES, else the package's own cache folder.
 * One folder per template and key, so a changed migration or demo never reuses a stale one.
 */
export function templateCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(
    env.CATCHBALL_STORE_TEMPLATES ?? join(ROOT, 'node_modules/.cache/catchball-store-templates'),
  );
}

function hashFiles(hash: ReturnType<typeof createHash>, dir: string, filter: (name: string) => boolean) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashFiles(hash, path, filter);
    else if (filter(entry.name)) hash.update(`${path.slice(ROOT.length)}\0`).update(readFileSync(path));
  }
}

/**
 * The key of a template: PGlite's version and options and every migration; for the demo also the
 * server, core and contracts code that loads it (the demo is whatever this build's importer writes).
 */
export function templateKey(template: StoreTemplate): string {
  const hash = createHash('sha256');
  // Wherever the package manager put PGlite: its entry is dist/index.js, beside ../package.json.
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const pglite = JSON.parse(readFileSync(join(dirname(entry), '../package.json'), 'utf8')) as {
    version: string;
  };
  hash.update(`${pglite.version}\0${JSON.stringify(PGLITE_OPTIONS.postgresqlconf)}\0${template}\0`);
  for (const name of migrationNames()) hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name)));
  if (template === 'demo') {
    for (const dir of ['src/server', 'src/core', 'src/contracts'])
      hashFiles(hash, join(ROOT, dir), (name) => /\.(ts|yaml)$/.test(name) && !name.endsWith('.test.ts'));
  }
  return hash.digest('hex').slice(0, 16);
}

/** A data directory with nothing in it yet (missing, or an empty folder such as mkdtemp's). */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/**
 * Builds a template in a throwaway process: initdb keeps ~0.5 GB of WebAssembly memory that
 * PGlite never returns, so the process that serves must never run it.
 */
async function buildInChild(target: string, template: StoreTemplate): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/run-ts.mjs'), BUILDER, target, template], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0)
    throw new Error(`building the store template failed (exit ${String(code)}): ${stderr.trim()}`);
}

/** Puts `source` (a folder of ours) at `target` unless something is there already. */
function moveInto(source: string, target: string): boolean {
  try {
    if (existsSync(target)) rmdirSync(target); // only ever an empty folder here
    renameSync(source, target);
    return true;
  } catch {
    rmSync(source, { recursive: true, force: true });
    return false; // another process got there first; its copy is as good as ours
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Drops the templates of earlier builds (~40 MB each; one being copied is read already) and the
 * half-built ones of processes that died while building (a server stopped during its first start).
 */
function pruneStale(cacheDir: string, template: StoreTemplate, keep: string): void {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    const builder = /\.building-(\d+)$/.exec(name)?.[1];
    const isOld = path !== keep && new RegExp(`^${template}-[0-9a-f]{16}$`).test(name);
    if (isOld || (builder !== undefined && !isAlive(Number(builder))))
      rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Gives a new data directory this build's migrated schema (and the demo, if asked) by copying a
 * cached template, building that template first in a throwaway process when there is none. A data
 * directory that already holds anything is left alone.
 * @returns the template the directory now holds, or null when it was not new.
 */
export async function seedNewDataDir(
  dataDir: string,
  template: StoreTemplate,
  env: NodeJS.ProcessEnv = process.env,
): Promise<StoreTemplate | null> {
  if (!isNewDataDir(dataDir)) return null;
  const target = resolve(dataDir);
  mkdirSync(dirname(target), { recursive: true });
  const scratch = `${target}.seeding-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  const cached = join(templateCacheDir(env), `${template}-${templateKey(template)}`);
  if (!existsSync(cached)) {
    try {
      mkdirSync(dirname(cached), { recursive: true });
      const building = `${cached}.building-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      await buildInChild(building, template);
      if (moveInto(building, cached)) pruneStale(dirname(cached), template, cached);
    } catch {
      // No writable cache (a read-only install): build straight into this data directory.
      await buildInChild(scratch, template);
      return moveInto(scratch, target) ? template : null;
    }
  }
  // A copy-on-write clone where the file system has them (btrfs, xfs), a plain copy elsewhere.
  cpSync(cached, scratch, { recursive: true, mode: constants.COPYFILE_FICLONE });
  return moveInto(scratch, target) ? template : null;
}
