import { hostname } from 'node:os';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Another live process holds the lake folder: the message names the folder and the process. */
export class LakeInUseError extends Error {
  override readonly name = 'LakeInUseError';
}

/** What a lock file holds. */
interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO 8601 time the holder took the lock. */
  readonly since: string;
}

/** A lock held by this process; `release` removes it (once; later calls do nothing). */
export interface LakeLock {
  /** The lock file, `<lake folder>.lock`. */
  readonly path: string;
  release(): void;
}

/**
 * The holder a lock file names; `'empty'` for a file a crash left before its holder was written (or
 * one gone meanwhile); `'foreign'` for a file that is not a lock of ours, which is never removed.
 */
function readHolder(path: string): LockHolder | 'empty' | 'foreign' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 'empty';
  }
  if (text === '') return 'empty';
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    if (typeof holder.pid === 'number' && typeof holder.host === 'string')
      return { pid: holder.pid, host: holder.host, since: String(holder.since) };
  } catch {
    // not JSON: not ours
  }
  return 'foreign';
}

/** Whether the process a lock names still runs (on another host it is taken to, as nothing can tell). */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Locks a lake folder (or an export folder) for this process, so that two runs never share (and empty) one: the
 * lock is the file `<folder>.lock` beside it, created exclusively, holding this process's pid, host
 * and start time. A lock whose process has died (same host, no such pid) is taken over, and so is an
 * empty one (a crash between creating and writing it); a file there that is not a lock of ours is
 * left alone and refused. Two runs taking over one dead lock at the same instant could both
 * succeed (the check and the removal are two steps); a live lock is never taken. The lock is released by {@link LakeLock.release} and, failing that, when the
 * process exits.
 *
 * @param folder - the lake folder (absolute path); it need not exist yet.
 * @param option - the CLI option that named it, e.g. `--lake-dir`, said in the error.
 * @returns the lock.
 * @throws LakeInUseError when a live process holds it, naming the folder, the pid and since when; or
 *   when a file that is not our lock is in its place.
 */
export function lockLakeFolder(folder: string, option: string): LakeLock {
  const path = `${folder}.lock`;
  mkdirSync(dirname(path), { recursive: true });
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return heldLock(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder === 'foreign')
      throw new LakeInUseError(`${option} ${folder}: ${path} exists and is not a medallion lock; move it away`);
    if (holder !== 'empty' && isAlive(holder))
      throw new LakeInUseError(
        `${option} ${folder} is in use by process ${holder.pid} on ${holder.host} (since ${holder.since}); wait for that run to end, or give another ${option}`,
      );
    // Its process is gone: take the lock over (another process doing the same loses the exclusive create).
    unlinkSync(path);
  }
  throw new LakeInUseError(`${option} ${folder}: its lock ${path} changed hands three times; try again`);
}

function heldLock(path: string): LakeLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    const holder = readHolder(path);
    if (typeof holder === 'object' && holder.pid === process.pid) unlinkSync(path);
  };
  process.on('exit', release);
  return { path, release };
}
