import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LakeInUseError, lockLakeFolder } from './lake-lock';

const root = mkdtempSync(join(tmpdir(), 'medallion-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has ended. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

describe('lockLakeFolder', () => {
  it('writes <folder>.lock with this process, refuses a second lock while held, and removes it on release', () => {
    const folder = join(root, 'a', 'lake');
    const lock = lockLakeFolder(folder, '--lake-dir');
    expect(lock.path).toBe(`${folder}.lock`);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockLakeFolder(folder, '--lake-dir')).toThrow(LakeInUseError);
    expect(() => lockLakeFolder(folder, '--lake-dir')).toThrow(
      new RegExp(`^--lake-dir ${folder} is in use by process ${process.pid} on `),
    );
    lock.release();
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lockLakeFolder(folder, '--lake-dir').release();
  });

  it('takes over a lock whose process has died, and an empty one a crash left', () => {
    const folder = join(root, 'dead');
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), since: 'then' }));
    const lock = lockLakeFolder(folder, '--lake-dir');
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    writeFileSync(`${folder}.lock`, '');
    lockLakeFolder(folder, '--lake-dir').release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
  });

  it('leaves a file that is not a medallion lock alone, and says so', () => {
    const folder = join(root, 'foreign');
    writeFileSync(`${folder}.lock`, 'my notes\n');
    expect(() => lockLakeFolder(folder, '--lake-dir')).toThrow(
      new LakeInUseError(`--lake-dir ${folder}: ${folder}.lock exists and is not a medallion lock; move it away`),
    );
    expect(readFileSync(`${folder}.lock`, 'utf8')).toBe('my notes\n');
  });

  it('takes a lock held on another host as live (nothing here can tell)', () => {
    const folder = join(root, 'remote');
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: deadPid(), host: 'elsewhere', since: 'then' }));
    expect(() => lockLakeFolder(folder, '--lake-dir')).toThrow(/is in use by process \d+ on elsewhere/);
  });
});
