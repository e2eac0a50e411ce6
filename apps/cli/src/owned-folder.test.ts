import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimFolder, ForeignFolderError } from './owned-folder';

describe('claimFolder', () => {
  const root = mkdtempSync(join(tmpdir(), 'medallion-claim-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates a missing folder with the marker', async () => {
    await claimFolder(join(root, 'new'), '.m');
    expect(readdirSync(join(root, 'new'))).toEqual(['.m']);
  });

  it('empties a folder it made before', async () => {
    const dir = join(root, 'again');
    await claimFolder(dir, '.m');
    writeFileSync(join(dir, 'old.csv'), 'x');
    await claimFolder(dir, '.m');
    expect(readdirSync(dir)).toEqual(['.m']);
  });

  it('refuses a non-empty folder it did not make, and leaves it alone', async () => {
    const dir = join(root, 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'important.txt'), 'x');
    await expect(claimFolder(dir, '.m')).rejects.toThrow(
      new ForeignFolderError(`${dir} is not empty and was not made by medallion; give an empty or new folder`),
    );
    expect(existsSync(join(dir, 'important.txt'))).toBe(true);
  });
});
