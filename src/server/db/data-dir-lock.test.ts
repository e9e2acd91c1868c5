import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors';
import { LOCK_FILE, lockDataDir, type LockHolder } from './data-dir-lock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'catchball-lock-'));
  dirs.push(dir);
  return dir;
}

/** The pid of a process that has run and exited: no process has it now (barring reuse). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function writeLock(dir: string, holder: Partial<LockHolder>): void {
  const full = {
    hostname: hostname(),
    startedAt: '2026-12-01T00:00:00.000Z',
    command: 'catchball serve',
    ...holder,
  };
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(full));
}

function lockOf(dir: string): LockHolder {
  return JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockHolder;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('the data directory lock', () => {
  it('names its holder in the lock file and removes it on release', async () => {
    const dir = freshDir();
    const lock = await lockDataDir(dir, { command: 'catchball serve --port 3000' });
    expect(lockOf(dir)).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
      command: 'catchball serve --port 3000',
    });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lock.release(); // twice is harmless
  });

  it('refuses a second holder in this process, naming the pid and command, until released', async () => {
    const dir = freshDir();
    const lock = await lockDataDir(dir, { command: 'catchball serve' });
    const error = await refusal(lockDataDir(dir, { command: 'catchball backup x.gz' }));
    expect(error.code).toBe('store_locked');
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.message).toContain('`catchball serve`');
    expect(error.message).toContain('stop that process first');
    expect(lockOf(dir).command).toBe('catchball serve');
    lock.release();
    (await lockDataDir(dir)).release();
  });

  it('refuses a lock whose pid runs on this host', async () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.ppid, command: 'catchball serve' });
    const error = await refusal(lockDataDir(dir));
    expect(error.code).toBe('store_locked');
    expect(error.message).toContain(`pid ${process.ppid}`);
    expect(error.details).toMatchObject({ dataDir: dir, holder: { pid: process.ppid } });
  });

  it('takes over a lock whose pid is gone, and says so', async () => {
    const dir = freshDir();
    const pid = deadPid();
    writeLock(dir, { pid });
    const previous: (LockHolder | null)[] = [];
    const lock = await lockDataDir(dir, { onTakeOver: (holder) => previous.push(holder) });
    expect(previous.map((holder) => holder?.pid)).toEqual([pid]);
    expect(lockOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock naming this very pid that this process does not hold (a restarted container)', async () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.pid });
    const lock = await lockDataDir(dir);
    expect(lockOf(dir).startedAt).not.toBe('2026-12-01T00:00:00.000Z');
    lock.release();
  });

  it('refuses a fresh lock of another host, and takes it over once it has gone silent', async () => {
    const dir = freshDir();
    writeLock(dir, { pid: 1, hostname: 'elsewhere' });
    const error = await refusal(lockDataDir(dir, { foreignStaleMs: 60_000 }));
    expect(error.message).toContain('pid 1 on host elsewhere');
    expect(error.message).toContain('without a heartbeat');
    const longAgo = new Date(Date.now() - 120_000);
    utimesSync(join(dir, LOCK_FILE), longAgo, longAgo);
    const lock = await lockDataDir(dir, { foreignStaleMs: 60_000 });
    expect(lockOf(dir).hostname).toBe(hostname());
    lock.release();
  });

  it('takes over an unreadable leftover lock once it is past its grace time', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK_FILE), '{"pid":');
    const longAgo = new Date(Date.now() - 10_000);
    utimesSync(join(dir, LOCK_FILE), longAgo, longAgo);
    const lock = await lockDataDir(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('lets one of several openers in this process take over a stale lock, and refuses the others', async () => {
    const dir = freshDir();
    writeLock(dir, { pid: deadPid() });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => lockDataDir(dir)));
    const won = results.filter((result) => result.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const result of results)
      if (result.status === 'rejected') expect((result.reason as DomainError).code).toBe('store_locked');
    if (won[0]?.status === 'fulfilled') won[0].value.release();
  });

  it('leaves a lock alone on release once another holder has replaced it', async () => {
    const dir = freshDir();
    const lock = await lockDataDir(dir);
    writeLock(dir, { pid: process.ppid, command: 'someone else' });
    lock.release();
    expect(lockOf(dir).command).toBe('someone else');
  });
});
