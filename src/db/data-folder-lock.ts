import { randomBytes, createHash } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataFolderInUseError extends Error {}

/*
 * The embedded database must be opened by one process at a time: a second writer would corrupt it.
 * A lock file in the data folder names its holder: the process id and a random mark made when this
 * module loads, so a lock holding our own process id from an earlier run (a container restarted as
 * process 1 again) is told apart from one this process holds.
 *
 * Every step that decides who holds the lock is one atomic file operation:
 * - the lock is made whole in a file of our own, then hard-linked to its name, which fails if the
 *   name exists: nobody ever reads a half-written lock, and of two makers exactly one succeeds;
 * - a lock left by a dead holder is taken over under a marker named for that very lock (a hash of
 *   its contents), also made by link: of two processes that found the same stale lock, one makes
 *   the marker; it checks the lock is still the stale one, removes it and makes its own. The other
 *   waits, then finds the new lock held. (Issue 14: two processes both took over a stale lock in 6
 *   of 30 trials when each removed whatever lock was there and made its own.)
 */

const mark = randomBytes(8).toString('hex');
const ours = `${process.pid} ${mark}\n`;

export function acquireDataFolderLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'wesaid.lock');
  for (let attempt = 0; attempt < 200; attempt++) {
    if (place(lockPath)) return () => releaseIfOurs(lockPath);
    const held = read(lockPath);
    if (held === undefined) continue; // released or taken over just now: try again
    const holder = parse(held);
    if (holder && holder.pid === process.pid && holder.mark === mark)
      throw new DataFolderInUseError(`The data folder ${dataDir} is already open in this process.`);
    if (holder && isAlive(holder)) throw inUse(dataDir, holder.pid);
    if (takeOver(lockPath, held)) return () => releaseIfOurs(lockPath);
    pause(5);
  }
  throw new DataFolderInUseError(`Could not lock the data folder ${dataDir}.`);
}

function inUse(dataDir: string, pid: number): DataFolderInUseError {
  return new DataFolderInUseError(
    `The data folder ${dataDir} is in use by another Wesaid process (process ${pid}), usually the server. ` +
      'Stop it first, or make the change through the web pages or the API, or use PostgreSQL through DATABASE_URL.',
  );
}

/** Puts a file holding our mark at `target` if nothing is there; false if something is. */
function place(target: string): boolean {
  const own = `${target}.${process.pid}.${mark}.new`;
  const fd = openSync(own, 'w');
  try {
    writeSync(fd, ours);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(own, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

/**
 * Replaces the stale lock whose contents are `stale`, if no other process is doing so. True when
 * this process now holds the lock.
 */
function takeOver(lockPath: string, stale: string): boolean {
  const marker = `${lockPath}.${createHash('sha256').update(stale).digest('hex').slice(0, 16)}.takeover`;
  if (!place(marker)) {
    // Another process is taking this lock over. A marker whose maker died mid-way is cleared.
    const maker = parse(read(marker) ?? '');
    if (maker && !isAlive(maker)) rmSync(marker, { force: true });
    return false;
  }
  try {
    if (read(lockPath) !== stale) return false; // someone else replaced it first
    rmSync(lockPath, { force: true });
    return place(lockPath);
  } finally {
    rmSync(marker, { force: true });
  }
}

function releaseIfOurs(lockPath: string): void {
  if (read(lockPath) === ours) rmSync(lockPath, { force: true });
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** "1234 <mark>", or a bare "1234" as written before the mark. */
function parse(contents: string): { pid: number; mark: string } | undefined {
  const [pid, holderMark = ''] = contents.trim().split(/\s+/);
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 ? { pid: n, mark: holderMark } : undefined;
}

/** Our own process id with another mark is an earlier run of this process id, long gone. */
function isAlive(holder: { pid: number; mark: string }): boolean {
  if (holder.pid === process.pid) return holder.mark === mark;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
