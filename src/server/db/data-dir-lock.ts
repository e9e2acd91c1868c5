import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { DomainError } from '../../core/errors';

/**
 * One process per embedded data directory. PGlite has no lock of its own: two processes on one
 * directory each keep their own view, write over each other and lose acknowledged writes. So the
 * process that opens a data directory first creates `catchball.lock` in it, exclusively, naming
 * itself; every later opener reads it and refuses while the holder lives.
 *
 * A lock is stale, and is taken over, when its holder is gone: on this host, when its pid no longer
 * runs (or is this very process, which does not hold it: a restarted container's pid 1); from
 * another host (a shared volume), where pids cannot be checked, when it has not been touched for
 * {@link FOREIGN_LOCK_STALE_MS}, since every holder touches its lock every {@link HEARTBEAT_MS}.
 * A holder releases its lock when it closes the store and when the process exits; one killed by a
 * signal leaves a stale lock behind, taken over by the next opener.
 */
export const LOCK_FILE = 'catchball.lock';
export const HEARTBEAT_MS = 10_000;
export const FOREIGN_LOCK_STALE_MS = 60_000;
/** A lock file that cannot be read as a holder this long after it was written is a broken leftover. */
const UNREADABLE_GRACE_MS = 2_000;
/** Enough tries to outlast {@link UNREADABLE_GRACE_MS}. */
const ATTEMPTS = 60;
const RETRY_MS = 50;

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

export interface DataDirLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still this holder's; safe to call more than once. */
  release(): void;
}

export interface LockOptions {
  /** How the holder is described to a refused opener; defaults to this process's command line. */
  command?: string;
  /** Called when a stale lock is taken over, with the holder it named. */
  onTakeOver?: (previous: LockHolder | null) => void;
  /** Overrides {@link FOREIGN_LOCK_STALE_MS} (tests). */
  foreignStaleMs?: number;
}

/** Lock paths this process holds: a second open of one of them in this process is refused too. */
const held = new Set<string>();

/**
 * Takes the lock of `dataDir` (which must exist), or throws `store_locked` naming the process that
 * holds it. A stale lock is replaced under a take-over guard, so two openers racing for one stale
 * lock do not both win.
 */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command: options.command ?? describeThisCommand(),
  };
  const text = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusive(path, text)) return hold(path, holder, text);
    const current = readLock(path);
    if (current === null) continue; // released meanwhile: try again at once
    const state = judge(path, current, options.foreignStaleMs ?? FOREIGN_LOCK_STALE_MS);
    if (state === 'held' && current.holder) throw lockedError(dataDir, path, current.holder);
    if (state === 'stale' && takeOver(path, current.text, text)) {
      options.onTakeOver?.(current.holder);
      return hold(path, holder, text);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  const last = readLock(path)?.holder;
  if (last) throw lockedError(dataDir, path, last);
  throw new DomainError('store_locked', `Could not take the lock ${path}: other processes keep changing it`, {
    dataDir,
    lockFile: path,
  });
}

interface LockFileState {
  text: string;
  holder: LockHolder | null;
  modifiedMs: number;
}

/** `held`: refuse; `stale`: take over; `settling`: just written or being taken over, look again. */
function judge(path: string, current: LockFileState, foreignStaleMs: number): 'held' | 'stale' | 'settling' {
  const { holder } = current;
  const age = Date.now() - current.modifiedMs;
  if (!holder) return age > UNREADABLE_GRACE_MS ? 'stale' : 'settling';
  if (holder.hostname !== hostname()) return age > foreignStaleMs ? 'stale' : 'held';
  if (holder.pid === process.pid) return held.has(path) ? 'held' : 'stale';
  return isRunning(holder.pid) ? 'held' : 'stale';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Replaces the stale lock whose content was `staleText`, unless another opener got there first. */
function takeOver(path: string, staleText: string, text: string): boolean {
  const guard = `${path}.takeover`;
  const guardAge = modifiedAgo(guard);
  // A guard left by an opener that died mid-take-over.
  if (guardAge !== null && guardAge > UNREADABLE_GRACE_MS) rmSync(guard, { force: true });
  if (!createExclusive(guard, text)) return false;
  try {
    if (readLock(path)?.text !== staleText) return false;
    rmSync(path, { force: true });
    return createExclusive(path, text);
  } finally {
    rmSync(guard, { force: true });
  }
}

function hold(path: string, holder: LockHolder, text: string): DataDirLock {
  held.add(path);
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // Removed by hand: nothing to keep fresh; the store stays open.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const release = (): void => {
    if (!held.delete(path)) return;
    clearInterval(heartbeat);
    process.removeListener('exit', release);
    if (readLock(path)?.text === text) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { path, holder, release };
}

/** Creates `path` with `text` only if it does not exist; false when it does. */
function createExclusive(path: string, text: string): boolean {
  try {
    writeFileSync(path, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock file's content and holder (null when it is not a holder's JSON), or null when absent. */
function readLock(path: string): LockFileState | null {
  try {
    const text = readFileSync(path, 'utf8');
    return { text, holder: parseHolder(text), modifiedMs: statSync(path).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { pid, hostname: host, startedAt, command } = value;
    return typeof pid === 'number' && typeof host === 'string'
      ? {
          pid,
          hostname: host,
          startedAt: typeof startedAt === 'string' ? startedAt : 'an unknown time',
          command: typeof command === 'string' ? command : 'an unknown command',
        }
      : null;
  } catch {
    return null;
  }
}

function modifiedAgo(path: string): number | null {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** `catchball serve --port 3000`, from this process's arguments. */
function describeThisCommand(): string {
  const script = process.argv[1] ? basename(process.argv[1]).replace(/\.m?[jt]s$/, '') : 'node';
  return [script, ...process.argv.slice(2)].join(' ');
}

function lockedError(dataDir: string, path: string, holder: LockHolder): DomainError {
  const isHere = holder.hostname === hostname();
  const where = isHere ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.hostname}`;
  const foreignHint = isHere
    ? ''
    : ` If that host no longer runs it, the lock (${path}) is taken over once it has gone ${FOREIGN_LOCK_STALE_MS / 1000} s without a heartbeat.`;
  return new DomainError(
    'store_locked',
    `The embedded store in ${dataDir} is in use by \`${holder.command}\` (${where}, since ${holder.startedAt}). ` +
      `Only one process may open an embedded store: stop that process first (then back up, import or ` +
      `run the command, and start the server again), or use PostgreSQL (DATABASE_URL), which several ` +
      `processes can share.${foreignHint}`,
    { dataDir, lockFile: path, holder },
  );
}
